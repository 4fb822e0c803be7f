import { OBJECTIVES } from '../../testing/fixtures';
import { groupObjectives } from './group-objectives';

describe('groupObjectives', () => {
  it('keeps the order of the four collective objectives and the pursued ones even when empty', () => {
    const groups = groupObjectives(OBJECTIVES, ['engagement', 'territory']);
    expect(groups.map((g) => [g.collectiveObjective, g.objectives.map((o) => o.id)])).toEqual([
      ['engagement', []],
      ['territory', ['obj-1']],
      ['performance', ['obj-2']],
    ]);
  });
});
