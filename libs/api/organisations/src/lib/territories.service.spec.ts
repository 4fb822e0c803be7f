import { TerritoriesService } from './territories.service';

describe('TerritoriesService containment', () => {
  const territories = new TerritoriesService();

  it('places a commune in its département and région, and a département in its région', () => {
    expect(territories.isWithin('69123', '69')).toBe(true);
    expect(territories.isWithin('69123', 'R84')).toBe(true);
    expect(territories.isWithin('2A004', 'r94')).toBe(true);
    expect(territories.isWithin('69', 'R84')).toBe(true);
    expect(territories.isWithin('R84', 'R84')).toBe(true);
    expect(territories.isWithin('69123', '75')).toBe(false);
    expect(territories.isWithin('R84', '69')).toBe(false);
    expect(territories.isWithin(null, 'R84')).toBe(false);
    expect(territories.isWithin('99999', 'R84')).toBe(false);
  });

  it('lists a département with its communes, and a région with its départements and their communes', () => {
    const corseDuSud = territories.codesWithin('2A');
    expect(corseDuSud[0]).toBe('2A');
    expect(corseDuSud).toContain('2A004');
    expect(corseDuSud).not.toContain('2B033');
    const corse = territories.codesWithin('R94');
    expect(corse).toEqual(expect.arrayContaining(['R94', '2A', '2B', '2A004', '2B033']));
    expect(corse).toHaveLength(1 + 2 + corseDuSud.length - 1 + territories.codesWithin('2B').length - 1);
    expect(territories.codesWithin('nowhere')).toEqual([]);
  });
});
