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
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { Milestone } from '@alliances/shared/contracts';
import { ObjectivesApi } from '@alliances/web/objectives/data-access';
import { applyFieldErrors, errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { fieldError } from '../shared/format';
import type { ChildDialogData } from './dialog-data';

/** Adds a milestone (jalon) to an objective; closes with the created milestone. */
@Component({
  selector: 'all-milestone-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    TranslocoPipe,
    Notice,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'objectives.milestoneDialog.title' | transloco: { objective: data.objective.title } }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        @if (error(); as error) {
          <all-notice kind="error">{{ error | transloco }}</all-notice>
        }
        <mat-form-field>
          <mat-label>{{ 'objectives.milestoneDialog.titleField' | transloco }}</mat-label>
          <input matInput formControlName="title" data-testid="milestone-title" required />
          @if (fieldError(form.controls.title); as e) {
            <mat-error>{{ e.key | transloco: e.params }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'objectives.milestoneDialog.owner' | transloco }}</mat-label>
          <mat-select formControlName="ownerOrganisationId" data-testid="milestone-owner" required>
            @for (o of data.owners; track o.organisationId) {
              <mat-option [value]="o.organisationId">{{ o.organisationName }}</mat-option>
            }
          </mat-select>
          @if (fieldError(form.controls.ownerOrganisationId); as e) {
            <mat-error>{{ e.key | transloco: e.params }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'objectives.milestoneDialog.dueDate' | transloco }}</mat-label>
          <input matInput type="date" formControlName="dueDate" data-testid="milestone-due" required />
          @if (fieldError(form.controls.dueDate); as e) {
            <mat-error>{{ e.key | transloco: e.params }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'objectives.milestoneDialog.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="milestone-submit">
          {{ 'objectives.milestoneDialog.submit' | transloco }}
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
export class MilestoneDialog {
  private readonly api = inject(ObjectivesApi);
  private readonly ref = inject<MatDialogRef<MilestoneDialog, Milestone>>(MatDialogRef);
  protected readonly data = inject<ChildDialogData>(MAT_DIALOG_DATA);

  protected readonly fieldError = fieldError;
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.minLength(2)]],
    ownerOrganisationId: [this.data.owners.length === 1 ? this.data.owners[0].organisationId : '', Validators.required],
    dueDate: ['', Validators.required],
  });

  protected async submit(): Promise<void> {
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    try {
      this.ref.close(await firstValueFrom(this.api.addMilestone(this.data.objective.id, this.form.getRawValue())));
    } catch (error) {
      if (!applyFieldErrors(this.form, error)) this.error.set(errorMessageKey(error));
    } finally {
      this.saving.set(false);
    }
  }
}
