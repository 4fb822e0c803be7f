import { MAGIC_SQUARE, PARTNER_CONTRIBUTIONS, type PartnerNeed } from '@alliances/shared/contracts';

/** What an organisation may seek or offer: the magic square first, then the kinds of contribution. */
export const PARTNER_NEEDS: readonly PartnerNeed[] = [...MAGIC_SQUARE, ...PARTNER_CONTRIBUTIONS];

/** A domain of one's own beside the listed ones, as the API accepts it (`circular_economy`). */
export const DOMAIN_SLUG = /^[a-z][a-z0-9_]{1,39}$/;
