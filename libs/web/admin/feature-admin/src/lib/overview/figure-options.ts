/** One bar or slice of a platform figure, already translated. */
export interface FigureRow {
  label: string;
  value: number;
}

export type FigureKind = 'bar' | 'donut';

/** A bar label wraps past this width, so that long French labels leave the bars their room. */
export const BAR_LABEL_WIDTH_PX = 150;

/** A bar chart's height: one band per row, so seven profiles are not squeezed into the height of two. */
export function figureHeightPx(kind: FigureKind, rowCount: number): number {
  return kind === 'donut' ? 256 : Math.max(160, rowCount * 44 + 40);
}

/** Colours that keep a 3:1 contrast against white, in an order that tells neighbours apart. */
const PALETTE = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c', '#0e7490', '#4d7c0f', '#475569'];

/**
 * ECharts options for a figure: horizontal bars (long French labels stay readable) or a donut.
 * A plain object, so ECharts itself stays lazy and the builder is unit-tested.
 */
export function figureOptions(kind: FigureKind, rows: readonly FigureRow[]): Record<string, unknown> {
  if (kind === 'donut') {
    return {
      animation: false,
      aria: { enabled: true },
      color: PALETTE,
      tooltip: { trigger: 'item', formatter: '{b} : {c} ({d} %)' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['45%', '72%'],
          top: 0,
          bottom: 32,
          label: { formatter: '{c}' },
          data: rows.map((r) => ({ name: r.label, value: r.value })),
        },
      ],
    };
  }
  // Largest first, read from the top: ECharts draws a category axis bottom-up.
  const sorted = [...rows].reverse();
  return {
    animation: false,
    aria: { enabled: true },
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: sorted.map((r) => r.label),
      axisLabel: { color: '#374151', width: BAR_LABEL_WIDTH_PX, overflow: 'break', lineHeight: 15 },
    },
    series: [
      {
        type: 'bar',
        data: sorted.map((r, i) => ({ value: r.value, itemStyle: { color: PALETTE[(sorted.length - 1 - i) % PALETTE.length] } })),
        label: { show: true, position: 'right', color: '#111827' },
        barMaxWidth: 28,
      },
    ],
  };
}

/** The chart's text alternative in one sentence: "Association : 12, Entreprise : 5". */
export function figureSummary(rows: readonly FigureRow[], separator = ' : '): string {
  return rows.map((r) => `${r.label}${separator}${r.value}`).join(', ');
}
