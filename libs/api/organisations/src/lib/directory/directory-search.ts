/** Most words of `q` searched; the rest is ignored. */
const MAX_SEARCH_WORDS = 8;

/** Lower case without accents, as `fold_accents` folds the search document. */
const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');

/**
 * The tsquery of a search: each word of `q`, folded, as a prefix (`ecol:*`), all required. Words are
 * letters and digits only, so nothing in `q` can be read as tsquery syntax. Null when `q` has no word.
 */
export function searchQuery(q: string | undefined): string | null {
  const words = fold(q ?? '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_SEARCH_WORDS);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}
