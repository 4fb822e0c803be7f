import { complementarity, needsMask } from './complementarity';

describe('complementarity', () => {
  it('gives half for what they seek that you offer and half for what you seek that they offer', () => {
    const you = { seeks: ['financial', 'skills'] as const, offers: ['network', 'human'] as const };
    const they = { seeks: ['network', 'material'] as const, offers: ['financial', 'skills', 'positioning'] as const };
    expect(complementarity({ ...you }, { ...they })).toEqual({
      score: 75, // 50 × 1/2 (network, not material) + 50 × 2/2
      theySeekYouOffer: ['network'],
      youSeekTheyOffer: ['financial', 'skills'],
    });
  });

  it('reaches 100 only when each side offers everything the other seeks', () => {
    expect(complementarity({ seeks: ['skills'], offers: ['financial'] }, { seeks: ['financial'], offers: ['skills', 'human'] }).score).toBe(
      100,
    );
  });

  it('tops at 50 for a one-way fit and is 0 when nothing meets', () => {
    expect(complementarity({ seeks: [], offers: ['financial'] }, { seeks: ['financial'], offers: [] }).score).toBe(50);
    expect(complementarity({ seeks: ['skills'], offers: [] }, { seeks: [], offers: ['skills'] }).score).toBe(50);
    expect(complementarity({ seeks: ['skills'], offers: ['human'] }, { seeks: ['material'], offers: ['network'] }).score).toBe(0);
    expect(complementarity({ seeks: [], offers: [] }, { seeks: [], offers: [] }).score).toBe(0);
  });

  it('rounds to the nearest integer, halves up', () => {
    // 50 × 1/3 + 0 = 16.67
    expect(complementarity({ seeks: [], offers: ['human'] }, { seeks: ['human', 'skills', 'network'], offers: [] }).score).toBe(17);
    // 50 × 1/4 + 0 = 12.5
    expect(complementarity({ seeks: [], offers: ['human'] }, { seeks: ['human', 'skills', 'network', 'material'], offers: [] }).score).toBe(
      13,
    );
  });

  it('lists the matches in the order of the needs (magic square first, then contributions)', () => {
    const m = complementarity(
      { seeks: [], offers: ['network', 'processes', 'financial'] },
      { seeks: ['network', 'financial', 'processes'], offers: [] },
    );
    expect(m.theySeekYouOffer).toEqual(['processes', 'financial', 'network']);
  });
});

describe('needsMask', () => {
  it('sets one bit per need, in the order the migration uses', () => {
    expect(needsMask([])).toBe(0);
    expect(needsMask(['business_model'])).toBe(1);
    expect(needsMask(['processes', 'financial'])).toBe(8 + 16);
    expect(needsMask(['network'])).toBe(256);
  });
});
