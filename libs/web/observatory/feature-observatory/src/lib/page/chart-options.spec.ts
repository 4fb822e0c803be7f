import { EVALUATION_DIMENSIONS, type ObservatoryGroup } from '@alliances/shared/contracts';
import { meanRows, meansHeatmapOptions, roundMean, statusChartOptions, type ChartLabels } from './chart-options';
import { groupLabelKey } from './observatory-page';

function group(key: string, alliances: number, overrides: Partial<ObservatoryGroup> = {}): ObservatoryGroup {
  const meanByDimension = Object.fromEntries(EVALUATION_DIMENSIONS.map((d) => [d, null])) as ObservatoryGroup['meanByDimension'];
  return {
    key,
    alliances,
    statuses: { draft: 1, chartering: 1, active: alliances - 2, closed: 0 },
    evaluated: 0,
    meanByDimension,
    meanByFocus: { product: null, balance: null, valorisation: null },
    objectives: { total: 0, on_track: 0, at_risk: 0, off_track: 0, achieved: 0 },
    ...overrides,
  };
}

const labels: ChartLabels = {
  group: (k) => `G:${k}`,
  status: (s) => `S:${s}`,
  dimension: (d) => `D:${d}`,
  focus: (f) => `F:${f}`,
};

describe('observatory charts', () => {
  it('stack each group’s alliances by status, one bar a group, in the contract’s status order', () => {
    const options = statusChartOptions([group('84', 7), group('11', 5)], labels) as {
      xAxis: { data: string[] };
      series: { name: string; stack: string; data: number[] }[];
    };
    expect(options.xAxis.data).toEqual(['G:84', 'G:11']);
    expect(options.series.map((s) => s.name)).toEqual(['S:draft', 'S:chartering', 'S:active', 'S:closed']);
    expect(new Set(options.series.map((s) => s.stack)).size).toBe(1);
    expect(options.series.find((s) => s.name === 'S:active')?.data).toEqual([5, 3]);
    // The stacks add up to each group's count.
    expect([0, 1].map((i) => options.series.reduce((n, s) => n + s.data[i], 0))).toEqual([7, 5]);
  });

  it('place each mean at its group and dimension, rounded to one decimal; a withheld mean stays empty', () => {
    const evaluated = group('health', 6, {
      evaluated: 5,
      meanByDimension: { ...group('x', 5).meanByDimension, trust: 4.1666 },
      meanByFocus: { product: 3.04, balance: null, valorisation: 2.5 },
    });
    const options = meansHeatmapOptions([group('food', 5), evaluated], labels) as {
      yAxis: { data: string[] };
      series: { data: [number, number, number | '-'][] }[];
    };
    const rows = options.yAxis.data;
    expect(rows).toHaveLength(EVALUATION_DIMENSIONS.length + 3);
    expect(rows.slice(-3)).toEqual(['F:product', 'F:balance', 'F:valorisation']);
    const cell = (x: number, row: string) => options.series[0].data.find(([cx, cy]) => cx === x && cy === rows.indexOf(row))?.[2];
    expect(cell(1, 'D:trust')).toBe(4.2);
    expect(cell(1, 'F:product')).toBe(3);
    expect(cell(1, 'F:balance')).toBe('-');
    expect(cell(0, 'D:trust')).toBe('-');
    expect(
      meanRows(labels)
        .find((r) => r.id === 'focus:valorisation')
        ?.pick(evaluated),
    ).toBe(2.5);
  });

  it('round means to one decimal and keep a missing one missing', () => {
    expect(roundMean(3.449)).toBe(3.4);
    expect(roundMean(null)).toBeNull();
  });

  it('name a group from the vocabulary of what the groups are made of', () => {
    expect(groupLabelKey('category', 'philanthropy')).toBe('alliances.categories.philanthropy.label');
    expect(groupLabelKey('collectiveObjective', 'territory')).toBe('alliances.objectiveOptions.territory.label');
    expect(groupLabelKey('domain', 'health')).toBe('alliances.domains.health');
    // A domain outside the list has no translation: its slug is shown.
    expect(groupLabelKey('domain', 'water')).toBeNull();
  });
});
