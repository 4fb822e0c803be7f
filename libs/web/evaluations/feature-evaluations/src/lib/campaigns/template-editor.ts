import { ChangeDetectionStrategy, Component, OnInit, inject, input, output, signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { EvaluationsApi } from '@alliances/web/evaluations/data-access';
import { errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import {
  EVALUATION_DIMENSIONS,
  EVALUATION_FOCUSES,
  type EvaluationDimension,
  type EvaluationFocus,
  type EvaluationTemplate,
} from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';

type QuestionForm = FormGroup<{
  dimension: FormControl<EvaluationDimension>;
  focus: FormControl<EvaluationFocus>;
  fr: FormControl<string>;
  en: FormControl<string>;
}>;

/** Adapts an alliance's copy of a questionnaire: edit the wording (FR/EN), dimension and focus; drop or add questions. */
@Component({
  selector: 'all-template-editor',
  imports: [ReactiveFormsModule, MatButton, MatError, MatFormField, MatInput, MatLabel, TranslocoPipe, Notice],
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" aria-labelledby="editor-heading">
      <h3 id="editor-heading">{{ 'evaluations.templates.editing' | transloco: { title: template().title } }}</h3>
      @if (feedback(); as f) {
        <all-notice [kind]="f.kind" data-testid="template-feedback">{{ f.key | transloco }}</all-notice>
      }
      <ol class="questions" formArrayName="questions">
        @for (q of questions.controls; track q; let i = $index) {
          <li [formGroupName]="i" data-testid="template-question">
            <fieldset>
              <legend>{{ 'evaluations.templates.question' | transloco: { n: i + 1 } }}</legend>
              <div class="row">
                <mat-form-field appearance="outline">
                  <mat-label>{{ 'evaluations.templates.dimension' | transloco }}</mat-label>
                  <select matNativeControl formControlName="dimension">
                    @for (d of dimensions; track d) {
                      <option [value]="d">{{ 'evaluations.dimensions.' + d | transloco }}</option>
                    }
                  </select>
                </mat-form-field>
                <mat-form-field appearance="outline">
                  <mat-label>{{ 'evaluations.templates.focus' | transloco }}</mat-label>
                  <select matNativeControl formControlName="focus">
                    @for (f of focuses; track f) {
                      <option [value]="f">{{ 'evaluations.focus.' + f | transloco }}</option>
                    }
                  </select>
                </mat-form-field>
              </div>
              <mat-form-field appearance="outline" class="wide">
                <mat-label>{{ 'evaluations.templates.textFr' | transloco }}</mat-label>
                <textarea matInput formControlName="fr" rows="2" lang="fr"></textarea>
                <mat-error>{{ 'evaluations.templates.textInvalid' | transloco }}</mat-error>
              </mat-form-field>
              <mat-form-field appearance="outline" class="wide">
                <mat-label>{{ 'evaluations.templates.textEn' | transloco }}</mat-label>
                <textarea matInput formControlName="en" rows="2" lang="en"></textarea>
                <mat-error>{{ 'evaluations.templates.textInvalid' | transloco }}</mat-error>
              </mat-form-field>
              <button matButton type="button" (click)="remove(i)" [disabled]="questions.length === 1" data-testid="remove-question">
                {{ 'evaluations.templates.remove' | transloco: { n: i + 1 } }}
              </button>
            </fieldset>
          </li>
        }
      </ol>
      <div class="actions">
        <button matButton="outlined" type="button" (click)="add()" data-testid="add-question">
          {{ 'evaluations.templates.add' | transloco }}
        </button>
        <button matButton="filled" type="submit" [disabled]="busy()" data-testid="save-template">
          {{ 'evaluations.templates.save' | transloco }}
        </button>
        <button matButton type="button" (click)="closed.emit()">{{ 'evaluations.common.close' | transloco }}</button>
      </div>
    </form>
  `,
  styles: `
    .questions {
      padding-left: 1.5rem;
    }
    fieldset {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
    }
    legend {
      font: var(--mat-sys-title-small);
      padding: 0 0.25rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .wide {
      width: 100%;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    h3 {
      font: var(--mat-sys-title-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TemplateEditor implements OnInit {
  private readonly api = inject(EvaluationsApi);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly template = input.required<EvaluationTemplate>();
  readonly saved = output<EvaluationTemplate>();
  readonly closed = output<void>();

  protected readonly dimensions = EVALUATION_DIMENSIONS;
  protected readonly focuses = EVALUATION_FOCUSES;
  protected readonly busy = signal(false);
  protected readonly feedback = signal<{ kind: 'success' | 'error'; key: string } | null>(null);

  protected readonly questions: FormArray<QuestionForm> = this.fb.array<QuestionForm>([]);
  protected readonly form = this.fb.group({ questions: this.questions });

  ngOnInit(): void {
    for (const q of this.template().questions) this.questions.push(this.question(q.dimension, q.focus, q.text.fr, q.text.en));
  }

  private question(dimension: EvaluationDimension, focus: EvaluationFocus, fr: string, en: string): QuestionForm {
    const text = [Validators.required, Validators.minLength(5), Validators.maxLength(500)];
    return this.fb.group({
      dimension: this.fb.control(dimension),
      focus: this.fb.control(focus),
      fr: this.fb.control(fr, text),
      en: this.fb.control(en, text),
    });
  }

  protected add(): void {
    this.questions.push(this.question('shared_vision', 'product', '', ''));
  }

  protected remove(index: number): void {
    this.questions.removeAt(index);
  }

  protected async save(): Promise<void> {
    this.feedback.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    try {
      const questions = this.questions
        .getRawValue()
        .map((q) => ({ dimension: q.dimension, focus: q.focus, text: { fr: q.fr.trim(), en: q.en.trim() } }));
      const template = await firstValueFrom(this.api.setQuestions(this.template().id, questions));
      this.feedback.set({ kind: 'success', key: 'evaluations.templates.saved' });
      this.saved.emit(template);
    } catch (error) {
      this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    } finally {
      this.busy.set(false);
    }
  }
}
