import type { AuditEntry, Page } from '@alliances/shared/contracts';
import { auditPageInRange, dayRange } from './audit-range';

const entry = (at: string, id = at): AuditEntry => ({
  id,
  at,
  actorId: null,
  actorName: null,
  action: 'auth.login',
  objectType: 'user',
  objectId: null,
  organisationId: null,
  ip: null,
  details: null,
});

/** A log of one entry per hour, newest first, served in pages like the API (cursor = index of the next entry). */
function hourlyLog(hours: number, newest = new Date(2026, 2, 10, 23, 30)) {
  const all = Array.from({ length: hours }, (_, i) => entry(new Date(newest.getTime() - i * 3_600_000).toISOString()));
  const calls: { cursor: string | null | undefined; limit: number }[] = [];
  const fetchPage = async (cursor: string | null | undefined, limit: number): Promise<Page<AuditEntry>> => {
    calls.push({ cursor, limit });
    const start = cursor ? Number(cursor) : 0;
    const end = start + limit;
    return { items: all.slice(start, end), nextCursor: end < all.length ? String(end) : null };
  };
  return { all, calls, fetchPage };
}

describe('dayRange', () => {
  it('covers whole local days, the last one included', () => {
    expect(dayRange('2026-03-01', '2026-03-02')).toEqual({ from: new Date(2026, 2, 1).getTime(), until: new Date(2026, 2, 3).getTime() });
  });

  it('leaves out a missing or malformed bound', () => {
    expect(dayRange(null, '')).toEqual({ from: null, until: null });
    expect(dayRange('01/03/2026', undefined)).toEqual({ from: null, until: null });
  });
});

describe('auditPageInRange', () => {
  it('without dates, reads one screenful as the API pages it', async () => {
    const log = hourlyLog(120);
    const page = await auditPageInRange(log.fetchPage, dayRange(null, null));
    expect(log.calls).toEqual([{ cursor: undefined, limit: 50 }]);
    expect(page.items).toHaveLength(50);
    expect(page.nextCursor).toBe('50');
  });

  it('skips entries after the last day and ends the log at the first entry before the first day', async () => {
    // 10 March 23:30 back to 5 March: keep 8 and 9 March only.
    const log = hourlyLog(24 * 6);
    const page = await auditPageInRange(log.fetchPage, dayRange('2026-03-08', '2026-03-09'));
    const days = new Set(page.items.map((e) => new Date(e.at).getDate()));
    expect([...days]).toEqual([9, 8]);
    expect(page.items).toHaveLength(48);
    expect(page.nextCursor).toBeNull();
  });

  it('stops after ten pages when the range is far back, with a cursor to go on', async () => {
    const log = hourlyLog(5_000);
    const page = await auditPageInRange(log.fetchPage, dayRange('2025-01-01', '2025-01-02'));
    expect(log.calls).toHaveLength(10);
    expect(page.items).toEqual([]);
    expect(page.nextCursor).toBe('2000');
  });
});
