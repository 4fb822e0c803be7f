import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { RadarSeries } from './results-model';

/** The dimensions' radar, one line per series; the page shows the same numbers in a table. */
@Component({
  selector: 'all-radar-chart',
  imports: [NgxEchartsDirective],
  template: `<div echarts class="chart" [options]="options()" role="img" [attr.aria-label]="label()" data-testid="radar-chart"></div>`,
  styles: `
    .chart {
      width: 100%;
      height: 28rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RadarChart {
  readonly dimensions = input.required<string[]>();
  readonly series = input.required<RadarSeries[]>();
  /** Short text for screen readers; the data table follows the chart. */
  readonly label = input.required<string>();

  protected readonly options = computed<EChartsCoreOption>(() => ({
    color: ['#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#4e342e'],
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, data: this.series().map((s) => s.name) },
    radar: {
      indicator: this.dimensions().map((name) => ({ name, min: 0, max: 5 })),
      radius: '62%',
      axisName: { color: '#37474f' },
    },
    series: [
      {
        type: 'radar',
        data: this.series().map((s, i) => ({
          name: s.name,
          value: s.values.map((v) => (v === null ? '-' : Math.round(v * 100) / 100)),
          lineStyle: s.organisationId === null ? { type: 'dashed', width: 3, color: '#263238' } : { width: 2 },
          itemStyle: s.organisationId === null ? { color: '#263238' } : undefined,
          symbol: ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin'][i % 6],
        })),
      },
    ],
  }));
}
