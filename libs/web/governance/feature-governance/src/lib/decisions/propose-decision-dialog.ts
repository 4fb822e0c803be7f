import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
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
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { DECISION_RULES, type Decision } from '@alliances/shared/contracts';
import { GovernanceApi } from '@alliances/web/governance/data-access';
import { applyFieldErrors, errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { fieldError } from '../shared/field-error';

export interface ProposeDecisionDialogData {
  allianceId: string;
  /** The meeting the decision comes from (proposed from its page). */
  meetingId?: string;
}

/** "Proposer une décision": title, proposal, closing date and the rule, each rule explained; closes with the new decision. */
@Component({
  selector: 'all-propose-decision-dialog',
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
    MatRadioGroup,
    MatRadioButton,
    TranslocoPipe,
    Notice,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'governance.propose.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        @if (error(); as error) {
          <all-notice kind="error">{{ error | transloco }}</all-notice>
        }
        <mat-form-field>
          <mat-label>{{ 'governance.propose.titleField' | transloco }}</mat-label>
          <input matInput formControlName="title" data-testid="decision-title" required maxlength="200" />
          @if (fieldError(form.controls.title); as e) {
            <mat-error>{{ e.key | transloco: e.params }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'governance.propose.proposal' | transloco }}</mat-label>
          <textarea matInput formControlName="proposal" rows="6" data-testid="decision-proposal" required></textarea>
          @if (fieldError(form.controls.proposal); as e) {
            <mat-error>{{ e.key | transloco: e.params }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'governance.propose.closesAt' | transloco }}</mat-label>
          <input matInput type="datetime-local" formControlName="closesAt" data-testid="decision-closes-at" required />
          @if (fieldError(form.controls.closesAt); as e) {
            <mat-error>{{ e.key | transloco: e.params }}</mat-error>
          }
        </mat-form-field>
        <fieldset class="rule">
          <legend id="rule-legend">{{ 'governance.propose.rule' | transloco }}</legend>
          <mat-radio-group formControlName="rule" aria-labelledby="rule-legend" data-testid="decision-rule">
            @for (rule of rules; track rule) {
              <mat-radio-button [value]="rule" [attr.data-testid]="'rule-' + rule" [attr.aria-describedby]="'rule-help-' + rule">
                {{ 'governance.rules.' + rule | transloco }}
              </mat-radio-button>
              <p class="help" [id]="'rule-help-' + rule">{{ 'governance.rules.' + rule + 'Help' | transloco }}</p>
            }
          </mat-radio-group>
        </fieldset>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ 'governance.propose.cancel' | transloco }}</button>
        <button matButton="filled" type="submit" [disabled]="saving()" data-testid="decision-submit">
          {{ 'governance.propose.submit' | transloco }}
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
    fieldset.rule {
      border: 0;
      padding: 0;
      margin: 0;
    }
    legend {
      font-weight: 500;
      margin-bottom: 0.25rem;
    }
    mat-radio-group {
      display: flex;
      flex-direction: column;
    }
    .help {
      margin: 0 0 0.5rem 2.5rem;
      font-size: 0.875rem;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProposeDecisionDialog {
  private readonly api = inject(GovernanceApi);
  private readonly ref = inject<MatDialogRef<ProposeDecisionDialog, Decision>>(MatDialogRef);
  private readonly data = inject<ProposeDecisionDialogData>(MAT_DIALOG_DATA);

  protected readonly rules = DECISION_RULES;
  protected readonly fieldError = fieldError;
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(200)]],
    proposal: ['', [Validators.required, Validators.minLength(2)]],
    closesAt: [inAWeek(), Validators.required],
    rule: ['consent' as (typeof DECISION_RULES)[number], Validators.required],
  });

  protected async submit(): Promise<void> {
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const closesAt = new Date(value.closesAt);
    if (Number.isNaN(closesAt.getTime()) || closesAt.getTime() <= Date.now()) {
      this.form.controls.closesAt.setErrors({ closesAtInPast: true });
      this.form.controls.closesAt.markAsTouched();
      return;
    }
    this.saving.set(true);
    try {
      const decision = await firstValueFrom(
        this.api.propose(this.data.allianceId, {
          title: value.title.trim(),
          proposal: value.proposal.trim(),
          closesAt: closesAt.toISOString(),
          rule: value.rule,
          ...(this.data.meetingId ? { meetingId: this.data.meetingId } : {}),
        }),
      );
      this.ref.close(decision);
    } catch (error) {
      if (!applyFieldErrors(this.form, error)) this.error.set(errorMessageKey(error));
    } finally {
      this.saving.set(false);
    }
  }
}

/** A week from now at noon, as a `datetime-local` value. */
function inAWeek(): string {
  const d = new Date(Date.now() + 7 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T12:00`;
}
