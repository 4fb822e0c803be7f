import { isSIREN, isSIRET } from 'siret';
import { isValidRna, isValidSiren, isValidSiret } from './identifiers';

describe('French identifiers', () => {
  it('accepts real SIRENs and refuses a wrong check digit', () => {
    expect(isValidSiren('732 829 320')).toBe(true); // Société Générale... (public data)
    expect(isValidSiren('552100554')).toBe(true);
    expect(isValidSiren('552100555')).toBe(false);
    expect(isValidSiren('55210055')).toBe(false);
    expect(isValidSiren('ABCDEFGHI')).toBe(false);
  });

  it('agrees with the siret package on SIRETs', () => {
    for (const v of ['55210055400013', '73282932000074', '73282932000075', '12345678901234', '40483304800022']) {
      expect(isValidSiret(v)).toBe(isSIRET(v) && isSIREN(v.slice(0, 9)));
    }
  });

  it('accepts La Poste establishments despite the Luhn exception', () => {
    expect(isValidSiret('35600000000001')).toBe(true); // digits sum to 15
    expect(isValidSiret('35600000000002')).toBe(false);
  });

  it('checks RNA numbers: W and nine characters', () => {
    expect(isValidRna('W751234567')).toBe(true);
    expect(isValidRna('w2a1234567')).toBe(true);
    expect(isValidRna('W75123456')).toBe(false);
    expect(isValidRna('X751234567')).toBe(false);
  });
});
