import { AbstractControl, FormGroup, ValidatorFn } from '@angular/forms';
import { isValidRna, isValidSiren, isValidSiret, normaliseSiren, type OrganisationProfile } from '@alliances/shared/contracts';

export type IdentifierField = 'siren' | 'siret' | 'rna';
export const IDENTIFIER_FIELDS: readonly IdentifierField[] = ['siren', 'siret', 'rna'];

/** The codes the API uses in `details` for the same failures, so both read the same message. */
export type IdentifierErrorCode = 'invalidSiren' | 'invalidSiret' | 'siretSirenMismatch' | 'invalidRna' | 'identifierRequired';
export const IDENTIFIER_ERROR_CODES: readonly IdentifierErrorCode[] = [
  'identifierRequired',
  'invalidSiren',
  'invalidSiret',
  'siretSirenMismatch',
  'invalidRna',
];

export interface IdentifierValues {
  profile: OrganisationProfile | null;
  siren: string;
  siret: string;
  rna: string;
}

/**
 * The API's identifier rules (docs/domain.md "Identifiers and territories"), checked while the person types: SIREN and SIRET
 * with their check digit, a SIRET that starts with the SIREN, the RNA format; an association gives
 * its RNA or SIREN (or SIRET), a company its SIREN or SIRET.
 */
export function identifierErrors(values: IdentifierValues): Partial<Record<IdentifierField, IdentifierErrorCode>> {
  const siren = values.siren.trim();
  const siret = values.siret.trim();
  const rna = values.rna.trim();
  const errors: Partial<Record<IdentifierField, IdentifierErrorCode>> = {};
  if (siren && !isValidSiren(siren)) errors.siren = 'invalidSiren';
  if (siret && !isValidSiret(siret)) errors.siret = 'invalidSiret';
  else if (siret && siren && isValidSiren(siren) && !normaliseSiren(siret).startsWith(normaliseSiren(siren))) {
    errors.siret = 'siretSirenMismatch';
  }
  if (rna && !isValidRna(rna)) errors.rna = 'invalidRna';
  if (values.profile === 'association' && !rna && !siren && !siret) errors.rna = 'identifierRequired';
  if (values.profile === 'company' && !siren && !siret) errors.siren = 'identifierRequired';
  return errors;
}

/**
 * Validator of one identifier control. It reads the profile and the other identifiers from the
 * parent group, so the group must re-validate all three when any of them changes.
 */
export function identifierValidator(field: IdentifierField): ValidatorFn {
  return (control: AbstractControl) => {
    const group = control.parent;
    if (!(group instanceof FormGroup)) return null;
    const values = { ...(group.getRawValue() as IdentifierValues), [field]: (control.value as string | null) ?? '' };
    const code = identifierErrors(values)[field];
    return code ? { [code]: true } : null;
  };
}

/** The translation key of the first identifier error on a control, if any. */
export function identifierErrorKey(field: IdentifierField, control: AbstractControl): string | null {
  const code = IDENTIFIER_ERROR_CODES.find((c) => control.hasError(c));
  if (!code) return null;
  return code === 'identifierRequired' ? `organisations.apply.errors.identifierRequired.${field}` : `organisations.apply.errors.${code}`;
}
