import { ChangeDetectionStrategy, Component, OnInit, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { EvaluationsApi } from '@alliances/web/evaluations/data-access';
import { applyFieldErrors, errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import type { CollectiveObjective, EvaluationCampaign, EvaluationTemplate } from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';

/** YYYY-MM-DD of a day, in local time. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A campaign closes at the end of the working day chosen. */
export function closingInstant(day: string): string {
  return new Date(`${day}T18:00:00`).toISOString();
}

/** Launching takes a minute: a title, a closing day and a questionnaire, all prefilled. */
@Component({
  selector: 'all-launch-form',
  imports: [ReactiveFormsModule, MatButton, MatCheckbox, MatError, MatFormField, MatHint, MatInput, MatLabel, TranslocoPipe, Notice],
  template: `
    <form [formGroup]="form" (ngSubmit)="launch()" class="launch-form" aria-labelledby="launch-heading">
      <h2 id="launch-heading">{{ 'evaluations.launch.title' | transloco }}</h2>
      <p class="hint">{{ 'evaluations.launch.intro' | transloco }}</p>
      @if (error(); as key) {
        <all-notice kind="error">{{ key | transloco }}</all-notice>
      }
      <mat-form-field appearance="outline">
        <mat-label>{{ 'evaluations.launch.name' | transloco }}</mat-label>
        <input matInput formControlName="title" data-testid="launch-title" required />
        @if (form.controls.title.invalid) {
          <mat-error>{{ 'evaluations.launch.nameInvalid' | transloco }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'evaluations.launch.closesAt' | transloco }}</mat-label>
        <input matInput type="date" formControlName="closesAt" [min]="minDay" data-testid="launch-closes-at" required />
        <mat-hint>{{ 'evaluations.launch.closesAtHint' | transloco }}</mat-hint>
        @if (form.controls.closesAt.hasError('closesAtInPast')) {
          <mat-error>{{ 'evaluations.launch.closesAtInPast' | transloco }}</mat-error>
        } @else if (form.controls.closesAt.invalid) {
          <mat-error>{{ 'evaluations.launch.closesAtRequired' | transloco }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'evaluations.launch.template' | transloco }}</mat-label>
        <select matNativeControl formControlName="templateId" data-testid="launch-template">
          @for (t of templates(); track t.id) {
            <option [value]="t.id">
              {{ t.allianceId ? t.title : ('evaluations.templates.default' | transloco) }}
              ({{ 'evaluations.templates.questionCount' | transloco: { count: t.questions.length } }})
            </option>
          }
        </select>
      </mat-form-field>
      @if (objectives().length) {
        <fieldset class="blocks" data-testid="launch-blocks">
          <legend>{{ 'evaluations.launch.blocks' | transloco }}</legend>
          <p class="hint">{{ 'evaluations.launch.blocksHint' | transloco }}</p>
          @for (o of objectives(); track o) {
            <mat-checkbox [checked]="!off().has(o)" (change)="toggle(o, $event.checked)" [attr.data-testid]="'launch-block-' + o">
              {{ 'evaluations.blocks.' + o | transloco }}
            </mat-checkbox>
          }
        </fieldset>
      }
      <div class="actions">
        <button matButton="filled" type="submit" [disabled]="busy()" data-testid="launch-submit">
          {{ 'evaluations.launch.submit' | transloco }}
        </button>
        <button matButton type="button" (click)="cancelled.emit()">{{ 'evaluations.common.cancel' | transloco }}</button>
      </div>
    </form>
  `,
  styles: `
    .launch-form {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      max-width: 36rem;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
    }
    .blocks {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      display: flex;
      flex-direction: column;
      margin: 0 0 0.5rem;
      padding: 0.5rem 1rem;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 0.5rem;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LaunchForm implements OnInit {
  private readonly api = inject(EvaluationsApi);

  readonly allianceId = input.required<string>();
  readonly templates = input<EvaluationTemplate[]>([]);
  readonly defaultTitle = input('');
  /** The alliance's collective objectives: a block of questions each, unless the lead unticks it. */
  readonly objectives = input<CollectiveObjective[]>([]);
  readonly launched = output<EvaluationCampaign>();
  readonly cancelled = output<void>();

  protected readonly busy = signal(false);
  protected readonly off = signal<ReadonlySet<CollectiveObjective>>(new Set());
  protected readonly error = signal<string | null>(null);
  protected readonly minDay = isoDay(new Date(Date.now() + 24 * 3600_000));

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(200)]],
    closesAt: [isoDay(new Date(Date.now() + 14 * 24 * 3600_000)), Validators.required],
    templateId: [''],
  });

  ngOnInit(): void {
    // Prefilled so that launching is one click away: a name and the newest questionnaire.
    this.form.patchValue({ title: this.defaultTitle(), templateId: this.templates()[this.templates().length - 1]?.id ?? '' });
  }

  protected toggle(objective: CollectiveObjective, on: boolean): void {
    this.off.update((off) => {
      const next = new Set(off);
      if (on) next.delete(objective);
      else next.add(objective);
      return next;
    });
  }

  protected async launch(): Promise<void> {
    this.error.set(null);
    const { title, closesAt, templateId } = this.form.getRawValue();
    if (closesAt && new Date(closingInstant(closesAt)).getTime() <= Date.now() + 60_000) {
      this.form.controls.closesAt.setErrors({ closesAtInPast: true });
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    try {
      const chosen = templateId || this.templates()[0]?.id;
      const campaign = await firstValueFrom(
        this.api.launch(this.allianceId(), {
          title: title.trim(),
          closesAt: closingInstant(closesAt),
          ...(chosen ? { templateId: chosen } : {}),
          ...(this.objectives().length ? { blocks: this.objectives().filter((o) => !this.off().has(o)) } : {}),
        }),
      );
      this.launched.emit(campaign);
    } catch (error) {
      if (!applyFieldErrors(this.form, error)) this.error.set(errorMessageKey(error));
    } finally {
      this.busy.set(false);
    }
  }
}
