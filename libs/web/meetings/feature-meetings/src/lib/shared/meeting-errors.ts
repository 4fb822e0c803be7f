import { AbstractControl } from '@angular/forms';

/** Client and API validation codes with their own message under `meetings.validation.<code>`. */
const KNOWN = new Set(['required', 'maxlength', 'maxLength', 'isIso8601', 'endsBeforeStart', 'isUrl']);
const ALIASES: Record<string, string> = { maxLength: 'maxlength' };

/** The translation key (and params) of the first error of a control, or null when it is valid. */
export function fieldError(control: AbstractControl | null): { key: string; params: Record<string, unknown> } | null {
  const errors = control?.errors;
  if (!errors || !control?.touched) return null;
  const code = Object.keys(errors)[0];
  const name = KNOWN.has(code) ? (ALIASES[code] ?? code) : 'invalid';
  const detail = errors[code];
  const params: Record<string, unknown> = {};
  if (detail && typeof detail === 'object' && 'requiredLength' in detail) params['length'] = detail.requiredLength;
  return { key: `meetings.validation.${name}`, params };
}
