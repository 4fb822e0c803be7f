import { validateSync } from 'class-validator';
import { IsTerritoryCode, TerritoriesService } from './territories.service';

describe('TerritoriesService.locate', () => {
  const territories = new TerritoriesService();

  it('places a commune in its département and région', () => {
    expect(territories.locate('69123')).toMatchObject({
      territory: { code: '69123', kind: 'commune' },
      departementCode: '69',
      regionCode: 'R84',
    });
    // Corsica: letters in the codes.
    expect(territories.locate('2A004')).toMatchObject({ departementCode: '2A', regionCode: 'R94' });
    // Overseas.
    expect(territories.locate('97411')).toMatchObject({ departementCode: '974', regionCode: 'R04' });
  });

  it('places a département in its région, and a région in itself', () => {
    expect(territories.locate('69')).toMatchObject({ territory: { kind: 'departement' }, departementCode: '69', regionCode: 'R84' });
    expect(territories.locate('2a')).toMatchObject({ territory: { code: '2A' }, departementCode: '2A', regionCode: 'R94' });
    expect(territories.locate('R84')).toMatchObject({
      territory: { kind: 'region', name: 'Auvergne-Rhône-Alpes' },
      departementCode: null,
      regionCode: 'R84',
    });
  });

  it('knows nothing of unknown codes, bare région numbers included', () => {
    for (const code of ['99999', '20', 'R99', '', 'lyon', null, undefined]) expect(territories.locate(code)).toBeUndefined();
    // "84" is the Vaucluse département, not the région.
    expect(territories.locate('84')?.regionCode).toBe('R93');
  });
});

describe('IsTerritoryCode', () => {
  class Probe {
    @IsTerritoryCode() code?: unknown;
  }
  const errors = (code: unknown) => validateSync(Object.assign(new Probe(), { code })).flatMap((e) => Object.keys(e.constraints ?? {}));

  it('passes known codes and absent values, refuses the rest under invalidTerritory', () => {
    for (const ok of ['69123', '69', 'R84', null, undefined]) expect(errors(ok)).toEqual([]);
    for (const bad of ['99999', 'R99', 42, 'Lyon']) expect(errors(bad)).toEqual(['invalidTerritory']);
  });
});

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
