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

export interface DeclineDialogData {
  organisationName: string;
}

/** What the dialog closes with: the optional reason (`null` when cancelled). */
export interface DeclineDialogResult {
  reason?: string;
}

const REASON_MAX = 2000;

/** Declining a proposal: a reason helps the proposer but is not required. */
@Component({
  selector: 'all-decline-proposal-dialog',
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
    <h2 mat-dialog-title>{{ 'proposals.declineDialog.title' | transloco: { name: data.organisationName } }}</h2>
    <form [formGroup]="form" (ngSubmit)="confirm()">
      <mat-dialog-content>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'proposals.declineDialog.reason' | transloco }}</mat-label>
          <textarea matInput formControlName="reason" rows="4" [maxlength]="max" data-testid="decline-reason"></textarea>
          <mat-hint>{{ 'proposals.declineDialog.reasonHint' | transloco }}</mat-hint>
          @if (form.controls.reason.hasError('maxlength')) {
            <mat-error>{{ 'proposals.declineDialog.reasonTooLong' | transloco: { max: max } }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" [mat-dialog-close]="null">{{ 'common.cancel' | transloco }}</button>
        <button matButton="filled" type="submit" data-testid="decline-confirm">{{ 'proposals.declineDialog.confirm' | transloco }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-form-field {
      width: 100%;
      min-width: min(28rem, 70vw);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeclineProposalDialog {
  protected readonly data = inject<DeclineDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<DeclineProposalDialog, DeclineDialogResult | null>>(MatDialogRef);

  protected readonly max = REASON_MAX;
  protected readonly form = inject(NonNullableFormBuilder).group({ reason: ['', Validators.maxLength(REASON_MAX)] });

  protected confirm(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const reason = this.form.getRawValue().reason.trim();
    this.dialogRef.close(reason ? { reason } : {});
  }
}
