import { benchmarkChartOptions } from './benchmark-options';

describe('benchmarkChartOptions', () => {
  it('draws the peers’ quartiles as a box around their median and this alliance’s mean beside it', () => {
    const options = benchmarkChartOptions(
      [
        { key: 'trust', label: 'Confiance', mean: 4.333, peers: { q1: 3.2, median: 3.8, q3: 4.1 } },
        { key: 'balance', label: 'Équilibre', mean: null, peers: null },
      ],
      { alliance: 'Cette alliance', peers: 'Alliances similaires' },
    ) as { yAxis: { data: string[] }; series: { name: string; type: string; data: unknown[] }[] };
    expect(options.yAxis.data).toEqual(['Confiance', 'Équilibre']);
    const [box, mine] = options.series;
    expect(box).toMatchObject({ name: 'Alliances similaires', type: 'boxplot' });
    // No whiskers beyond the quartiles: the API gives no extremes.
    expect(box.data).toEqual([[3.2, 3.2, 3.8, 4.1, 4.1], '-']);
    expect(mine).toMatchObject({ name: 'Cette alliance', type: 'scatter' });
    expect(mine.data).toEqual([4.33, '-']);
  });
});
