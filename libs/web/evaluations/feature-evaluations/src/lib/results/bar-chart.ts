import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';

/** One bar series: a name (an organisation, the overall mean) and one value per category; null draws no bar. */
export interface BarSeries {
  name: string;
  values: (number | null)[];
}

/** Means on a 1–5 scale as grouped bars, side by side per category; the page shows the same numbers in a table. */
@Component({
  selector: 'all-bar-chart',
  imports: [NgxEchartsDirective],
  template: `<div echarts class="chart" [options]="options()" role="img" [attr.aria-label]="label()" [attr.data-testid]="testId()"></div>`,
  styles: `
    .chart {
      width: 100%;
      height: 16rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BarChart {
  readonly categories = input.required<string[]>();
  readonly series = input.required<BarSeries[]>();
  /** Short text for screen readers; the data table follows the chart. */
  readonly label = input.required<string>();
  readonly testId = input('bar-chart');

  protected readonly options = computed<EChartsCoreOption>(() => ({
    color: ['#263238', '#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f'],
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, data: this.series().map((s) => s.name) },
    grid: { left: 40, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: this.categories(), axisLabel: { color: '#37474f', interval: 0 } },
    yAxis: { type: 'value', min: 0, max: 5, interval: 1 },
    series: this.series().map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values.map((v) => (v === null ? '-' : Math.round(v * 100) / 100)),
    })),
  }));
}
