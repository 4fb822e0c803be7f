import { Pipe, PipeTransform } from '@angular/core';
import { DOMAINS } from '@alliances/shared/contracts';

/** The translation key of a listed domain, or null for a domain of one's own (shown as typed). */
@Pipe({ name: 'domainKey' })
export class DomainKeyPipe implements PipeTransform {
  transform(domain: string): string | null {
    return (DOMAINS as readonly string[]).includes(domain) ? `alliances.domains.${domain}` : null;
  }
}
