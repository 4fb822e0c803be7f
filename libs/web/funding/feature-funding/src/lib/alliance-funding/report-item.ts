import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { Grant, GrantReport } from '@alliances/shared/contracts';
import { LocalDatePipe, fieldErrors } from '@alliances/web/core';
import { FundingApi } from '@alliances/web/funding/data-access';
import { Notice } from '@alliances/web/ui';
import { FundingBadge } from '../shared/badge';
import { fieldError, fundingErrorKey } from '../shared/funding-errors';
import { REPORT_TONE } from '../shared/statuses';

/**
 * One reporting milestone (rapport): partners write and send it, the funder's admin approves it or
 * sends it back saying what to change; a returned report can be sent again.
 */
@Component({
  selector: 'all-report-item',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatLabel,
    MatInput,
    TranslocoPipe,
    LocalDatePipe,
    Notice,
    FundingBadge,
  ],
  template: `
    @let r = report();
    <div class="head">
      <strong class="title">{{ r.title }}</strong>
      <span class="muted">{{ 'funding.report.due' | transloco: { date: (r.dueOn | localDate) } }}</span>
      <all-funding-badge [tone]="tone()" data-testid="report-status" [attr.data-status]="r.status">{{
        'funding.reportStatus.' + r.status | transloco
      }}</all-funding-badge>
      @if (r.overdue) {
        <all-funding-badge tone="danger" data-testid="report-overdue">{{ 'funding.overdue' | transloco }}</all-funding-badge>
      }
    </div>
    @if (r.submission) {
      <div class="submission">
        <p class="muted">{{ 'funding.report.submittedAt' | transloco: { date: (r.submittedAt | localDate) } }}</p>
        <p class="pre" data-testid="report-submission">{{ r.submission }}</p>
      </div>
    }
    @if (r.reviewComment) {
      <p class="review" data-testid="report-review-comment">
        <strong>{{ 'funding.report.reviewComment' | transloco }}</strong> {{ r.reviewComment }}
      </p>
    }
    @if (error(); as e) {
      <all-notice kind="error">{{ e | transloco }}</all-notice>
    }

    @if (canSubmit() && (r.status === 'pending' || r.status === 'returned')) {
      <form [formGroup]="submissionForm" (ngSubmit)="submit()" novalidate class="action-form" data-testid="report-submit-form">
        <mat-form-field>
          <mat-label>{{ 'funding.report.submission' | transloco: { title: r.title } }}</mat-label>
          <textarea matInput formControlName="submission" rows="4" required data-testid="report-text"></textarea>
          <mat-hint>{{ 'funding.report.submissionHint' | transloco }}</mat-hint>
          @if (fieldError(submission); as e) {
            <mat-error>{{ e.key | transloco: e.params }}</mat-error>
          }
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="report-send">{{ 'funding.report.send' | transloco }}</button>
      </form>
    }

    @if (canReview() && r.status === 'submitted') {
      <form [formGroup]="reviewForm" (ngSubmit)="review(true)" novalidate class="action-form" data-testid="report-review-form">
        <mat-form-field>
          <mat-label>{{ 'funding.report.comment' | transloco }}</mat-label>
          <textarea matInput formControlName="comment" rows="3" data-testid="report-comment"></textarea>
          <mat-hint>{{ 'funding.report.commentHint' | transloco }}</mat-hint>
          @if (fieldError(comment); as e) {
            <mat-error>{{ e.key | transloco: e.params }}</mat-error>
          }
        </mat-form-field>
        <div class="buttons">
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="report-approve">
            {{ 'funding.report.approve' | transloco }}
          </button>
          <button mat-stroked-button type="button" (click)="review(false)" [disabled]="busy()" data-testid="report-send-back">
            {{ 'funding.report.sendBack' | transloco }}
          </button>
        </div>
      </form>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem 0.75rem;
      align-items: center;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .submission {
      margin: 0.5rem 0;
      padding-left: 0.75rem;
      border-left: 3px solid var(--mat-sys-outline-variant);
    }
    .submission p {
      margin: 0.25rem 0;
    }
    .pre {
      white-space: pre-wrap;
    }
    .review {
      margin: 0.5rem 0;
    }
    .action-form {
      margin-top: 0.75rem;
    }
    .action-form mat-form-field {
      display: block;
      width: 100%;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportItem {
  private readonly api = inject(FundingApi);

  readonly report = input.required<GrantReport>();
  /** Partners (lead and partner organisations) write the reports. */
  readonly canSubmit = input(false);
  /** The funder organisation's admins review them. */
  readonly canReview = input(false);
  readonly changed = output<Grant>();

  protected readonly fieldError = fieldError;
  protected readonly tone = computed(() => REPORT_TONE[this.report().status]);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly submission = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.minLength(3), Validators.maxLength(20_000)],
  });
  protected readonly comment = new FormControl('', { nonNullable: true, validators: Validators.maxLength(4000) });
  protected readonly submissionForm = new FormGroup({ submission: this.submission });
  protected readonly reviewForm = new FormGroup({ comment: this.comment });

  protected async submit(): Promise<void> {
    if (this.submission.invalid) {
      this.submission.markAsTouched();
      return;
    }
    await this.run(() => this.api.submitReport(this.report().id, this.submission.value.trim()), this.submission, 'submission');
  }

  /** Sending back needs a comment saying what to change (the API insists too). */
  protected async review(approved: boolean): Promise<void> {
    const comment = this.comment.value.trim();
    if (!approved && !comment) {
      this.comment.setErrors({ commentRequired: true });
      this.comment.markAsTouched();
      return;
    }
    if (this.comment.invalid) return;
    await this.run(() => this.api.reviewReport(this.report().id, approved, comment || undefined), this.comment, 'comment');
  }

  private async run(call: () => ReturnType<FundingApi['submitReport']>, control: FormControl<string>, field: string): Promise<void> {
    this.error.set(null);
    this.busy.set(true);
    try {
      const grant = await firstValueFrom(call());
      control.reset('');
      this.changed.emit(grant);
    } catch (error) {
      const own = fieldErrors(error).find((d) => d.field === field);
      if (own) {
        control.setErrors(Object.fromEntries(own.codes.map((c) => [c, true])));
        control.markAsTouched();
      } else {
        this.error.set(fundingErrorKey(error));
      }
    } finally {
      this.busy.set(false);
    }
  }
}
