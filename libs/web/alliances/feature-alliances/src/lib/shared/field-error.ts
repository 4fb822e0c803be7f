import { AbstractControl } from '@angular/forms';

/** The translation key and parameters of a control's first error, to show under the field. */
export function errorOf(control: AbstractControl): { key: string; params?: Record<string, unknown> } | null {
  const errors = control.errors;
  if (!errors) return null;
  const [code, value] = Object.entries(errors)[0];
  const limit = (value as { requiredLength?: number } | null)?.requiredLength;
  if ((code === 'minlength' || code === 'maxlength') && limit !== undefined) {
    return { key: `alliances.wizard.errors.${code}`, params: { min: limit, max: limit } };
  }
  const known = ['required', 'category', 'objectives', 'invalidTerritory', 'notYourOrganisation'];
  return { key: known.includes(code) ? `alliances.wizard.errors.${code}` : 'alliances.wizard.errors.server' };
}
