import { cadenceOf, nextRunAfter, retryPolicyOf } from './job-cadence';

describe('job cadence', () => {
  it('runs on a cron of whole minutes from one minute up, never less often than configured', () => {
    expect(cadenceOf(60_000)).toEqual({ kind: 'cron', cron: '*/1 * * * *', periodMs: 60_000 });
    expect(cadenceOf(90_000)).toMatchObject({ cron: '*/1 * * * *' });
    expect(cadenceOf(7 * 60_000)).toMatchObject({ cron: '*/6 * * * *', periodMs: 6 * 60_000 });
    expect(cadenceOf(15 * 60_000)).toMatchObject({ cron: '*/15 * * * *' });
    expect(cadenceOf(3_600_000)).toEqual({ kind: 'cron', cron: '0 * * * *', periodMs: 3_600_000 });
  });

  it('below a minute, sends every interval into slots of whole seconds', () => {
    expect(cadenceOf(300)).toEqual({ kind: 'slots', slotSeconds: 1, sendEveryMs: 300, periodMs: 1000 });
    expect(cadenceOf(1000)).toMatchObject({ slotSeconds: 1 });
    expect(cadenceOf(1500)).toMatchObject({ slotSeconds: 2, sendEveryMs: 1500 });
    expect(cadenceOf(59_999)).toMatchObject({ kind: 'slots', slotSeconds: 60 });
  });

  it('says when the next run is due: the start of the next period', () => {
    const at = Date.parse('2026-03-02T10:07:30.000Z');
    expect(nextRunAfter(cadenceOf(60_000), at).toISOString()).toBe('2026-03-02T10:08:00.000Z');
    expect(nextRunAfter(cadenceOf(15 * 60_000), at).toISOString()).toBe('2026-03-02T10:15:00.000Z');
    expect(nextRunAfter(cadenceOf(3_600_000), at).toISOString()).toBe('2026-03-02T11:00:00.000Z');
    expect(nextRunAfter(cadenceOf(300), at + 400).toISOString()).toBe('2026-03-02T10:07:31.000Z');
  });

  it('retries three times with backoff, starting at a quarter of the period', () => {
    expect(retryPolicyOf(cadenceOf(60_000))).toEqual({ retryLimit: 3, retryDelay: 15, retryBackoff: true });
    expect(retryPolicyOf(cadenceOf(3_600_000)).retryDelay).toBe(900);
    expect(retryPolicyOf(cadenceOf(300)).retryDelay).toBe(1);
  });
});
