import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { EvaluationsApi } from '@alliances/web/evaluations/data-access';
import { Notice, confirmAction } from '@alliances/web/ui';
import {
  EVALUATION_DIMENSIONS,
  type AnswerInput,
  type EvaluationDimension,
  type EvaluationQuestion,
  type MyResponse,
} from '@alliances/shared/contracts';
import { firstValueFrom, of } from 'rxjs';

/** Milliseconds of calm before a draft is saved. */
export const AUTOSAVE_DELAY = 800;
export const LIKERT = [1, 2, 3, 4, 5] as const;

interface Draft {
  score: number | null;
  comment: string;
}

/** A fieldset of the questionnaire: the template's questions by dimension, then a block per collective objective, then the magic-square question. */
interface QuestionGroup {
  key: string;
  legend: string;
  testId: string;
  questions: { question: EvaluationQuestion; index: number }[];
}

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

function draftsOf(response: MyResponse | undefined): Record<string, Draft> {
  const drafts: Record<string, Draft> = {};
  for (const a of response?.answers ?? []) drafts[a.questionId] = { score: a.score, comment: a.comment ?? '' };
  return drafts;
}

/** The questionnaire: answers stay confidential, drafts save themselves, results come after the close. */
@Component({
  selector: 'all-questionnaire-page',
  imports: [MatButton, RouterLink, TranslocoPipe, LocalDatePipe, Notice],
  templateUrl: './questionnaire-page.html',
  styleUrls: ['../evaluations.scss', './questionnaire-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QuestionnairePage {
  private readonly api = inject(EvaluationsApi);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);

  /** Route parameter: the campaign. */
  readonly id = input.required<string>();

  protected readonly likert = LIKERT;
  protected readonly errorMessageKey = errorMessageKey;
  protected readonly lang = toSignal(this.transloco.langChanges$, { initialValue: this.transloco.getActiveLang() });

  protected readonly campaign = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.campaign(params) });
  private readonly respondable = computed(() => this.campaign.value()?.canRespond === true);
  protected readonly mine = rxResource({
    params: () => (this.respondable() ? this.id() : undefined),
    stream: ({ params }) => (params ? this.api.myResponse(params) : of(undefined)),
  });

  protected readonly drafts = linkedSignal(() => draftsOf(this.mine.value()));
  protected readonly submittedAt = linkedSignal(() => this.mine.value()?.submittedAt ?? null);
  protected readonly saveState = signal<SaveState>('idle');
  protected readonly savedAt = signal<Date | null>(null);
  protected readonly submitting = signal(false);
  protected readonly feedback = signal<{ kind: 'success' | 'error'; key: string } | null>(null);

  protected readonly questions = computed(() => this.campaign.value()?.questions ?? []);
  protected readonly groups = computed<QuestionGroup[]>(() => {
    const dimensions = new Map<string, QuestionGroup>();
    const blocks = new Map<string, QuestionGroup>();
    this.questions().forEach((question, index) => {
      const block = question.block;
      const groups = block ? blocks : dimensions;
      const key = block ?? question.dimension;
      const group = groups.get(key) ?? {
        key,
        legend: block ? `evaluations.blocks.${block}` : `evaluations.dimensions.${question.dimension}`,
        testId: block ? `block-${block}` : `dimension-${question.dimension}`,
        questions: [],
      };
      group.questions.push({ question, index });
      groups.set(key, group);
    });
    const byDimension = [...dimensions.values()].sort(
      (a, b) => EVALUATION_DIMENSIONS.indexOf(a.key as EvaluationDimension) - EVALUATION_DIMENSIONS.indexOf(b.key as EvaluationDimension),
    );
    return [...byDimension, ...blocks.values()];
  });
  protected readonly answered = computed(() => this.questions().filter((q) => this.drafts()[q.id]?.score != null).length);
  protected readonly complete = computed(() => this.questions().length > 0 && this.answered() === this.questions().length);

  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.timer && clearTimeout(this.timer));
  }

  protected text(question: EvaluationQuestion): string {
    return this.lang() === 'en' ? question.text.en : question.text.fr;
  }

  protected choose(question: EvaluationQuestion, score: number): void {
    this.drafts.update((d) => ({ ...d, [question.id]: { score, comment: d[question.id]?.comment ?? '' } }));
    this.scheduleSave();
  }

  protected comment(question: EvaluationQuestion, event: Event): void {
    const comment = (event.target as HTMLTextAreaElement).value;
    this.drafts.update((d) => ({ ...d, [question.id]: { score: d[question.id]?.score ?? null, comment } }));
    this.scheduleSave();
  }

  private answers(): AnswerInput[] {
    return this.questions().flatMap((q) => {
      const d = this.drafts()[q.id];
      if (d?.score == null) return [];
      return [{ questionId: q.id, score: d.score, ...(d.comment.trim() ? { comment: d.comment.trim() } : {}) }];
    });
  }

  private scheduleSave(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.saveDraft(), AUTOSAVE_DELAY);
  }

  private async saveDraft(): Promise<void> {
    this.timer = null;
    this.saveState.set('saving');
    try {
      // Once sent, complete changes stay sent; a draft never withdraws a submission.
      const submit = this.submittedAt() !== null && this.complete();
      const saved = await firstValueFrom(this.api.saveResponse(this.id(), { answers: this.answers(), ...(submit ? { submit } : {}) }));
      this.savedAt.set(new Date(saved.updatedAt ?? Date.now()));
      this.saveState.set('saved');
    } catch (error) {
      this.saveState.set('error');
      this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    }
  }

  protected async submit(): Promise<void> {
    if (!this.complete()) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.feedback.set(null);
    this.submitting.set(true);
    try {
      const first = this.submittedAt() === null;
      const saved = await firstValueFrom(this.api.saveResponse(this.id(), { answers: this.answers(), submit: true }));
      this.submittedAt.set(saved.submittedAt);
      if (first) this.campaign.update((c) => (c ? { ...c, submittedCount: c.submittedCount + 1 } : c));
      this.saveState.set('idle');
      this.feedback.set({ kind: 'success', key: 'evaluations.questionnaire.submitted' });
    } catch (error) {
      this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    } finally {
      this.submitting.set(false);
    }
  }

  protected async close(): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: 'evaluations.close.title',
      message: 'evaluations.close.text',
      confirm: 'evaluations.close.confirm',
      params: { title: this.campaign.value()?.title ?? '' },
    });
    if (!confirmed) return;
    this.feedback.set(null);
    try {
      const campaign = await firstValueFrom(this.api.close(this.id()));
      this.campaign.set(campaign);
    } catch (error) {
      this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    }
  }
}
