import { PARTNER_NEEDS, type DirectoryMatch, type PartnerNeed } from '@alliances/shared/contracts';

/** What an organisation looks for and brings (its `seeks` and `offers`). */
export interface PartnerNeeds {
  seeks: readonly PartnerNeed[];
  offers: readonly PartnerNeed[];
}

/**
 * Complementarity of another organisation ("they") with yours ("you"), docs/decisions/0014:
 * half the score is the share of what they seek that you offer, the other half the share of what you
 * seek that they offer, rounded to an integer from 0 to 100. A side that seeks nothing adds 0, so a
 * one-way fit tops at 50 and only a mutual one reaches 100. `complementaritySql` orders by the same rule.
 */
export function complementarity(you: PartnerNeeds, they: PartnerNeeds): DirectoryMatch {
  const theySeekYouOffer = inOrder(they.seeks.filter((n) => you.offers.includes(n)));
  const youSeekTheyOffer = inOrder(you.seeks.filter((n) => they.offers.includes(n)));
  const share = (found: number, sought: readonly PartnerNeed[]) => (50 * found) / Math.max(new Set(sought).size, 1);
  const score = Math.round(share(theySeekYouOffer.length, they.seeks) + share(youSeekTheyOffer.length, you.seeks));
  return { score, theySeekYouOffer, youSeekTheyOffer };
}

const inOrder = (needs: PartnerNeed[]): PartnerNeed[] => PARTNER_NEEDS.filter((n) => needs.includes(n));

/** The needs as the 9-bit mask the database keeps in `seeks_mask` / `offers_mask` (bit i = PARTNER_NEEDS[i]). */
export function needsMask(needs: readonly PartnerNeed[]): number {
  return PARTNER_NEEDS.reduce((mask, need, i) => (needs.includes(need) ? mask | (1 << i) : mask), 0);
}

/**
 * The same score in SQL, from the row's masks and the caller's (`$yourSeeks`, `$yourOffers`, integer
 * parameters): numeric arithmetic, rounded half up like Math.round for these positive values.
 */
export function complementaritySql(row: string, yourSeeks: string, yourOffers: string): string {
  const count = (mask: string) => `bit_count((${mask})::bit(9))`;
  return `round(50.0 * ${count(`${row}.seeks_mask & ${yourOffers}`)} / greatest(${count(`${row}.seeks_mask`)}, 1)
               + 50.0 * ${count(`${row}.offers_mask & ${yourSeeks}`)} / greatest(${count(yourSeeks)}, 1))::int`;
}
