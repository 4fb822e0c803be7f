import type { IndicatorDetail } from '@alliances/shared/contracts';

export interface ChartLabels {
  planned: string;
  actual: string;
  unit: string;
}

export interface ChartPoint {
  date: string;
  value: number;
}

/** Check-ins in date order (the history comes newest first), one point each. */
export function actualPoints(detail: Pick<IndicatorDetail, 'checkIns'>): ChartPoint[] {
  return [...detail.checkIns]
    .sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt))
    .map(({ date, value }) => ({ date, value }));
}

/**
 * ECharts options: the planned straight line (dashed) against the actual check-ins, on a time axis.
 * A plain object (no ECharts import) so the library stays lazy and the builder is testable.
 */
export function indicatorChartOptions(
  detail: Pick<IndicatorDetail, 'checkIns' | 'planned' | 'target'>,
  labels: ChartLabels,
): Record<string, unknown> {
  const actual = actualPoints(detail);
  return {
    animation: false,
    aria: { enabled: true },
    color: ['#475569', '#1d4ed8'],
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.planned, labels.actual], top: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: labels.unit, scale: false },
    series: [
      {
        name: labels.planned,
        type: 'line',
        data: detail.planned.map((p) => [p.date, p.value]),
        lineStyle: { type: 'dashed', width: 2 },
        symbol: 'none',
      },
      {
        name: labels.actual,
        type: 'line',
        data: actual.map((p) => [p.date, p.value]),
        lineStyle: { width: 3 },
        symbol: 'circle',
        symbolSize: 8,
        markLine: {
          silent: true,
          symbol: 'none',
          data: [{ yAxis: detail.target }],
          label: { formatter: '{c}' },
          lineStyle: { color: '#15803d' },
        },
      },
    ],
  };
}
