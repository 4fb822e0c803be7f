/** A domain of one's own beside the listed ones, as the API accepts it (`circular_economy`). */
export const DOMAIN_SLUG = /^[a-z][a-z0-9_]{1,39}$/;
