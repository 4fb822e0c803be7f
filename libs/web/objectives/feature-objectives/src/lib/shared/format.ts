import { AbstractControl } from '@angular/forms';

/** A progress ratio as a whole percentage, kept raw (may be below 0 or above 100). */
export function percent(ratio: number | null): number | null {
  return ratio === null ? null : Math.round(ratio * 100);
}

/** The same, clamped to 0–100 for a progress bar. */
export function clampedPercent(ratio: number | null): number {
  return ratio === null ? 0 : Math.min(100, Math.max(0, ratio * 100));
}

/** Today's date as YYYY-MM-DD in the person's time zone. */
export function today(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

const KNOWN = new Set(['required', 'minlength', 'targetEqualsBaseline', 'targetDateBeforeStart', 'notInAlliance', 'min', 'max']);

/** The translation key (and its params) of the first error of a field, or null when valid. */
export function fieldError(control: AbstractControl): { key: string; params: Record<string, unknown> } | null {
  const errors = control.errors;
  if (!errors) return null;
  const code = Object.keys(errors)[0];
  if (code === 'minlength') return { key: 'objectives.validation.minlength', params: { min: errors['minlength'].requiredLength } };
  if (code === 'min' || code === 'max') return { key: 'objectives.validation.confidence', params: {} };
  return { key: `objectives.validation.${KNOWN.has(code) ? code : 'invalid'}`, params: {} };
}
