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
import { COLLECTIVE_OBJECTIVES, type CollectiveObjective, type Objective } from '@alliances/shared/contracts';
import { ObjectivesApi } from '@alliances/web/objectives/data-access';
import { applyFieldErrors, errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { fieldError } from '../shared/format';
import type { ObjectiveDialogData } from './dialog-data';

/** Adds an objective to the alliance; closes with the created objective. */
@Component({
  selector: 'all-objective-dialog',
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
  template: `
    <h2 mat-dialog-title>{{ 'objectives.objectiveDialog.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        @if (error(); as error) {
          <all-notice kind="error">{{ error | transloco }}</all-notice>
        }
        <mat-form-field>
          <mat-label>{{ 'objectives.objectiveDialog.titleField' | transloco }}</mat-label>
          <input matInput formControlName="title" data-testid="objective-title" required />
          @if (fieldError(form.controls.title); as e) {
            <mat-error>{{ e.key | transloco: e.params }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'objectives.objectiveDialog.collective' | transloco }}</mat-label>
          <mat-select formControlName="collectiveObjective" data-testid="objective-collective" required>
            @for (c of collectives; track c) {
              <mat-option [value]="c">{{ 'objectives.collective.' + c + '.label' | transloco }}</mat-option>
            }
          </mat-select>
          <mat-hint>{{ 'objectives.collective.' + form.controls.collectiveObjective.value + '.help' | transloco }}</mat-hint>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'objectives.objectiveDialog.description' | transloco }}</mat-label>
          <textarea matInput formControlName="description" rows="3" data-testid="objective-description"></textarea>
          @if (fieldError(form.controls.description); as e) {
            <mat-error>{{ e.key | transloco: e.params }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'objectives.objectiveDialog.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="objective-submit">
          {{ 'objectives.objectiveDialog.submit' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-form-field {
      display: block;
      width: 100%;
      margin-bottom: 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ObjectiveDialog {
  private readonly api = inject(ObjectivesApi);
  private readonly ref = inject<MatDialogRef<ObjectiveDialog, Objective>>(MatDialogRef);
  private readonly data = inject<ObjectiveDialogData>(MAT_DIALOG_DATA);

  protected readonly collectives = COLLECTIVE_OBJECTIVES;
  protected readonly fieldError = fieldError;
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.minLength(2)]],
    collectiveObjective: ['engagement' as CollectiveObjective, Validators.required],
    description: [''],
  });

  protected async submit(): Promise<void> {
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    try {
      this.ref.close(await firstValueFrom(this.api.create(this.data.allianceId, this.form.getRawValue())));
    } catch (error) {
      if (!applyFieldErrors(this.form, error)) this.error.set(errorMessageKey(error));
    } finally {
      this.saving.set(false);
    }
  }
}
