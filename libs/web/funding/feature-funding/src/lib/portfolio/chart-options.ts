import type { Portfolio } from '@alliances/shared/contracts';

export interface TimelineLabels {
  committed: string;
  paid: string;
  /** Formats an amount for the axis and the tooltip. */
  money: (amount: number) => string;
  /** Formats a YYYY-MM month for the axis ("janv. 2026"). */
  month: (month: string) => string;
}

/** "2026-01" in the reader's language ("janv. 2026" / "Jan 2026"). */
export function monthLabel(month: string, lang: string): string {
  const [year, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, m - 1, 1)),
  );
}

const DAY = 86_400_000;

/**
 * ECharts options: money committed and money paid, cumulated month by month, as two step lines on a
 * time axis (months without news keep their place; the gap between the lines is what is left to pay).
 * A plain object, so ECharts stays lazy and this is testable.
 */
export function timelineChartOptions(timeline: Portfolio['timeline'], labels: TimelineLabels): Record<string, unknown> {
  const at = (month: string) => `${month}-01`;
  return {
    animation: false,
    aria: { enabled: true },
    color: ['#1d4ed8', '#15803d'],
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: number) => labels.money(value),
      axisPointer: { label: { formatter: (p: { value: number }) => labels.month(new Date(p.value).toISOString().slice(0, 7)) } },
    },
    legend: { data: [labels.committed, labels.paid], top: 0 },
    grid: { left: 16, right: 48, top: 40, bottom: 32, containLabel: true },
    xAxis: {
      type: 'time',
      minInterval: 28 * DAY,
      axisLabel: { hideOverlap: true, formatter: (value: number) => labels.month(new Date(value).toISOString().slice(0, 7)) },
    },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: (value: number) => labels.money(value) } },
    series: [
      {
        name: labels.committed,
        type: 'line',
        step: 'end',
        data: timeline.map((p) => [at(p.month), p.committed]),
        lineStyle: { width: 3 },
        symbol: 'circle',
        symbolSize: 7,
        areaStyle: { opacity: 0.08 },
      },
      {
        name: labels.paid,
        type: 'line',
        step: 'end',
        data: timeline.map((p) => [at(p.month), p.paid]),
        lineStyle: { width: 3, type: 'dashed' },
        symbol: 'diamond',
        symbolSize: 8,
      },
    ],
  };
}
