import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NgxEchartsDirective } from 'ngx-echarts';
import { map } from 'rxjs';
import type { IndicatorDetail } from '@alliances/shared/contracts';
import { LocalDatePipe } from '@alliances/web/core';
import { actualPoints, indicatorChartOptions } from './chart-options';

/** The actual-vs-planned chart, with the same numbers in a visually hidden table for screen readers. */
@Component({
  selector: 'all-indicator-chart',
  imports: [NgxEchartsDirective, TranslocoPipe, LocalDatePipe],
  template: `
    <figure>
      <figcaption id="chart-title">{{ 'objectives.indicator.chartTitle' | transloco }}</figcaption>
      <div
        echarts
        [options]="options()"
        class="chart"
        role="img"
        aria-labelledby="chart-title"
        [attr.aria-description]="'objectives.indicator.chartDescription' | transloco"
        data-testid="indicator-chart"
      ></div>
      <table class="cdk-visually-hidden" data-testid="chart-table">
        <caption>
          {{
            'objectives.indicator.tableCaption' | transloco
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'objectives.indicator.series' | transloco }}</th>
            <th scope="col">{{ 'objectives.indicator.date' | transloco }}</th>
            <th scope="col">{{ 'objectives.indicator.value' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (p of detail().planned; track $index) {
            <tr data-testid="chart-planned-row">
              <td>{{ 'objectives.indicator.planned' | transloco }}</td>
              <td>{{ p.date | localDate }}</td>
              <td>{{ round(p.value) }} {{ detail().unit }}</td>
            </tr>
          }
          @for (p of actual(); track $index) {
            <tr data-testid="chart-actual-row">
              <td>{{ 'objectives.indicator.actual' | transloco }}</td>
              <td>{{ p.date | localDate }}</td>
              <td>{{ p.value }} {{ detail().unit }}</td>
            </tr>
          }
        </tbody>
      </table>
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
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IndicatorChart {
  private readonly transloco = inject(TranslocoService);
  readonly detail = input.required<IndicatorDetail>();

  /** Re-labels the series when the language changes. */
  private readonly lang = toSignal(this.transloco.langChanges$.pipe(map((l) => l)), { initialValue: this.transloco.getActiveLang() });
  protected readonly actual = computed(() => actualPoints(this.detail()));
  protected readonly options = computed(() => {
    this.lang();
    const detail = this.detail();
    return indicatorChartOptions(detail, {
      planned: this.transloco.translate('objectives.indicator.planned'),
      actual: this.transloco.translate('objectives.indicator.actual'),
      unit: detail.unit,
    });
  });

  protected round(value: number): number {
    return Math.round(value * 100) / 100;
  }
}
