import type { CalendarEntry } from '@alliances/shared/contracts';
import { calendarScope, mergeCalendarEntries } from './calendar-scope';
import type { CalendarSource } from './calendar-source';

const entry = (uid: string, at: { date?: string; startsAt?: string; endsAt?: string }): CalendarEntry => ({
  uid,
  kind: 'meeting',
  allianceId: 'a1',
  allianceName: 'Alliance',
  title: uid,
  link: '/x',
  ...at,
});
const NOW = Date.parse('2026-12-03T12:00:00Z');
const day = (offset: number) => new Date(NOW + offset * 86_400_000).toISOString();

describe('calendarScope', () => {
  it('keeps the alliances and only the active seats, and starts 90 days ago', () => {
    const scope = calendarScope(
      [
        {
          id: 'a1',
          name: 'Alliance',
          status: 'active',
          seats: [
            { organisationId: 'o1', role: 'lead', status: 'active' },
            { organisationId: 'o2', role: 'funder', status: 'left' },
          ],
        },
      ],
      NOW,
    );
    expect(scope.alliances).toEqual([{ id: 'a1', name: 'Alliance', status: 'active' }]);
    expect(scope.seats).toEqual([{ allianceId: 'a1', organisationId: 'o1', role: 'lead' }]);
    expect(scope.since.toISOString()).toBe('2026-09-04T12:00:00.000Z');
  });
});

describe('mergeCalendarEntries', () => {
  it('merges the sources by start, all-day entries at the start of their day', () => {
    const merged = mergeCalendarEntries(
      [
        [entry('b-day', { date: day(2).slice(0, 10) })],
        [entry('a-meeting', { startsAt: day(1), endsAt: day(1) }), entry('c', { startsAt: day(3) })],
      ],
      new Date(NOW),
    );
    expect(merged.map((e) => e.uid)).toEqual(['a-meeting', 'b-day', 'c']);
  });

  it('leaves out what ended before the start, whatever a source returned', () => {
    const since = new Date(NOW - 90 * 86_400_000);
    const merged = mergeCalendarEntries(
      [
        [
          entry('old-day', { date: day(-91).slice(0, 10) }),
          entry('old-meeting', { startsAt: day(-95), endsAt: day(-95) }),
          entry('recent-day', { date: day(-89).slice(0, 10) }),
          entry('long-meeting', { startsAt: day(-100), endsAt: day(-80) }),
        ],
      ],
      since,
    );
    expect(merged.map((e) => e.uid)).toEqual(['long-meeting', 'recent-day']);
  });

  it('takes a reader with calendarEntries(userId) alone as a source (meetings, actions)', async () => {
    const meetingsReader = { calendarEntries: async (userId: string) => [entry(`meeting-of-${userId}`, { startsAt: day(1) })] };
    const source: CalendarSource = meetingsReader;
    const scope = calendarScope([], NOW);
    expect((await source.calendarEntries('u1', scope)).map((e) => e.uid)).toEqual(['meeting-of-u1']);
  });
});
