import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
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
import { TranslocoPipe } from '@jsverse/transloco';

export interface RejectDialogData {
  organisationName: string;
}

const REASON_MIN = 3;
const REASON_MAX = 2000;

/** Rejecting an application needs a reason: it is mailed to the applicant. Closes with the reason. */
@Component({
  selector: 'all-reject-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    TranslocoPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'review.rejectDialog.title' | transloco: { name: data.organisationName } }}</h2>
    <form [formGroup]="form" (ngSubmit)="confirm()">
      <mat-dialog-content>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'review.rejectDialog.reason' | transloco }}</mat-label>
          <textarea matInput formControlName="reason" rows="5" required data-testid="reject-reason"></textarea>
          <mat-hint>{{ 'review.rejectDialog.reasonHint' | transloco }}</mat-hint>
          @if (form.controls.reason.hasError('required')) {
            <mat-error>{{ 'review.rejectDialog.reasonRequired' | transloco }}</mat-error>
          } @else if (form.controls.reason.hasError('minlength')) {
            <mat-error>{{ 'review.rejectDialog.reasonTooShort' | transloco: { min: limits.min } }}</mat-error>
          } @else if (form.controls.reason.hasError('maxlength')) {
            <mat-error>{{ 'review.rejectDialog.reasonTooLong' | transloco: { max: limits.max } }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" [mat-dialog-close]="null">{{ 'common.cancel' | transloco }}</button>
        <button matButton="filled" type="submit" class="destructive" data-testid="reject-confirm">
          {{ 'review.rejectDialog.confirm' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-form-field {
      width: 100%;
      min-width: min(28rem, 70vw);
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RejectDialog {
  protected readonly data = inject<RejectDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<RejectDialog, string | null>>(MatDialogRef);

  protected readonly limits = { min: REASON_MIN, max: REASON_MAX };
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.minLength(REASON_MIN), Validators.maxLength(REASON_MAX)]],
  });

  protected confirm(): void {
    const reason = this.form.getRawValue().reason.trim();
    if (this.form.invalid || reason.length < REASON_MIN) {
      this.form.controls.reason.setValue(reason);
      this.form.markAllAsTouched();
      return;
    }
    this.dialogRef.close(reason);
  }
}
