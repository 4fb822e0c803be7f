import { INDICATOR } from '../../testing/fixtures';
import { actualPoints, indicatorChartOptions } from './chart-options';

describe('indicatorChartOptions', () => {
  const detail = {
    ...INDICATOR,
    checkIns: [
      { ...aCheckIn('c-2'), date: '2026-06-01', value: 130 },
      { ...aCheckIn('c-1'), date: '2026-03-01', value: 40 },
    ],
  };

  it('draws the planned line dashed and the check-ins in date order', () => {
    const options = indicatorChartOptions(detail, { planned: 'Prévu', actual: 'Réalisé', unit: 'personnes' });
    const [planned, actual] = options['series'] as { name: string; data: unknown[]; lineStyle: { type?: string } }[];

    expect(planned.name).toBe('Prévu');
    expect(planned.lineStyle.type).toBe('dashed');
    expect(planned.data).toEqual([
      ['2026-01-01', 0],
      ['2026-07-01', 100],
      ['2026-12-31', 200],
    ]);
    expect(actual.name).toBe('Réalisé');
    expect(actual.data).toEqual([
      ['2026-03-01', 40],
      ['2026-06-01', 130],
    ]);
    expect(options['legend']).toEqual(expect.objectContaining({ data: ['Prévu', 'Réalisé'] }));
  });

  it('has no actual point before the first check-in', () => {
    expect(actualPoints(INDICATOR)).toEqual([]);
  });
});

function aCheckIn(id: string) {
  return {
    id,
    indicatorId: 'ind-1',
    note: null,
    notePrivate: false,
    confidence: null,
    author: { id: 'u', displayName: 'Camille' },
    createdAt: '2026-06-01T10:00:00.000Z',
    editableUntil: '2026-06-02T10:00:00.000Z',
  };
}
