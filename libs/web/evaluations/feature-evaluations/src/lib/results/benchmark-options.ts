import type { EChartsCoreOption } from 'echarts/core';
import type { BenchmarkStats } from '@alliances/shared/contracts';

/** One line of the benchmark: this alliance's mean beside its peers' quartiles. */
export interface BenchmarkRow {
  key: string;
  label: string;
  mean: number | null;
  peers: BenchmarkStats | null;
}

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * Peers as boxes from the first to the third quartile with the median inside (no whiskers: the API gives no
 * extremes, so none is invented), and this alliance's mean as a diamond on the same row.
 */
export function benchmarkChartOptions(rows: readonly BenchmarkRow[], names: { alliance: string; peers: string }): EChartsCoreOption {
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, data: [names.peers, names.alliance] },
    grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
    yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true },
    xAxis: { type: 'value', min: 1, max: 5, interval: 1 },
    series: [
      {
        name: names.peers,
        type: 'boxplot',
        itemStyle: { color: '#e3f2fd', borderColor: '#1565c0', borderWidth: 2 },
        data: rows.map((r) => (r.peers ? [r.peers.q1, r.peers.q1, r.peers.median, r.peers.q3, r.peers.q3].map(round) : '-')),
      },
      {
        name: names.alliance,
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 14,
        itemStyle: { color: '#c62828' },
        data: rows.map((r) => (r.mean === null ? '-' : round(r.mean))),
      },
    ],
  };
}
