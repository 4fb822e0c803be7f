import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { Direction, Indicator } from '@alliances/shared/contracts';
import { ObjectivesApi } from '@alliances/web/objectives/data-access';
import { applyFieldErrors, errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { fieldError, today } from '../shared/format';
import type { ChildDialogData } from './dialog-data';

/** Adds an indicator to an objective; closes with the created indicator. */
@Component({
  selector: 'all-indicator-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    TranslocoPipe,
    Notice,
  ],
  templateUrl: './indicator-dialog.html',
  styles: `
    mat-form-field {
      display: block;
      width: 100%;
      margin-bottom: 0.25rem;
    }
    .pair {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 0 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IndicatorDialog {
  private readonly api = inject(ObjectivesApi);
  private readonly ref = inject<MatDialogRef<IndicatorDialog, Indicator>>(MatDialogRef);
  protected readonly data = inject<ChildDialogData>(MAT_DIALOG_DATA);

  protected readonly fieldError = fieldError;
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.minLength(2)]],
    unit: ['', Validators.required],
    baseline: [null as number | null, Validators.required],
    target: [null as number | null, Validators.required],
    startDate: [today(), Validators.required],
    targetDate: ['', Validators.required],
    direction: ['increase' as Direction, Validators.required],
    ownerOrganisationId: [this.data.owners.length === 1 ? this.data.owners[0].organisationId : '', Validators.required],
  });

  protected async submit(): Promise<void> {
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.saving.set(true);
    try {
      const created = await firstValueFrom(
        this.api.addIndicator(this.data.objective.id, { ...value, baseline: Number(value.baseline), target: Number(value.target) }),
      );
      this.ref.close(created);
    } catch (error) {
      if (!applyFieldErrors(this.form, error)) this.error.set(errorMessageKey(error));
    } finally {
      this.saving.set(false);
    }
  }
}
