import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { BarSeries } from './bar-chart';

/** Means across campaigns as lines (one per focus or group); the page shows the same numbers in a table. */
@Component({
  selector: 'all-trend-chart',
  imports: [NgxEchartsDirective],
  template: `<div echarts class="chart" [options]="options()" role="img" [attr.aria-label]="label()" data-testid="trend-chart"></div>`,
  styles: `
    .chart {
      width: 100%;
      height: 18rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrendChart {
  /** The campaigns, oldest first. */
  readonly campaigns = input.required<string[]>();
  readonly series = input.required<BarSeries[]>();
  readonly label = input.required<string>();

  protected readonly options = computed<EChartsCoreOption>(() => ({
    color: ['#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#4e342e'],
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, data: this.series().map((s) => s.name) },
    grid: { left: 40, right: 24, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: this.campaigns(), boundaryGap: false, axisLabel: { color: '#37474f' } },
    yAxis: { type: 'value', min: 0, max: 5, interval: 1 },
    series: this.series().map((s, i) => ({
      type: 'line',
      name: s.name,
      connectNulls: false,
      symbol: ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin'][i % 6],
      symbolSize: 8,
      data: s.values.map((v) => (v === null ? '-' : Math.round(v * 100) / 100)),
    })),
  }));
}
