import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  MatAccordion,
  MatExpansionPanel,
  MatExpansionPanelDescription,
  MatExpansionPanelHeader,
  MatExpansionPanelTitle,
} from '@angular/material/expansion';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { CommentsPanel } from '@alliances/web/comments/feature-comments';
import { LocalDatePipe, apiErrorCode, applyFieldErrors, errorMessageKey } from '@alliances/web/core';
import { EvaluationsApi, type ObjectiveChoice } from '@alliances/web/evaluations/data-access';
import { Notice } from '@alliances/web/ui';
import { CHARTER_SECTION_KEYS, type CampaignTrend, type EvaluationAction, type QuestionResult } from '@alliances/shared/contracts';
import { catchError, firstValueFrom, of } from 'rxjs';
import { MeansBreakdown, type BreakdownHeader, type BreakdownRow } from './means-breakdown';
import { RadarChart } from './radar-chart';
import { TrendChart } from './trend-chart';
import {
  byGap,
  focusSeries,
  hiddenOrganisations,
  keyFindings,
  previousOf,
  profileSeries,
  radarSeries,
  shownOrganisations,
  trendOf,
  trendSeries,
} from './results-model';
import { BenchmarkPanel } from './benchmark-panel';
import { SquareServedPanel } from './square-served-panel';

/**
 * Results after the close: a summary first (figures, key findings, radar), then the perception gaps, the trend
 * and each question in panels that open on demand, the exports, the action plan and the discussion.
 */
@Component({
  selector: 'all-results-page',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCheckbox,
    MatAccordion,
    MatExpansionPanel,
    MatExpansionPanelHeader,
    MatExpansionPanelTitle,
    MatExpansionPanelDescription,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    RouterLink,
    TranslocoPipe,
    LocalDatePipe,
    Notice,
    RadarChart,
    MeansBreakdown,
    TrendChart,
    MatTabGroup,
    MatTab,
    CommentsPanel,
    BenchmarkPanel,
    SquareServedPanel,
  ],
  templateUrl: './results-page.html',
  styleUrls: ['../evaluations.scss', './results-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResultsPage {
  private readonly api = inject(EvaluationsApi);
  private readonly transloco = inject(TranslocoService);

  /** Route parameter: the campaign. */
  readonly id = input.required<string>();

  protected readonly errorMessageKey = errorMessageKey;
  protected readonly apiErrorCode = apiErrorCode;
  protected readonly sections = CHARTER_SECTION_KEYS;
  protected readonly lang = toSignal(this.transloco.langChanges$, { initialValue: this.transloco.getActiveLang() });
  /** Re-reads translations used in code (chart labels) once the scope's dictionary arrives. */
  private readonly translationsLoaded = toSignal(this.transloco.events$);

  protected readonly campaign = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.campaign(params) });
  protected readonly results = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.results(params) });
  protected readonly allianceId = computed(() => this.campaign.value()?.allianceId);
  protected readonly alliance = rxResource({ params: () => this.allianceId(), stream: ({ params }) => this.api.alliance(params) });
  protected readonly actions = rxResource({
    params: () => (this.results.hasValue() ? this.id() : undefined),
    stream: ({ params }) => (params ? this.api.actions(params) : of([] as EvaluationAction[])),
  });
  protected readonly objectives = rxResource({
    params: () => this.allianceId(),
    stream: ({ params }) => this.api.objectives(params).pipe(catchError(() => of([] as ObjectiveChoice[]))),
  });

  protected readonly shown = computed(() => (this.results.hasValue() ? shownOrganisations(this.results.value()) : []));
  protected readonly hidden = computed(() => (this.results.hasValue() ? hiddenOrganisations(this.results.value()) : []));
  protected readonly series = computed(() => {
    this.lang();
    this.translationsLoaded();
    return this.results.hasValue() ? radarSeries(this.results.value(), this.transloco.translate('evaluations.results.overall')) : [];
  });
  protected readonly dimensionNames = computed(() => {
    this.lang();
    this.translationsLoaded();
    return (this.results.value()?.dimensions ?? []).map((d) => this.transloco.translate(`evaluations.dimensions.${d.key}`));
  });
  protected readonly gaps = computed(() => byGap(this.results.value()?.dimensions ?? []));
  /** Translates in code (chart labels), again when the language or the scope's dictionary changes. */
  private t(key: string, params?: Record<string, unknown>): string {
    this.lang();
    this.translationsLoaded();
    return this.transloco.translate(key, params);
  }
  // Focuses (produit, équilibre, valorisation), dimension groups and actor profiles (issue 18).
  protected readonly focusNames = computed(() =>
    (this.results.value()?.focuses ?? []).map((f) => this.t(`evaluations.resultFocus.${f.key}`)),
  );
  protected readonly focusBars = computed(() =>
    this.results.hasValue() ? focusSeries(this.results.value().focuses, this.shown(), this.t('evaluations.results.overall')) : [],
  );
  protected readonly groupNames = computed(() => (this.results.value()?.groups ?? []).map((g) => this.t(`evaluations.groups.${g.key}`)));
  protected readonly groupBars = computed(() =>
    this.results.hasValue() ? focusSeries(this.results.value().groups, this.shown(), this.t('evaluations.results.overall')) : [],
  );
  protected readonly shownProfiles = computed(() => (this.results.value()?.byProfile ?? []).filter((p) => p.mean !== null));
  protected readonly hiddenProfiles = computed(() => (this.results.value()?.byProfile ?? []).filter((p) => p.mean === null));
  protected readonly profileNames = computed(() => this.shownProfiles().map((p) => this.t(`organisations.profiles.${p.profile}`)));
  protected readonly profileBars = computed(() =>
    profileSeries(this.shownProfiles(), this.t('evaluations.results.overall'), (key) => this.t(`evaluations.resultFocus.${key}`)),
  );
  /** The focus and group tables: the overall mean, one column per organisation shown, then the gap. */
  protected readonly meansHeaders = computed<BreakdownHeader[]>(() => [
    { key: 'evaluations.results.overall' },
    ...this.shown().map((o) => ({ text: o.organisationName })),
    { key: 'evaluations.results.gap' },
  ]);
  protected readonly focusHeaders = computed<BreakdownHeader[]>(() => [{ key: 'evaluations.results.focus' }, ...this.meansHeaders()]);
  protected readonly groupHeaders = computed<BreakdownHeader[]>(() => [{ key: 'evaluations.results.group' }, ...this.meansHeaders()]);
  protected readonly focusRows = computed(() => this.meansRows(this.results.value()?.focuses ?? [], 'evaluations.resultFocus.'));
  protected readonly groupRows = computed(() => this.meansRows(this.results.value()?.groups ?? [], 'evaluations.groups.'));
  protected readonly profileHeaders = computed<BreakdownHeader[]>(() => [
    { key: 'evaluations.results.profile' },
    { key: 'evaluations.results.respondentsColumn' },
    { key: 'evaluations.results.overall' },
    ...(this.results.value()?.focuses ?? []).map((f) => ({ key: `evaluations.resultFocus.${f.key}` })),
  ]);
  protected readonly profileRows = computed<BreakdownRow[]>(() =>
    this.shownProfiles().map((p) => ({
      id: p.profile,
      labelKey: `organisations.profiles.${p.profile}`,
      cells: [
        { text: `${p.respondents}` },
        { text: this.fmt(p.mean), strong: true },
        ...p.focuses.map((f) => ({ text: this.fmt(f.mean) })),
      ],
    })),
  );
  /** Every closed campaign of the alliance (the multi-year trend); empty when it cannot be read. */
  protected readonly trend = rxResource({
    params: () => (this.results.hasValue() ? this.allianceId() : undefined),
    stream: ({ params }) =>
      params
        ? this.api.trend(params).pipe(catchError(() => of({ allianceId: params, campaigns: [] } as CampaignTrend)))
        : of({ allianceId: '', campaigns: [] } as CampaignTrend),
  });
  protected readonly trendView = signal<'focuses' | 'groups'>('focuses');
  protected readonly trendCampaigns = computed(() => (this.trend.value()?.campaigns ?? []).map((c) => c.title));
  protected readonly trendLines = computed(() =>
    trendSeries(this.trend.value()?.campaigns ?? [], this.trendView(), (key) =>
      this.t(this.trendView() === 'focuses' ? `evaluations.resultFocus.${key}` : `evaluations.groups.${key}`),
    ),
  );
  /** The summary read first; the tables and the questions below it open on demand. */
  protected readonly findings = computed(() =>
    this.results.hasValue()
      ? keyFindings(this.results.value())
      : { overall: null, strongest: null, weakest: null, widestGap: null, rise: null, fall: null },
  );
  protected readonly trends = computed(() => {
    const r = this.results.value();
    if (!r?.previous) return [];
    return r.dimensions.map((d) => {
      const previous = previousOf(r, d.key);
      return {
        key: d.key,
        mean: d.mean,
        previous: previous?.mean ?? null,
        delta: previous?.delta ?? null,
        trend: trendOf(previous?.delta),
      };
    });
  });
  protected readonly partners = computed(() => (this.alliance.value()?.members ?? []).filter((m) => m.status === 'active'));
  protected readonly canPlan = computed(() => {
    const a = this.alliance.value();
    return !!a && (a.can.edit || a.can.writeCharter);
  });

  protected readonly exporting = signal<'csv' | 'pdf' | null>(null);
  protected readonly feedback = signal<{ kind: 'success' | 'error'; key: string } | null>(null);
  protected readonly busy = signal(false);
  protected readonly actionForm = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(300)]],
    ownerOrganisationId: ['', Validators.required],
    dueDate: ['', Validators.required],
    link: [''],
  });

  protected fmt(value: number | null | undefined): string {
    if (value === null || value === undefined) return '—';
    return new Intl.NumberFormat(this.lang() === 'en' ? 'en-GB' : 'fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
      value,
    );
  }

  protected signed(value: number | null): string {
    if (value === null) return '—';
    return `${value > 0 ? '+' : ''}${this.fmt(value)}`;
  }

  protected meanOf(
    dimension: { byOrganisation: { organisationId: string; mean: number | null }[] },
    organisationId: string,
  ): number | null {
    return dimension.byOrganisation.find((o) => o.organisationId === organisationId)?.mean ?? null;
  }

  private meansRows(
    items: { key: string; mean: number | null; gap: number | null; byOrganisation: { organisationId: string; mean: number | null }[] }[],
    labelPrefix: string,
  ): BreakdownRow[] {
    return items.map((item) => ({
      id: item.key,
      labelKey: labelPrefix + item.key,
      cells: [
        { text: this.fmt(item.mean), strong: true },
        ...this.shown().map((o) => ({ text: this.fmt(this.meanOf(item, o.organisationId)) })),
        { text: this.fmt(item.gap) },
      ],
    }));
  }

  protected questionText(q: QuestionResult): string {
    return this.lang() === 'en' ? q.text.en : q.text.fr;
  }

  protected ownerName(id: string): string {
    return this.partners().find((m) => m.organisationId === id)?.organisationName ?? '';
  }

  protected objectiveTitle(id: string): string {
    return this.objectives.value()?.find((o) => o.id === id)?.title ?? '';
  }

  protected async download(format: 'csv' | 'pdf'): Promise<void> {
    this.exporting.set(format);
    this.feedback.set(null);
    try {
      const blob = await firstValueFrom(this.api.export(this.id(), format));
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `evaluation-resultats.${format}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    } finally {
      this.exporting.set(null);
    }
  }

  protected async addAction(): Promise<void> {
    this.feedback.set(null);
    if (this.actionForm.invalid) {
      this.actionForm.markAllAsTouched();
      return;
    }
    const { title, ownerOrganisationId, dueDate, link } = this.actionForm.getRawValue();
    const [kind, value] = link.split(':');
    this.busy.set(true);
    try {
      const action = await firstValueFrom(
        this.api.addAction(this.id(), {
          title: title.trim(),
          ownerOrganisationId,
          dueDate,
          ...(kind === 'objective' ? { objectiveId: value } : {}),
          ...(kind === 'section' ? { charterSection: value } : {}),
        }),
      );
      this.actions.update((list) => [...(list ?? []), action]);
      this.actionForm.reset();
      this.feedback.set({ kind: 'success', key: 'evaluations.actions.added' });
    } catch (error) {
      if (!applyFieldErrors(this.actionForm, error)) this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    } finally {
      this.busy.set(false);
    }
  }

  protected async toggle(action: EvaluationAction, done: boolean): Promise<void> {
    try {
      const updated = await firstValueFrom(this.api.setActionDone(action.id, done));
      this.actions.update((list) => list?.map((a) => (a.id === updated.id ? updated : a)));
    } catch (error) {
      this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    }
  }
}
