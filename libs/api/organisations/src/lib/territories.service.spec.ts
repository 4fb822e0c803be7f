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
