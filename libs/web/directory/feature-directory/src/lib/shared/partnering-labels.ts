import { MAGIC_SQUARE, PARTNER_CONTRIBUTIONS, type PartnerNeed } from '@alliances/shared/contracts';

/** What an organisation may seek or offer: the magic square first, then the kinds of contribution. */
export const PARTNER_NEEDS: readonly PartnerNeed[] = [...MAGIC_SQUARE, ...PARTNER_CONTRIBUTIONS];

/** Lower-case slug of a domain of one's own beside the listed ones (`circular-economy`). */
export const DOMAIN_SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
