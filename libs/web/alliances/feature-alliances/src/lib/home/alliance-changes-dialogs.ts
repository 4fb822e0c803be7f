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
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AllianceMember } from '@alliances/shared/contracts';

/** "Clôturer l'alliance": the lead leaves a final note; closes with it (or nothing when cancelled). */
@Component({
  selector: 'all-close-alliance-dialog',
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
    <h2 mat-dialog-title>{{ 'alliances.changes.closeTitle' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content>
        <p>{{ 'alliances.changes.closeText' | transloco }}</p>
        <mat-form-field>
          <mat-label>{{ 'alliances.changes.closingNote' | transloco }}</mat-label>
          <textarea matInput formControlName="note" rows="5" maxlength="4000" data-testid="closing-note"></textarea>
          <mat-hint>{{ 'alliances.changes.closingNoteHint' | transloco }}</mat-hint>
          @if (form.controls.note.hasError('maxlength')) {
            <mat-error>{{ 'alliances.wizard.errors.maxlength' | transloco: { max: 4000 } }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button matButton="filled" type="submit" class="destructive" data-testid="close-alliance-confirm">
          {{ 'alliances.changes.closeConfirm' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-form-field {
      display: block;
      width: 100%;
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CloseAllianceDialog {
  private readonly ref = inject<MatDialogRef<CloseAllianceDialog, { closingNote: string }>>(MatDialogRef);
  protected readonly form = inject(NonNullableFormBuilder).group({ note: ['', Validators.maxLength(4000)] });

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.ref.close({ closingNote: this.form.getRawValue().note.trim() });
  }
}

/** "Confier le rôle de pilote": the lead picks one of the partners that accepted; closes with its organisation id. */
@Component({
  selector: 'all-hand-over-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatRadioGroup,
    MatRadioButton,
    TranslocoPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'alliances.changes.handOverTitle' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content>
        <p id="hand-over-text">{{ 'alliances.changes.handOverText' | transloco }}</p>
        @if (partners.length) {
          <mat-radio-group
            formControlName="organisationId"
            class="options"
            aria-labelledby="hand-over-text"
            aria-describedby="hand-over-error"
            data-testid="hand-over-successor"
          >
            @for (partner of partners; track partner.organisationId) {
              <mat-radio-button [value]="partner.organisationId">{{ partner.organisationName }}</mat-radio-button>
            }
          </mat-radio-group>
          <p id="hand-over-error" class="field-error" role="alert">
            @if (form.touched && form.invalid) {
              {{ 'alliances.changes.handOverChoose' | transloco }}
            }
          </p>
        } @else {
          <p data-testid="hand-over-none">{{ 'alliances.changes.handOverNone' | transloco }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        @if (partners.length) {
          <button matButton="filled" type="submit" data-testid="hand-over-confirm">
            {{ 'alliances.changes.handOverConfirm' | transloco }}
          </button>
        }
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .options {
      display: flex;
      flex-direction: column;
    }
    .field-error {
      color: var(--mat-sys-error);
      margin: 0;
      min-height: 1em;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HandOverDialog {
  private readonly ref = inject<MatDialogRef<HandOverDialog, string>>(MatDialogRef);
  /** Only partners that accepted (active) may take the lead. */
  protected readonly partners = inject<AllianceMember[]>(MAT_DIALOG_DATA).filter((m) => m.role === 'partner' && m.status === 'active');
  protected readonly form = inject(NonNullableFormBuilder).group({ organisationId: ['', Validators.required] });

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.ref.close(this.form.getRawValue().organisationId);
  }
}
