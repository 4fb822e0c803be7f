import { searchQuery } from './directory-search';

describe('searchQuery', () => {
  it('folds accents and case and makes each word a required prefix', () => {
    expect(searchQuery('École  Lyon')).toBe('ecole:* & lyon:*');
    expect(searchQuery('cœur')).toBe('coeur:*');
  });

  it('keeps letters and digits only, so nothing is read as tsquery syntax', () => {
    expect(searchQuery("l'aide & (soin) | !répit:* 2026")).toBe('l:* & aide:* & soin:* & repit:* & 2026:*');
    expect(searchQuery('  !&|():*  ')).toBeNull();
    expect(searchQuery(undefined)).toBeNull();
  });

  it('searches at most eight words', () => {
    expect(searchQuery('a b c d e f g h i j')?.split(' & ')).toHaveLength(8);
  });
});
