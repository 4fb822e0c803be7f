import { ChangeDetectionStrategy, Component, inject, input, output, signal, viewChild } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { CheckIn } from '@alliances/shared/contracts';
import { applyFieldErrors, errorMessageKey, httpStatus } from '@alliances/web/core';
import { ObjectivesApi, type CheckInAttempt } from '@alliances/web/objectives/data-access';
import { Notice } from '@alliances/web/ui';
import { fieldError, today } from '../shared/format';

/**
 * Quick check-in (relevé). Its id is generated once per check-in and reused until the server has
 * answered, so clicking again after a network failure cannot record the value twice.
 */
@Component({
  selector: 'all-checkin-form',
  imports: [ReactiveFormsModule, MatButton, MatCheckbox, MatError, MatFormField, MatLabel, MatInput, TranslocoPipe, Notice],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate aria-labelledby="checkin-title">
      <h2 id="checkin-title">{{ 'objectives.checkin.title' | transloco }}</h2>
      @if (feedback(); as f) {
        <all-notice [kind]="f.kind" data-testid="checkin-feedback">{{ f.key | transloco }}</all-notice>
      }
      <div class="fields">
        <mat-form-field>
          <mat-label>{{ 'objectives.checkin.value' | transloco: { unit: unit() } }}</mat-label>
          <input matInput type="number" formControlName="value" data-testid="checkin-value" required />
          @if (fieldError(form.controls.value); as e) {
            <mat-error>{{ e.key | transloco: e.params }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'objectives.checkin.date' | transloco }}</mat-label>
          <input matInput type="date" formControlName="date" [max]="maxDate" data-testid="checkin-date" required />
          @if (fieldError(form.controls.date); as e) {
            <mat-error>{{ e.key | transloco: e.params }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'objectives.checkin.confidence' | transloco }}</mat-label>
          <input matInput type="number" min="1" max="5" step="1" formControlName="confidence" data-testid="checkin-confidence" />
          @if (fieldError(form.controls.confidence); as e) {
            <mat-error>{{ e.key | transloco: e.params }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="note">
          <mat-label>{{ 'objectives.checkin.note' | transloco }}</mat-label>
          <textarea matInput formControlName="note" rows="2" data-testid="checkin-note"></textarea>
        </mat-form-field>
        <mat-checkbox class="note" formControlName="notePrivate" data-testid="checkin-note-private">{{
          'objectives.checkin.notePrivate' | transloco
        }}</mat-checkbox>
      </div>
      <button mat-flat-button type="submit" [disabled]="saving()" data-testid="checkin-submit">
        {{ (saving() ? 'objectives.checkin.saving' : 'objectives.checkin.submit') | transloco }}
      </button>
    </form>
  `,
  styles: `
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: 0 1rem;
    }
    .note {
      grid-column: 1 / -1;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CheckInForm {
  private readonly api = inject(ObjectivesApi);

  readonly indicatorId = input.required<string>();
  readonly unit = input('');
  readonly recorded = output<CheckIn>();

  protected readonly fieldError = fieldError;
  protected readonly maxDate = today();
  protected readonly saving = signal(false);
  protected readonly feedback = signal<{ kind: 'success' | 'error'; key: string } | null>(null);
  /** The id of the check-in being sent; kept across retries, dropped once the server answered. */
  private pendingId: string | null = null;

  private readonly directive = viewChild(FormGroupDirective);
  protected readonly form = inject(NonNullableFormBuilder).group({
    value: [null as number | null, Validators.required],
    date: [today(), Validators.required],
    confidence: [null as number | null, [Validators.min(1), Validators.max(5)]],
    note: [''],
    notePrivate: [false],
  });

  protected async submit(): Promise<void> {
    this.feedback.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { value, date, confidence, note, notePrivate } = this.form.getRawValue();
    this.pendingId ??= crypto.randomUUID();
    const attempt: CheckInAttempt = { id: this.pendingId, value: Number(value), date };
    if (confidence !== null && confidence !== undefined && `${confidence}` !== '') attempt.confidence = Number(confidence);
    if (note.trim()) attempt.note = note.trim();
    if (note.trim() && notePrivate) attempt.notePrivate = true;
    this.saving.set(true);
    try {
      const checkIn = await firstValueFrom(this.api.checkIn(this.indicatorId(), attempt));
      this.pendingId = null;
      this.directive()?.resetForm({ value: null, date: today(), confidence: null, note: '', notePrivate: false });
      this.feedback.set({ kind: 'success', key: 'objectives.checkin.saved' });
      this.recorded.emit(checkIn);
    } catch (error) {
      const status = httpStatus(error);
      // No answer or a server failure: the check-in may or may not exist; the same id makes a retry safe.
      if (status === 0 || (status !== null && status >= 500)) {
        this.feedback.set({ kind: 'error', key: 'objectives.checkin.retry' });
        return;
      }
      this.pendingId = null;
      if (!applyFieldErrors(this.form, error)) this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    } finally {
      this.saving.set(false);
    }
  }
}
