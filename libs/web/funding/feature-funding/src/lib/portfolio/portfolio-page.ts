import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteSelectedEvent, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { catchError, debounceTime, distinctUntilChanged, of, switchMap } from 'rxjs';
import { ALLIANCE_STATUSES, DOMAINS, type AllianceStatus, type Territory } from '@alliances/shared/contracts';
import { LanguageService, LocalDatePipe } from '@alliances/web/core';
import { FundingApi, type PortfolioFilters } from '@alliances/web/funding/data-access';
import { OrganisationsApi } from '@alliances/web/identity/data-access';
import { Notice } from '@alliances/web/ui';
import { FundingBadge } from '../shared/badge';
import { fundingErrorKey } from '../shared/funding-errors';
import { MoneyListPipe, MoneyPipe, formatDecimal, share, sumByCurrency } from '../shared/money';
import { TRANCHE_TONE } from '../shared/statuses';
import { PortfolioChart } from './portfolio-chart';
import { STATUS_SYMBOL, TREND_SYMBOL, isTerritoryCode, objectiveCounts, trendOf } from './portfolio-view';

/**
 * The funder's portfolio (portefeuille): every alliance the organisation funds, with money committed
 * and paid, what comes next, overdue reports first, objective progress and the latest evaluation.
 */
@Component({
  selector: 'all-portfolio-page',
  imports: [
    ReactiveFormsModule,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatFormField,
    MatHint,
    MatLabel,
    MatInput,
    MatOption,
    MatSelect,
    RouterLink,
    TranslocoPipe,
    LocalDatePipe,
    Notice,
    FundingBadge,
    MoneyPipe,
    MoneyListPipe,
    PortfolioChart,
  ],
  templateUrl: './portfolio-page.html',
  styleUrl: './portfolio-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PortfolioPage {
  private readonly api = inject(FundingApi);
  private readonly organisations = inject(OrganisationsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly language = inject(LanguageService);

  /** Route parameter: the funder organisation. */
  readonly id = input.required<string>();
  /** Query parameters: the filters, kept in the address so a filtered view can be bookmarked or shared. */
  readonly domain = input<string>();
  readonly territory = input<string>();
  readonly status = input<string>();

  protected readonly domains = DOMAINS;
  protected readonly statuses = ALLIANCE_STATUSES;
  protected readonly trancheTone = TRANCHE_TONE;
  protected readonly statusSymbol = STATUS_SYMBOL;
  protected readonly trendSymbol = TREND_SYMBOL;
  protected readonly objectiveCounts = objectiveCounts;
  protected readonly trendOf = trendOf;
  protected readonly share = share;
  protected readonly errorKey = fundingErrorKey;

  private readonly filters = computed<PortfolioFilters>(() => ({
    domain: this.domain() || null,
    territory: this.territory() || null,
    status: (ALLIANCE_STATUSES as readonly string[]).includes(this.status() ?? '') ? (this.status() as AllianceStatus) : null,
  }));
  protected readonly hasFilters = computed(() => Object.values(this.filters()).some(Boolean));

  protected readonly organisation = rxResource({ params: () => this.id(), stream: ({ params }) => this.organisations.get(params) });
  protected readonly portfolio = rxResource({
    params: () => ({ id: this.id(), ...this.filters() }),
    stream: ({ params: { id, ...filters } }) => this.api.portfolio(id, filters),
  });

  protected readonly committed = computed(() =>
    sumByCurrency((this.portfolio.value()?.entries ?? []).map((e) => ({ amount: e.committed, currency: e.currency }))),
  );
  protected readonly paid = computed(() =>
    sumByCurrency((this.portfolio.value()?.entries ?? []).map((e) => ({ amount: e.paid, currency: e.currency }))),
  );
  protected readonly paidShare = computed(() => {
    const totals = this.portfolio.value()?.totals;
    return totals ? share(totals.paid, totals.committed) : 0;
  });
  protected readonly overdue = computed(() => (this.portfolio.value()?.entries ?? []).filter((e) => e.nextReport?.overdue).length);
  /** The chart's currency: the portfolio's, EUR unless every grant is in another one. */
  protected readonly currency = computed(() => this.portfolio.value()?.entries.find((e) => e.committed > 0)?.currency ?? 'EUR');

  protected readonly form = inject(NonNullableFormBuilder).group({ domain: [''], status: [''], territory: [''] });
  private readonly territoryText = toSignal(this.form.controls.territory.valueChanges, { initialValue: '' });
  protected readonly territorySuggestions = toSignal(
    this.form.controls.territory.valueChanges.pipe(
      debounceTime(250),
      distinctUntilChanged(),
      switchMap((q) =>
        q.trim().length < 2 || isTerritoryCode(q) ? of([]) : this.organisations.territories(q.trim()).pipe(catchError(() => of([]))),
      ),
    ),
    { initialValue: [] as Territory[] },
  );
  protected readonly exporting = signal(false);
  protected readonly exportFailed = signal(false);

  constructor() {
    // The address is the source of truth: the form follows it (first visit, back and forward).
    effect(() => {
      const { domain, territory, status } = this.filters();
      this.form.setValue({ domain: domain ?? '', status: status ?? '', territory: territory ?? '' }, { emitEvent: false });
    });
    this.form.controls.domain.valueChanges.pipe(takeUntilDestroyed()).subscribe((domain) => this.apply({ domain }));
    this.form.controls.status.valueChanges.pipe(takeUntilDestroyed()).subscribe((status) => this.apply({ status }));
  }

  protected domainLabel(domain: string): string {
    return (DOMAINS as readonly string[]).includes(domain) ? `funding.domains.${domain}` : domain;
  }

  protected evaluation(mean: number): string {
    return formatDecimal(mean, this.language.lang());
  }

  protected delta(delta: number): string {
    return `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${formatDecimal(Math.abs(delta), this.language.lang())}`;
  }

  /** The field shows the chosen territory's code, the value the filter uses. */
  protected readonly territoryDisplay = (value: Territory | string | null): string =>
    typeof value === 'string' ? value : (value?.code ?? '');

  protected territoryChosen(event: MatAutocompleteSelectedEvent): void {
    const territory = event.option.value as Territory;
    this.apply({ territory: territory.code });
  }

  /** A code typed by hand applies on Enter or when leaving the field; an emptied field clears the filter. */
  protected territoryTyped(): void {
    const text = this.territoryText().trim();
    if (!text) this.apply({ territory: '' });
    else if (isTerritoryCode(text)) this.apply({ territory: text.toUpperCase() });
  }

  protected clearFilters(): void {
    this.apply({ domain: '', status: '', territory: '' });
  }

  private apply(change: Record<string, string>): void {
    const queryParams = Object.fromEntries(Object.entries(change).map(([key, value]) => [key, value || null]));
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge', replaceUrl: true });
  }

  protected async exportCsv(): Promise<void> {
    this.exportFailed.set(false);
    this.exporting.set(true);
    try {
      const blob = await this.api.portfolioCsv(this.id(), this.filters());
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = 'portefeuille.csv';
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch {
      this.exportFailed.set(true);
    } finally {
      this.exporting.set(false);
    }
  }
}
