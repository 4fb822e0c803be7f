import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NgxEchartsDirective } from 'ngx-echarts';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { AuthStore, CatalystApi } from '@alliances/web/identity/data-access';
import { FRENCH_REGIONS, OBSERVATORY_OPEN_DATA, ObservatoryApi, regionName } from '@alliances/web/observatory/data-access';
import { Notice } from '@alliances/web/ui';
import {
  ALLIANCE_STATUSES,
  COLLECTIVE_OBJECTIVES,
  DOMAINS,
  OBSERVATORY_GROUP_BYS,
  OBSERVATORY_MIN_ALLIANCES,
  PARTNERSHIP_CATEGORIES,
  type AllianceStatus,
  type ObservatoryGroup,
  type ObservatoryGroupBy,
  type ObservatoryQuery,
  type ObservatoryScope,
  type PartnershipCategory,
} from '@alliances/shared/contracts';
import { of } from 'rxjs';
import { meanRows, meansHeatmapOptions, statusChartOptions, type ChartLabels } from './chart-options';

type Filter = 'region' | 'domain' | 'category' | 'collectiveObjective';

/** One choice of the scope selector: the whole platform, or one organisation's portfolio or territories. */
export interface ScopeChoice {
  value: string;
  scope: ObservatoryScope;
  organisationId?: string;
  organisationName?: string;
}

/** The key of a group's name among the translations, by what the groups are made of. */
export function groupLabelKey(groupBy: ObservatoryGroupBy, key: string): string | null {
  switch (groupBy) {
    case 'category':
      return `alliances.categories.${key}.label`;
    case 'collectiveObjective':
      return `alliances.objectiveOptions.${key}.label`;
    case 'domain':
      return (DOMAINS as readonly string[]).includes(key) ? `alliances.domains.${key}` : null;
    default:
      return null;
  }
}

/**
 * Observatoire des alliances: what alliances that opted in look like, by région, domain, category or collective
 * objective, for the whole platform, a funder's portfolio or a catalyst's territories. Aggregates only, never a
 * group of fewer than 5 alliances; the same figures in tables and as open data.
 */
@Component({
  selector: 'all-observatory-page',
  imports: [MatFormField, MatLabel, MatSelect, MatOption, TranslocoPipe, LocalDatePipe, NgxEchartsDirective, Notice],
  templateUrl: './observatory-page.html',
  styleUrl: './observatory-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ObservatoryPage {
  private readonly api = inject(ObservatoryApi);
  private readonly auth = inject(AuthStore);
  private readonly catalystApi = inject(CatalystApi);
  private readonly transloco = inject(TranslocoService);
  /** Re-reads translations used in code (chart labels) once the scopes' dictionaries arrive or the language changes. */
  private readonly translations = toSignal(this.transloco.events$);
  private readonly lang = toSignal(this.transloco.langChanges$, { initialValue: this.transloco.getActiveLang() });

  protected readonly errorMessageKey = errorMessageKey;
  protected readonly minAlliances = OBSERVATORY_MIN_ALLIANCES;
  protected readonly openData = OBSERVATORY_OPEN_DATA;
  protected readonly statuses = ALLIANCE_STATUSES;
  protected readonly groupBys = OBSERVATORY_GROUP_BYS;
  protected readonly filterNames: readonly Filter[] = ['region', 'domain', 'category', 'collectiveObjective'];
  protected readonly options: Record<Filter, readonly { value: string; key?: string; name?: string }[]> = {
    region: FRENCH_REGIONS.map((r) => ({ value: r.code, name: r.name })),
    domain: DOMAINS.map((d) => ({ value: d, key: `alliances.domains.${d}` })),
    category: PARTNERSHIP_CATEGORIES.map((c) => ({ value: c, key: `alliances.categories.${c}.label` })),
    collectiveObjective: COLLECTIVE_OBJECTIVES.map((o) => ({ value: o, key: `alliances.objectiveOptions.${o}.label` })),
  };

  protected readonly scopeValue = signal('platform');
  protected readonly groupBy = signal<ObservatoryGroupBy>('region');
  protected readonly filters = signal<Record<Filter, string>>({ region: '', domain: '', category: '', collectiveObjective: '' });

  /** Territorial catalysts among the person's organisations (the session does not say which). */
  private readonly catalysts = rxResource({
    params: () => (this.auth.status() === 'signedIn' ? this.auth.memberships() : undefined),
    stream: ({ params }) => (params ? this.catalystApi.catalystsAmong(params) : of([])),
  });

  /** "Mon portefeuille" for each funder organisation of the person, "Mes territoires" for each catalyst. */
  protected readonly scopes = computed<ScopeChoice[]>(() => {
    const funders = this.auth.memberships().filter((m) => m.funds && m.organisationStatus === 'approved');
    const catalysts = this.catalysts.hasValue() ? this.catalysts.value() : [];
    return [
      { value: 'platform', scope: 'platform' },
      ...funders.map((m) => ({ value: `portfolio:${m.organisationId}`, scope: 'portfolio' as const, ...pickOrg(m) })),
      ...catalysts.map((c) => ({ value: `territory:${c.organisationId}`, scope: 'territory' as const, ...pickOrg(c) })),
    ];
  });

  /** Equal by value: the scope list arriving (catalysts) must not ask the same question twice. */
  protected readonly query = computed<ObservatoryQuery>(
    () => {
      const choice: ScopeChoice = this.scopes().find((s) => s.value === this.scopeValue()) ?? { value: 'platform', scope: 'platform' };
      const f = this.filters();
      return {
        scope: choice.scope,
        ...(choice.organisationId ? { organisationId: choice.organisationId } : {}),
        groupBy: this.groupBy(),
        region: f.region,
        domain: f.domain,
        category: (f.category || undefined) as PartnershipCategory | undefined,
        collectiveObjective: f.collectiveObjective,
      };
    },
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );

  protected readonly view = rxResource({ params: () => this.query(), stream: ({ params }) => this.api.view(params) });
  protected readonly groups = computed(() => (this.view.hasValue() ? this.view.value().groups : []));
  protected readonly isFiltered = computed(() => Object.values(this.filters()).some((v) => v !== ''));

  private readonly labels = computed<ChartLabels>(() => {
    this.translations();
    this.lang();
    const groupBy = this.view.hasValue() ? this.view.value().groupBy : this.groupBy();
    const t = (key: string) => this.transloco.translate(key);
    return {
      group: (key) => this.groupName(groupBy, key),
      status: (s: AllianceStatus) => t(`alliances.status.${s}`),
      dimension: (d) => t(`evaluations.dimensions.${d}`),
      focus: (f) => t(`evaluations.focus.${f === 'valorisation' ? 'contribution_value' : f}`),
    };
  });

  protected readonly statusOptions = computed(() => statusChartOptions(this.groups(), this.labels()));
  protected readonly meansOptions = computed(() => meansHeatmapOptions(this.groups(), this.labels()));
  protected readonly rows = computed(() => meanRows(this.labels()));
  protected readonly hasMeans = computed(() => this.groups().some((g) => this.rows().some((r) => r.pick(g) !== null)));

  protected groupName(groupBy: ObservatoryGroupBy, key: string): string {
    if (groupBy === 'region') return regionName(key);
    const labelKey = groupLabelKey(groupBy, key);
    return labelKey ? this.transloco.translate(labelKey) : key;
  }

  protected label(group: ObservatoryGroup): string {
    this.translations();
    return this.groupName(this.view.hasValue() ? this.view.value().groupBy : this.groupBy(), group.key);
  }

  protected selected(filter: Filter): string {
    return this.filters()[filter];
  }

  protected choose(filter: Filter, value: string): void {
    this.filters.update((f) => ({ ...f, [filter]: value ?? '' }));
  }

  protected clear(): void {
    this.filters.set({ region: '', domain: '', category: '', collectiveObjective: '' });
  }
}

function pickOrg(m: { organisationId: string; organisationName: string }) {
  return { organisationId: m.organisationId, organisationName: m.organisationName };
}
