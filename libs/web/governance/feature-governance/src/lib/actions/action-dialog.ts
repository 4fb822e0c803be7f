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
import type { ActionSource, AllianceAction, AssignablePerson } from '@alliances/shared/contracts';
import { GovernanceApi } from '@alliances/web/governance/data-access';
import { applyFieldErrors, errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { fieldError } from '../shared/field-error';

export interface ActionDialogData {
  allianceId: string;
  people: AssignablePerson[];
  source?: ActionSource;
}

/** "Nouvelle action": a title, a person of a partner organisation, a due date; closes with the created action. */
@Component({
  selector: 'all-action-dialog',
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
    <h2 mat-dialog-title>{{ 'governance.actionDialog.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        @if (error(); as error) {
          <all-notice kind="error">{{ error | transloco }}</all-notice>
        }
        <mat-form-field>
          <mat-label>{{ 'governance.actionDialog.titleField' | transloco }}</mat-label>
          <input matInput formControlName="title" data-testid="action-title" required maxlength="200" />
          @if (fieldError(form.controls.title); as e) {
            <mat-error>{{ e.key | transloco: e.params }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'governance.actionDialog.assignee' | transloco }}</mat-label>
          <mat-select formControlName="assigneeUserId" data-testid="action-assignee" required>
            @for (p of data.people; track p.userId + p.organisationId) {
              <mat-option [value]="p.userId">{{ p.name }} — {{ p.organisationName }}</mat-option>
            }
          </mat-select>
          @if (fieldError(form.controls.assigneeUserId); as e) {
            <mat-error>{{ e.key | transloco: e.params }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'governance.actionDialog.dueOn' | transloco }}</mat-label>
          <input matInput type="date" formControlName="dueOn" data-testid="action-due" required />
          @if (fieldError(form.controls.dueOn); as e) {
            <mat-error>{{ e.key | transloco: e.params }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'governance.actionDialog.description' | transloco }}</mat-label>
          <textarea matInput formControlName="description" rows="3" data-testid="action-description"></textarea>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ 'governance.actionDialog.cancel' | transloco }}</button>
        <button matButton="filled" type="submit" [disabled]="saving()" data-testid="action-submit">
          {{ 'governance.actionDialog.submit' | transloco }}
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
export class ActionDialog {
  private readonly api = inject(GovernanceApi);
  private readonly ref = inject<MatDialogRef<ActionDialog, AllianceAction>>(MatDialogRef);
  protected readonly data = inject<ActionDialogData>(MAT_DIALOG_DATA);

  protected readonly fieldError = fieldError;
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(200)]],
    assigneeUserId: ['', Validators.required],
    dueOn: ['', Validators.required],
    description: [''],
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
      const action = await firstValueFrom(
        this.api.createAction(this.data.allianceId, {
          title: value.title.trim(),
          assigneeUserId: value.assigneeUserId,
          dueOn: value.dueOn,
          ...(value.description.trim() ? { description: value.description.trim() } : {}),
          ...(this.data.source ? { source: this.data.source } : {}),
        }),
      );
      this.ref.close(action);
    } catch (error) {
      if (!applyFieldErrors(this.form, error)) this.error.set(errorMessageKey(error));
    } finally {
      this.saving.set(false);
    }
  }
}
