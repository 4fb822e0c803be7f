import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { TOTP_DIGITS } from '@alliances/shared/contracts';

/** People paste codes with spaces ("123 456"); the API wants them bare. */
export function normaliseCode(value: string): string {
  return value.replace(/\s+/g, '');
}

const TOTP_PATTERN = new RegExp(`^\\d{${TOTP_DIGITS}}$`);
const RECOVERY_PATTERN = /^[a-z0-9-]{6,40}$/i;

/** A code of the authenticator app (6 digits), or with `recovery` a recovery code (`xxxxx-xxxxx`). */
export function totpOrRecoveryCode(recovery: boolean): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const value = normaliseCode(control.value ?? '');
    if (!value) return null;
    if (recovery) return RECOVERY_PATTERN.test(value) ? null : { recoveryCode: true };
    return TOTP_PATTERN.test(value) ? null : { totpCode: true };
  };
}
