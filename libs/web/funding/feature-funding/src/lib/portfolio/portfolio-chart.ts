import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { Portfolio } from '@alliances/shared/contracts';
import { LanguageService } from '@alliances/web/core';
import { MoneyPipe, formatMoney } from '../shared/money';
import { monthLabel, timelineChartOptions } from './chart-options';

/** Money committed vs paid over time, with the same figures in a table anyone can open. */
@Component({
  selector: 'all-portfolio-chart',
  imports: [NgxEchartsDirective, TranslocoPipe, MoneyPipe],
  template: `
    <figure>
      <figcaption id="timeline-title">{{ 'funding.portfolio.chartTitle' | transloco }}</figcaption>
      <div
        echarts
        [options]="options()"
        class="chart"
        role="img"
        aria-labelledby="timeline-title"
        [attr.aria-describedby]="'timeline-summary'"
        data-testid="portfolio-chart"
      ></div>
      <p id="timeline-summary" class="summary">{{ summary() }}</p>
      <details>
        <summary>{{ 'funding.portfolio.chartData' | transloco }}</summary>
        <table class="data" data-testid="timeline-table">
          <caption class="cdk-visually-hidden">
            {{
              'funding.portfolio.chartTitle' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'funding.portfolio.month' | transloco }}</th>
              <th scope="col" class="num">{{ 'funding.portfolio.committedCumulated' | transloco }}</th>
              <th scope="col" class="num">{{ 'funding.portfolio.paidCumulated' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (p of timeline(); track p.month) {
              <tr data-testid="timeline-row">
                <th scope="row">{{ month(p.month) }}</th>
                <td class="num">{{ p.committed | money: currency() }}</td>
                <td class="num">{{ p.paid | money: currency() }}</td>
              </tr>
            }
          </tbody>
        </table>
      </details>
    </figure>
  `,
  styles: `
    figure {
      margin: 1rem 0;
    }
    figcaption {
      font: var(--mat-sys-title-medium);
    }
    .chart {
      height: 320px;
      width: 100%;
    }
    .summary {
      margin: 0.25rem 0;
      color: var(--mat-sys-on-surface-variant);
    }
    summary {
      cursor: pointer;
      padding: 0.25rem 0;
    }
    summary:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    table.data {
      border-collapse: collapse;
      margin-top: 0.5rem;
    }
    table.data th,
    table.data td {
      text-align: left;
      padding: 0.3rem 0.75rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .num {
      text-align: right !important;
      font-variant-numeric: tabular-nums;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PortfolioChart {
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);

  readonly timeline = input.required<Portfolio['timeline']>();
  readonly currency = input('EUR');

  protected month(month: string): string {
    return monthLabel(month, this.language.lang());
  }

  /** The chart in one sentence, for those who do not see it. */
  protected readonly summary = computed(() => {
    const lang = this.language.lang();
    const points = this.timeline();
    const last = points[points.length - 1];
    if (!last) return '';
    return this.transloco.translate('funding.portfolio.chartSummary', {
      from: monthLabel(points[0].month, lang),
      to: monthLabel(last.month, lang),
      committed: formatMoney(last.committed, this.currency(), lang),
      paid: formatMoney(last.paid, this.currency(), lang),
    });
  });

  protected readonly options = computed(() => {
    const lang = this.language.lang();
    const currency = this.currency();
    return timelineChartOptions(this.timeline(), {
      committed: this.transloco.translate('funding.committed'),
      paid: this.transloco.translate('funding.paid'),
      money: (amount) => formatMoney(amount, currency, lang),
      month: (month) => monthLabel(month, lang),
    });
  });
}
