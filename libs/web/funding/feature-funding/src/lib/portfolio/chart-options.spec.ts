import { monthLabel, timelineChartOptions } from './chart-options';

describe('the portfolio chart', () => {
  const timeline = [
    { month: '2026-01', committed: 50_000, paid: 0 },
    { month: '2026-11', committed: 60_000, paid: 20_000 },
  ];
  const labels = { committed: 'Engagé', paid: 'Versé', money: (n: number) => `${n} €`, month: (m: string) => monthLabel(m, 'fr') };

  it('puts each month at its date, so quiet months keep their width', () => {
    const options = timelineChartOptions(timeline, labels) as { xAxis: { type: string }; series: { name: string; data: unknown[] }[] };
    expect(options.xAxis.type).toBe('time');
    expect(options.series.map((s) => s.name)).toEqual(['Engagé', 'Versé']);
    expect(options.series[0].data).toEqual([
      ['2026-01-01', 50_000],
      ['2026-11-01', 60_000],
    ]);
    expect(options.series[1].data).toEqual([
      ['2026-01-01', 0],
      ['2026-11-01', 20_000],
    ]);
  });

  it('names months in the reader’s language', () => {
    expect(monthLabel('2026-02', 'fr')).toBe('févr. 2026');
    expect(monthLabel('2026-02', 'en')).toBe('Feb 2026');
  });
});
