import { ParamMap, Params } from '@angular/router';
import { ORGANISATION_PROFILES, PARTNER_NEEDS, type OrganisationProfile, type PartnerNeed } from '@alliances/shared/contracts';
import type { DirectorySearch } from '@alliances/web/directory/data-access';

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value && (list as readonly string[]).includes(value) ? (value as T) : undefined;

/** The directory's search as the URL carries it (`/annuaire?q=…&territory=84&domain=food&domain=health`). */
export function queryFromUrl(params: ParamMap): DirectorySearch {
  const text = (key: string) => params.get(key)?.trim() || undefined;
  const as = text('as');
  return {
    q: text('q'),
    territory: text('territory'),
    profile: oneOf<OrganisationProfile>(ORGANISATION_PROFILES, params.get('profile')),
    domain: params.getAll('domain').filter(Boolean),
    seeks: oneOf<PartnerNeed>(PARTNER_NEEDS, params.get('seeks')),
    offers: oneOf<PartnerNeed>(PARTNER_NEEDS, params.get('offers')),
    open: params.get('open') === 'true' || undefined,
    as,
    sort: as && params.get('sort') === 'match' ? 'match' : undefined,
  };
}

/** Query parameters for the router: every key is set, `null` removes it from the URL. */
export function urlFromQuery(query: DirectorySearch): Params {
  return {
    q: query.q || null,
    territory: query.territory || null,
    profile: query.profile ?? null,
    domain: query.domain?.length ? query.domain : null,
    seeks: query.seeks ?? null,
    offers: query.offers ?? null,
    open: query.open ? 'true' : null,
    as: query.as || null,
    sort: query.as && query.sort === 'match' ? 'match' : null,
  };
}
