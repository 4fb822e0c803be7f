import { AbstractControl } from '@angular/forms';
import type { DecisionCounts } from '@alliances/shared/contracts';

/** Client and API validation codes with their own message under `governance.validation.<code>`. */
const KNOWN = new Set(['required', 'minlength', 'maxlength', 'closesAtInPast', 'reasonRequired', 'notAPartnerPerson', 'unknownSource']);

/** The translation key (and params) of the first error of a control, or null when it is valid. */
export function fieldError(control: AbstractControl | null): { key: string; params: Record<string, unknown> } | null {
  const errors = control?.errors;
  if (!errors) return null;
  const code = Object.keys(errors)[0];
  const detail = errors[code];
  const params: Record<string, unknown> = {};
  if (detail && typeof detail === 'object' && 'requiredLength' in detail) params['length'] = detail.requiredLength;
  return { key: `governance.validation.${KNOWN.has(code) ? code : 'invalid'}`, params };
}

/** The counts as translation params. */
export const countParams = (c: DecisionCounts): Record<string, number> => ({ ...c });

/** `YYYY-MM-DD` of today, in the browser's time zone. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
