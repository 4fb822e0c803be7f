import { AbstractControl } from '@angular/forms';
import { errorMessageKey } from '@alliances/web/core';

/** The translation key telling what went wrong: the error catalogue's message for the API's code, else a generic one. */
export function fundingErrorKey(error: unknown): string {
  return errorMessageKey(error);
}

/** Client and API validation codes with their own message under `funding.validation.<code>`. */
const KNOWN = new Set([
  'required',
  'min',
  'max',
  'minlength',
  'maxlength',
  'minLength',
  'maxLength',
  'pattern',
  'matches',
  'isNumber',
  'isIso8601',
  'endsBeforeStart',
  'tranchesExceedGrant',
  'unknownReport',
  'paidNeedsApprovedReport',
  'commentRequired',
]);
const ALIASES: Record<string, string> = { minLength: 'minlength', maxLength: 'maxlength', matches: 'pattern' };

/** The translation key (and params) of the first error of a control, or null when it is valid. */
export function fieldError(control: AbstractControl | null): { key: string; params: Record<string, unknown> } | null {
  const errors = control?.errors;
  if (!errors) return null;
  const code = Object.keys(errors)[0];
  const name = KNOWN.has(code) ? (ALIASES[code] ?? code) : 'invalid';
  const detail = errors[code];
  const params: Record<string, unknown> = {};
  if (detail && typeof detail === 'object') {
    if ('requiredLength' in detail) params['length'] = detail.requiredLength;
    if ('min' in detail) params['min'] = detail.min;
    if ('max' in detail) params['max'] = detail.max;
  }
  return { key: `funding.validation.${name}`, params };
}
