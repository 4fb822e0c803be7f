import { Pipe, PipeTransform, inject } from '@angular/core';
import { ResolveFn } from '@angular/router';
import { TranslocoService, provideTranslocoScope } from '@jsverse/transloco';
import { DOMAINS, MAGIC_SQUARE, PARTNER_CONTRIBUTIONS, type PartnerNeed } from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';

/** What an organisation may seek or offer: the magic square first, then the kinds of contribution. */
export const PARTNER_NEEDS: readonly PartnerNeed[] = [...MAGIC_SQUARE, ...PARTNER_CONTRIBUTIONS];

/** Lower-case slug of a domain of one's own beside the listed ones (`circular-economy`). */
export const DOMAIN_SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

/** Domain and category names come from the alliances scope, so the vocabulary has a single source. */
export const providePartneringI18n = () => provideTranslocoScope('alliances');

/** A route title translated once the alliances scope is there (missing words must not block the page). */
export function partneringTitle(key: string): ResolveFn<string> {
  return async () => {
    const transloco = inject(TranslocoService);
    await firstValueFrom(transloco.load(`alliances/${transloco.getActiveLang()}`)).catch(() => undefined);
    return key;
  };
}

/** The translation key of a listed domain, or null for a domain of one's own (shown as typed). */
@Pipe({ name: 'domainKey' })
export class DomainKeyPipe implements PipeTransform {
  transform(domain: string): string | null {
    return (DOMAINS as readonly string[]).includes(domain) ? `alliances.domains.${domain}` : null;
  }
}
