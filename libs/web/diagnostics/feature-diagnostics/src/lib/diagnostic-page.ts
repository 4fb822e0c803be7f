import { DOCUMENT } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, Injector, input, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioChange, MatRadioGroup } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { DiagnosticsApi } from '@alliances/web/diagnostics/data-access';
import { OrganisationsApi } from '@alliances/web/identity/data-access';
import { Notice } from '@alliances/web/ui';
import { DIAGNOSTIC_AXES, type Diagnostic, type DiagnosticAxisKey, type Locale } from '@alliances/shared/contracts';
import { firstValueFrom, of } from 'rxjs';
import { DiagnosticRadar, type DiagnosticSeries } from './diagnostic-radar';

/**
 * The self-diagnostic of an organisation: an introduction, the questionnaire of its profile one axis
 * at a time, then the result (radar and table, suggestions, history) and its PDF.
 */
@Component({
  selector: 'all-diagnostic-page',
  imports: [MatButton, MatProgressBar, MatRadioButton, MatRadioGroup, RouterLink, TranslocoPipe, LocalDatePipe, Notice, DiagnosticRadar],
  templateUrl: './diagnostic-page.html',
  styleUrl: './diagnostic-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DiagnosticPage {
  private readonly api = inject(DiagnosticsApi);
  private readonly organisations = inject(OrganisationsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  /** Route parameter: the organisation. */
  readonly id = input.required<string>();

  protected readonly errorMessageKey = errorMessageKey;
  protected readonly axisKeys = DIAGNOSTIC_AXES;
  protected readonly lang = toSignal(this.transloco.langChanges$, { initialValue: this.transloco.getActiveLang() });
  private readonly locale = computed<Locale>(() => (this.lang() === 'en' ? 'en' : 'fr'));
  /** Re-reads translations used in code (chart labels) once the dictionary arrives. */
  private readonly translationsLoaded = toSignal(this.transloco.events$);

  protected readonly organisation = rxResource({ params: () => this.id(), stream: ({ params }) => this.organisations.get(params) });
  protected readonly history = rxResource({
    params: () => ({ id: this.id(), lang: this.locale() }),
    stream: ({ params }) => this.api.history(params.id, params.lang),
  });
  protected readonly questionnaire = rxResource({
    params: () => {
      const profile = this.organisation.value()?.profile;
      return profile && this.answering() ? { profile, lang: this.locale() } : undefined;
    },
    stream: ({ params }) => (params ? this.api.questionnaire(params.profile, params.lang) : of(undefined)),
  });

  /** Whether the person is answering (otherwise: the introduction, or the result when there is one). */
  protected readonly answering = signal(false);
  protected readonly step = signal(0);
  protected readonly answers = signal<Record<string, string>>({});
  protected readonly showMissing = signal(false);
  protected readonly busy = signal(false);
  protected readonly feedback = signal<{ kind: 'success' | 'error'; key: string } | null>(null);
  protected readonly selectedId = signal<string | null>(null);

  protected readonly axes = computed(() => this.questionnaire.value()?.axes ?? []);
  protected readonly currentAxis = computed(() => this.axes()[this.step()]);
  protected readonly total = computed(() => this.axes().reduce((n, a) => n + a.questions.length, 0));
  protected readonly answered = computed(() => Object.keys(this.answers()).length);
  protected readonly progress = computed(() => (this.total() ? Math.round((100 * this.answered()) / this.total()) : 0));
  protected readonly missing = computed(() => (this.currentAxis()?.questions ?? []).filter((q) => !this.answers()[q.id]));

  protected readonly diagnostics = computed(() => this.history.value()?.items ?? []);
  protected readonly selected = computed<Diagnostic | undefined>(() => {
    const list = this.diagnostics();
    return list.find((d) => d.id === this.selectedId()) ?? list[0];
  });
  /** The diagnostic taken just before the one shown. */
  protected readonly previous = computed<Diagnostic | undefined>(() => {
    const list = this.diagnostics();
    const i = list.findIndex((d) => d.id === this.selected()?.id);
    return i >= 0 ? list[i + 1] : undefined;
  });
  protected readonly axisNames = computed(() => {
    this.lang();
    this.translationsLoaded();
    return DIAGNOSTIC_AXES.map((k) => this.transloco.translate(`diagnostics.axes.${k}`));
  });
  protected readonly series = computed<DiagnosticSeries[]>(() => {
    this.lang();
    this.translationsLoaded();
    const shown = this.selected();
    if (!shown) return [];
    const earlier = this.previous();
    const latest = { name: this.transloco.translate('diagnostics.result.latest'), values: this.scores(shown), earlier: false };
    if (!earlier) return [latest];
    const date = new Intl.DateTimeFormat(this.locale() === 'en' ? 'en-GB' : 'fr-FR').format(new Date(earlier.createdAt));
    return [
      { name: this.transloco.translate('diagnostics.result.previous', { date }), values: this.scores(earlier), earlier: true },
      latest,
    ];
  });

  protected scoreOf(d: Diagnostic | undefined, key: DiagnosticAxisKey) {
    return d?.axes.find((a) => a.key === key);
  }

  protected change(key: DiagnosticAxisKey): string {
    const now = this.scoreOf(this.selected(), key)?.score;
    const before = this.scoreOf(this.previous(), key)?.score;
    if (now === undefined || before === undefined) return '—';
    const delta = now - before;
    return delta > 0 ? `+${delta}` : String(delta);
  }

  protected start(): void {
    this.answers.set({});
    this.step.set(0);
    this.showMissing.set(false);
    this.feedback.set(null);
    this.answering.set(true);
    this.focus('diagnostic-step-heading');
  }

  protected cancel(): void {
    this.answering.set(false);
    this.focus('diagnostic-heading');
  }

  protected choose(questionId: string, change: MatRadioChange): void {
    this.answers.update((a) => ({ ...a, [questionId]: change.value as string }));
  }

  protected back(): void {
    this.showMissing.set(false);
    this.step.update((s) => Math.max(0, s - 1));
    this.focus('diagnostic-step-heading');
  }

  /** Next axis, or the submission after the last one; an axis with unanswered questions stays, saying which. */
  protected async next(): Promise<void> {
    const missing = this.missing();
    if (missing.length) {
      this.showMissing.set(true);
      this.focus(`question-${missing[0].id}`);
      return;
    }
    this.showMissing.set(false);
    if (this.step() < this.axes().length - 1) {
      this.step.update((s) => s + 1);
      this.focus('diagnostic-step-heading');
      return;
    }
    await this.submit();
  }

  private async submit(): Promise<void> {
    this.busy.set(true);
    this.feedback.set(null);
    try {
      const answers = Object.entries(this.answers()).map(([questionId, optionId]) => ({ questionId, optionId }));
      const saved = await firstValueFrom(this.api.submit(this.id(), answers, this.locale()));
      this.history.reload();
      this.selectedId.set(saved.id);
      this.answering.set(false);
      this.feedback.set({ kind: 'success', key: 'diagnostics.submitted' });
      this.focus('diagnostic-heading');
    } catch (error) {
      this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    } finally {
      this.busy.set(false);
    }
  }

  protected show(id: string): void {
    this.selectedId.set(id);
    this.focus('result-heading');
  }

  protected async downloadPdf(d: Diagnostic): Promise<void> {
    this.busy.set(true);
    this.feedback.set(null);
    try {
      const blob = await firstValueFrom(this.api.pdf(this.id(), d.id, this.locale()));
      const url = URL.createObjectURL(blob);
      const a = this.document.createElement('a');
      a.href = url;
      a.download = `autodiagnostic-${d.createdAt.slice(0, 10)}.pdf`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    } finally {
      this.busy.set(false);
    }
  }

  private scores(d: Diagnostic): number[] {
    return DIAGNOSTIC_AXES.map((k) => this.scoreOf(d, k)?.score ?? 0);
  }

  /** Moves the focus to the new content once it is rendered, for keyboard and screen-reader users. */
  private focus(elementId: string): void {
    afterNextRender(() => this.document.getElementById(elementId)?.focus(), { injector: this.injector });
  }
}
