import { indicatorStatus, objectiveStatus, plannedTrajectory } from './objectives';

const year = { baseline: 100, target: 200, startDate: '2026-01-01', targetDate: '2027-01-01' };

describe('indicatorStatus (the trajectory rule)', () => {
  it('has no data and no progress before the first check-in', () => {
    expect(indicatorStatus(year, null, '2026-07-02')).toEqual({ progress: null, elapsed: expect.closeTo(0.5, 2), status: 'no_data' });
  });

  it('keeps the raw progress, outside [0, 1] included', () => {
    expect(indicatorStatus(year, 250, '2026-03-01').progress).toBeCloseTo(1.5);
    expect(indicatorStatus(year, 50, '2026-03-01').progress).toBeCloseTo(-0.5);
  });

  it('is achieved from progress 1, whatever the date', () => {
    expect(indicatorStatus(year, 200, '2026-02-01').status).toBe('achieved');
    expect(indicatorStatus(year, 230, '2030-01-01').status).toBe('achieved');
  });

  it('compares progress with the elapsed share of time: on track, at risk, off track at their edges', () => {
    const mid = '2026-07-02'; // elapsed ≈ 0.5
    expect(indicatorStatus(year, 140, mid).status).toBe('on_track'); // 0.40 ≥ 0.5 − 0.1
    expect(indicatorStatus(year, 139, mid).status).toBe('at_risk'); // 0.39
    expect(indicatorStatus(year, 125, mid).status).toBe('at_risk'); // 0.25 ≥ 0.5 − 0.25
    expect(indicatorStatus(year, 124, mid).status).toBe('off_track'); // 0.24
  });

  it('counts no time elapsed before the start date', () => {
    const before = indicatorStatus(year, 100, '2025-06-01');
    expect(before.elapsed).toBe(0);
    expect(before.status).toBe('on_track');
    expect(indicatorStatus(year, 85, '2025-06-01').status).toBe('at_risk'); // −0.15
  });

  it('counts all the time elapsed after the target date', () => {
    const after = indicatorStatus(year, 195, '2028-01-01');
    expect(after.elapsed).toBe(1);
    expect(after.status).toBe('on_track'); // 0.95 ≥ 0.9
    expect(indicatorStatus(year, 180, '2028-01-01').status).toBe('at_risk'); // 0.8 ≥ 0.75
    expect(indicatorStatus(year, 170, '2028-01-01').status).toBe('off_track');
  });

  it('works for an indicator that must decrease', () => {
    const co2 = { baseline: 1000, target: 600, startDate: '2026-01-01', targetDate: '2027-01-01' };
    expect(indicatorStatus(co2, 800, '2026-07-02')).toMatchObject({ progress: 0.5, status: 'on_track' });
    expect(indicatorStatus(co2, 1100, '2026-07-02')).toMatchObject({ progress: -0.25, status: 'off_track' });
    expect(indicatorStatus(co2, 590, '2026-07-02').status).toBe('achieved');
  });
});

describe('objectiveStatus', () => {
  it('takes the worst measured indicator, ignores unmeasured ones', () => {
    expect(objectiveStatus(['on_track', 'at_risk', 'no_data'])).toBe('at_risk');
    expect(objectiveStatus(['achieved', 'achieved'])).toBe('achieved');
    expect(objectiveStatus(['achieved', 'on_track'])).toBe('on_track');
    expect(objectiveStatus(['no_data'])).toBe('no_data');
    expect(objectiveStatus([])).toBe('no_data');
  });
});

describe('plannedTrajectory', () => {
  it('goes in a straight line from baseline at start to target at the target date', () => {
    const line = plannedTrajectory(year);
    expect(line[0]).toEqual({ date: '2026-01-01', value: 100 });
    expect(line.at(-1)).toEqual({ date: '2027-01-01', value: 200 });
    expect(line).toHaveLength(13);
  });
});
