import type { EChartsCoreOption } from 'echarts/core';
import {
  ALLIANCE_STATUSES,
  EVALUATION_DIMENSIONS,
  RESULT_FOCUS_KEYS,
  type AllianceStatus,
  type EvaluationDimension,
  type ObservatoryGroup,
  type ResultFocusKey,
} from '@alliances/shared/contracts';

/** Colours that keep a 3:1 contrast with white and with each other's neighbours (status order). */
const STATUS_COLOURS: Record<AllianceStatus, string> = {
  draft: '#78909c',
  chartering: '#f9a825',
  active: '#2e7d32',
  closed: '#37474f',
};

export interface ChartLabels {
  group: (key: string) => string;
  status: (status: AllianceStatus) => string;
  dimension: (key: EvaluationDimension) => string;
  focus: (key: ResultFocusKey) => string;
}

/** A mean rounded to one decimal, or null. */
export const roundMean = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : Math.round(v * 10) / 10);

/** Alliances of each group by status, one stacked bar a group. */
export function statusChartOptions(groups: readonly ObservatoryGroup[], labels: Pick<ChartLabels, 'group' | 'status'>): EChartsCoreOption {
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, data: ALLIANCE_STATUSES.map((s) => labels.status(s)) },
    grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
    xAxis: {
      type: 'category',
      data: groups.map((g) => labels.group(g.key)),
      axisLabel: { interval: 0, rotate: groups.length > 5 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: ALLIANCE_STATUSES.map((status) => ({
      name: labels.status(status),
      type: 'bar',
      stack: 'alliances',
      barMaxWidth: 72,
      itemStyle: { color: STATUS_COLOURS[status] },
      data: groups.map((g) => g.statuses[status] ?? 0),
    })),
  };
}

/** The rows of the means' heatmap and table: the dimensions, then the three focuses. */
export function meanRows(
  labels: Pick<ChartLabels, 'dimension' | 'focus'>,
): { id: string; label: string; pick: (g: ObservatoryGroup) => number | null }[] {
  return [
    ...EVALUATION_DIMENSIONS.map((d) => ({
      id: `dimension:${d}`,
      label: labels.dimension(d),
      pick: (g: ObservatoryGroup) => roundMean(g.meanByDimension[d]),
    })),
    ...RESULT_FOCUS_KEYS.map((f) => ({
      id: `focus:${f}`,
      label: labels.focus(f),
      pick: (g: ObservatoryGroup) => roundMean(g.meanByFocus[f]),
    })),
  ];
}

/** Means (1 to 5) by dimension and focus for each group; a mean withheld (under 5 evaluated alliances) stays empty. */
export function meansHeatmapOptions(groups: readonly ObservatoryGroup[], labels: ChartLabels): EChartsCoreOption {
  const rows = meanRows(labels);
  const data: [number, number, number | '-'][] = [];
  groups.forEach((g, x) => rows.forEach((row, y) => data.push([x, y, row.pick(g) ?? '-'])));
  return {
    aria: { enabled: true },
    tooltip: { position: 'top' },
    grid: { left: 8, right: 16, top: 8, bottom: 72, containLabel: true },
    xAxis: {
      type: 'category',
      data: groups.map((g) => labels.group(g.key)),
      splitArea: { show: true },
      axisLabel: { interval: 0, rotate: groups.length > 4 ? 30 : 0 },
    },
    yAxis: { type: 'category', data: rows.map((r) => r.label), splitArea: { show: true }, inverse: true },
    visualMap: {
      min: 1,
      max: 5,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#fbe9e7', '#fff8e1', '#e3f2fd', '#90caf9'] },
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: true,
          color: '#1b1b1b',
          formatter: (p: { value: [number, number, number | '-'] }) => (p.value[2] === '-' ? '' : String(p.value[2])),
        },
        emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
      },
    ],
  };
}
