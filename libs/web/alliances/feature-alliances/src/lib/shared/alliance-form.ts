import { AbstractControl, FormGroup, ValidationErrors } from '@angular/forms';
import type { Territory } from '@alliances/shared/contracts';

/** Collective objectives: at least one box ticked. */
export const atLeastOne = (group: AbstractControl): ValidationErrors | null =>
  Object.values((group as FormGroup).controls).some((c) => c.value === true) ? null : { objectives: true };

/** A territory as the autocomplete gives it, from an alliance's `{code, name}`. */
export const territoryOf = ({ code, name }: { code: string; name: string }): Territory => ({
  code,
  name,
  kind: code.length === 5 ? 'commune' : code.startsWith('R') ? 'region' : 'departement',
});
