import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocalDatePipe, applyFieldErrors, errorMessageKey } from '@alliances/web/core';
import { EvaluationsApi } from '@alliances/web/evaluations/data-access';
import { Notice } from '@alliances/web/ui';
import { EVALUATION_RHYTHMS, type EvaluationRhythm } from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { isoDay } from './launch-form';

/** "Évaluation planifiée": the lead sets the rhythm and the next date; the partners read them (issue 18). */
@Component({
  selector: 'all-schedule-panel',
  imports: [ReactiveFormsModule, MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel, TranslocoPipe, LocalDatePipe, Notice],
  template: `
    @if (schedule.hasValue()) {
      @let s = schedule.value();
      <section class="panel" aria-labelledby="schedule-heading" data-testid="evaluation-schedule">
        <h2 id="schedule-heading">{{ 'evaluations.schedule.title' | transloco }}</h2>
        @if (!s.configured) {
          <p class="hint" data-testid="schedule-suggestion">{{ 'evaluations.schedule.suggested.' + s.source | transloco }}</p>
        }
        @if (feedback(); as f) {
          <all-notice [kind]="f.kind" data-testid="schedule-feedback">{{ f.key | transloco }}</all-notice>
        }
        @if (s.canEdit) {
          <form [formGroup]="form" (ngSubmit)="save()" class="schedule-form">
            <mat-form-field appearance="outline">
              <mat-label>{{ 'evaluations.schedule.rhythm' | transloco }}</mat-label>
              <select matNativeControl formControlName="rhythm" data-testid="schedule-rhythm">
                @for (r of rhythms; track r) {
                  <option [value]="r">{{ 'evaluations.schedule.rhythms.' + r | transloco }}</option>
                }
              </select>
            </mat-form-field>
            @if (form.controls.rhythm.value !== 'none') {
              <mat-form-field appearance="outline">
                <mat-label>{{ 'evaluations.schedule.nextLaunchOn' | transloco }}</mat-label>
                <input matInput type="date" formControlName="nextLaunchOn" [min]="today" data-testid="schedule-next" />
                @if (form.controls.nextLaunchOn.invalid) {
                  <mat-error>{{ 'evaluations.schedule.nextLaunchOnInvalid' | transloco }}</mat-error>
                }
              </mat-form-field>
            }
            <mat-form-field appearance="outline">
              <mat-label>{{ 'evaluations.schedule.durationDays' | transloco }}</mat-label>
              <input matInput type="number" min="7" max="90" formControlName="durationDays" data-testid="schedule-duration" />
              <mat-hint>{{ 'evaluations.schedule.durationHint' | transloco }}</mat-hint>
              @if (form.controls.durationDays.invalid) {
                <mat-error>{{ 'evaluations.schedule.durationInvalid' | transloco }}</mat-error>
              }
            </mat-form-field>
            <div>
              <button matButton="filled" type="submit" [disabled]="busy()" data-testid="schedule-save">
                {{ 'evaluations.schedule.save' | transloco }}
              </button>
            </div>
          </form>
        } @else {
          <p data-testid="schedule-summary">
            @if (s.rhythm === 'none' || !s.nextLaunchOn) {
              {{ 'evaluations.schedule.rhythms.none' | transloco }}
            } @else {
              {{
                'evaluations.schedule.summary'
                  | transloco: { rhythm: ('evaluations.schedule.rhythms.' + s.rhythm | transloco), date: (s.nextLaunchOn | localDate) }
              }}
            }
          </p>
        }
      </section>
    }
  `,
  styleUrl: '../evaluations.scss',
  styles: `
    .schedule-form {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      max-width: 24rem;
    }
    .panel h2 {
      margin-top: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SchedulePanel {
  private readonly api = inject(EvaluationsApi);

  readonly allianceId = input.required<string>();

  protected readonly rhythms = EVALUATION_RHYTHMS;
  protected readonly today = isoDay(new Date());
  protected readonly busy = signal(false);
  protected readonly feedback = signal<{ kind: 'success' | 'error'; key: string } | null>(null);
  // A funder is not told the partners' planning (404): the panel then stays away.
  protected readonly schedule = rxResource({ params: () => this.allianceId(), stream: ({ params }) => this.api.schedule(params) });

  protected readonly form = inject(NonNullableFormBuilder).group({
    rhythm: ['yearly' as EvaluationRhythm],
    nextLaunchOn: [''],
    durationDays: [21, [Validators.required, Validators.min(7), Validators.max(90)]],
  });

  constructor() {
    effect(() => {
      const s = this.schedule.value();
      if (s) this.form.reset({ rhythm: s.rhythm, nextLaunchOn: s.nextLaunchOn ?? '', durationDays: s.durationDays });
    });
  }

  protected async save(): Promise<void> {
    this.feedback.set(null);
    const { rhythm, nextLaunchOn, durationDays } = this.form.getRawValue();
    if (rhythm !== 'none' && (!nextLaunchOn || nextLaunchOn < this.today)) this.form.controls.nextLaunchOn.setErrors({ invalid: true });
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    try {
      const saved = await firstValueFrom(
        this.api.setSchedule(this.allianceId(), {
          rhythm,
          durationDays: Number(durationDays),
          ...(rhythm !== 'none' ? { nextLaunchOn } : {}),
        }),
      );
      this.schedule.set(saved);
      this.feedback.set({ kind: 'success', key: 'evaluations.schedule.saved' });
    } catch (error) {
      if (!applyFieldErrors(this.form, error)) this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    } finally {
      this.busy.set(false);
    }
  }
}
