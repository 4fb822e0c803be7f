import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';

export interface DiagnosticSeries {
  name: string;
  /** 0–100, in the order of the axes. */
  values: number[];
  /** The earlier diagnostic, drawn dashed. */
  earlier: boolean;
}

/** The four axes' radar, the latest diagnostic beside the previous one; the page shows the same numbers in a table. */
@Component({
  selector: 'all-diagnostic-radar',
  imports: [NgxEchartsDirective],
  template: `<div echarts class="chart" [options]="options()" role="img" [attr.aria-label]="label()" data-testid="diagnostic-radar"></div>`,
  styles: `
    .chart {
      width: 100%;
      height: 24rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DiagnosticRadar {
  readonly axes = input.required<string[]>();
  readonly series = input.required<DiagnosticSeries[]>();
  readonly label = input.required<string>();

  protected readonly options = computed<EChartsCoreOption>(() => ({
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, data: this.series().map((s) => s.name) },
    radar: { indicator: this.axes().map((name) => ({ name, min: 0, max: 100 })), radius: '62%', axisName: { color: '#37474f' } },
    series: [
      {
        type: 'radar',
        data: this.series().map((s) => ({
          name: s.name,
          value: s.values,
          lineStyle: s.earlier ? { type: 'dashed', width: 2, color: '#78909c' } : { width: 3, color: '#1565c0' },
          itemStyle: { color: s.earlier ? '#78909c' : '#1565c0' },
          areaStyle: s.earlier ? undefined : { opacity: 0.15 },
          symbol: s.earlier ? 'rect' : 'circle',
        })),
      },
    ],
  }));
}
