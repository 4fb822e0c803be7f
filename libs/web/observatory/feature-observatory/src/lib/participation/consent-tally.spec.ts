import { consentTally } from './observatory-participation-page';

describe('consentTally', () => {
  it('counts the consents given and those still awaited', () => {
    const consents = [
      { organisationId: 'a', organisationName: 'A', consentedAt: '2026-12-01T10:00:00Z' },
      { organisationId: 'b', organisationName: 'B', consentedAt: null },
      { organisationId: 'c', organisationName: 'C', consentedAt: null },
    ];
    expect(consentTally({ consents })).toEqual({ given: 1, awaited: 2, total: 3 });
    expect(consentTally({ consents: [] })).toEqual({ given: 0, awaited: 0, total: 0 });
  });
});
