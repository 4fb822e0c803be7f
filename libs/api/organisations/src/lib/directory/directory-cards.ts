import type { DirectoryCard, OrganisationProfile, PartnerNeed } from '@alliances/shared/contracts';
import type { TerritoriesService } from '../territories.service';

/** The rows the directory shows: listed and approved, the condition of its partial indexes (migration OrganisationProfiles). */
export const IN_DIRECTORY = `o.listed AND o.status = 'approved'`;

/** The public columns of a card, and nothing else: never identifiers, members, house model or review. */
export const CARD_COLUMNS = `o.id, o.name, o.profile, o.description, o.website, o.logo_type IS NOT NULL AS has_logo, o.territory_code,
  o.departement_code, o.region_code, o.domains, o.seeks, o.offers, o.open_to_alliances`;

export interface CardRow {
  id: string;
  name: string;
  profile: OrganisationProfile;
  description: string | null;
  website: string | null;
  has_logo: boolean;
  territory_code: string | null;
  departement_code: string | null;
  region_code: string | null;
  domains: string[];
  seeks: PartnerNeed[];
  offers: PartnerNeed[];
  open_to_alliances: boolean;
}

export function toDirectoryCard(row: CardRow, territories: TerritoriesService): DirectoryCard {
  const territory = row.territory_code ? territories.find(row.territory_code) : undefined;
  return {
    id: row.id,
    name: row.name,
    profile: row.profile,
    description: row.description,
    website: row.website,
    hasLogo: row.has_logo,
    territory: row.territory_code
      ? {
          code: row.territory_code,
          name: territory?.name ?? row.territory_code,
          departementCode: row.departement_code,
          regionCode: row.region_code,
        }
      : null,
    domains: row.domains,
    seeks: row.seeks,
    offers: row.offers,
    openToAlliances: row.open_to_alliances,
  };
}
