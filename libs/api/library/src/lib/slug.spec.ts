import { firstFreeSlug, slugify } from './slug';

describe('slugify', () => {
  it('folds accents and joins words by dashes', () => {
    expect(slugify('Café des aidants, Lyon')).toBe('cafe-des-aidants-lyon');
    expect(slugify('  Œuvre commune — Île-de-France !')).toBe('oeuvre-commune-ile-de-france');
  });
  it('never gives an empty address', () => expect(slugify('«»')).toBe('fiche'));
  it('adds a suffix on a collision', () => {
    expect(firstFreeSlug('cafe', new Set())).toBe('cafe');
    expect(firstFreeSlug('cafe', new Set(['cafe', 'cafe-2']))).toBe('cafe-3');
  });
});
