import { FormControl, FormGroup } from '@angular/forms';
import type { OrganisationProfile } from '@alliances/shared/contracts';
import { IdentifierValues, identifierErrorKey, identifierErrors, identifierValidator } from './identifier-validators';

const values = (v: Partial<IdentifierValues>): IdentifierValues => ({ profile: null, siren: '', siret: '', rna: '', ...v });

describe('identifierErrors', () => {
  it('accepts valid identifiers, with or without spaces', () => {
    expect(identifierErrors(values({ profile: 'company', siren: '552 100 554', siret: '55210055400013' }))).toEqual({});
    expect(identifierErrors(values({ profile: 'association', rna: 'W751234567' }))).toEqual({});
  });

  it('refuses a SIREN or SIRET whose check digit is wrong, and an RNA of the wrong shape', () => {
    expect(identifierErrors(values({ siren: '552100555', siret: '55210055400014', rna: 'X751234567' }))).toEqual({
      siren: 'invalidSiren',
      siret: 'invalidSiret',
      rna: 'invalidRna',
    });
    expect(identifierErrors(values({ siren: '55210055' }))).toEqual({ siren: 'invalidSiren' });
  });

  it('wants the SIRET to belong to the SIREN given', () => {
    expect(identifierErrors(values({ siren: '732829320', siret: '55210055400013' }))).toEqual({ siret: 'siretSirenMismatch' });
  });

  it.each<[OrganisationProfile, Partial<IdentifierValues>, ReturnType<typeof identifierErrors>]>([
    ['association', {}, { rna: 'identifierRequired' }],
    ['association', { siren: '552100554' }, {}],
    ['company', {}, { siren: 'identifierRequired' }],
    ['company', { rna: 'W751234567' }, { siren: 'identifierRequired' }],
    ['company', { siret: '55210055400013' }, {}],
    ['foundation', {}, {}],
    ['local_authority', {}, {}],
  ])('asks a %s with %j for %j', (profile, given, expected) => {
    expect(identifierErrors(values({ profile, ...given }))).toEqual(expected);
  });
});

describe('identifierValidator in a form', () => {
  function form() {
    return new FormGroup({
      profile: new FormControl<OrganisationProfile | null>(null),
      siren: new FormControl('', { nonNullable: true, validators: identifierValidator('siren') }),
      siret: new FormControl('', { nonNullable: true, validators: identifierValidator('siret') }),
      rna: new FormControl('', { nonNullable: true, validators: identifierValidator('rna') }),
    });
  }

  it('flags the field as the person types, with the message to show', () => {
    const f = form();

    f.controls.siren.setValue('55210055');
    expect(identifierErrorKey('siren', f.controls.siren)).toBe('organisations.apply.errors.invalidSiren');

    f.controls.siren.setValue('552100554');
    expect(f.controls.siren.valid).toBe(true);
    expect(identifierErrorKey('siren', f.controls.siren)).toBeNull();
  });

  it('names the field the profile requires', () => {
    const f = form();
    f.controls.profile.setValue('association');
    f.controls.rna.updateValueAndValidity();

    expect(identifierErrorKey('rna', f.controls.rna)).toBe('organisations.apply.errors.identifierRequired.rna');
  });
});
