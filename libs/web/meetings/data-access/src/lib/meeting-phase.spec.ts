import type { Meeting } from '@alliances/shared/contracts';
import { meetingPhase, splitMeetings } from './meeting-phase';

const meeting = (id: string, startsAt: string, endsAt: string, status: Meeting['status'] = 'scheduled') =>
  ({ id, startsAt, endsAt, status }) as Meeting;
const NOW = Date.parse('2026-12-03T10:00:00Z');

describe('meetingPhase', () => {
  it('tells upcoming, ongoing and past meetings apart, and marks cancelled ones whatever their dates', () => {
    expect(meetingPhase(meeting('a', '2026-12-10T13:00:00Z', '2026-12-10T15:00:00Z'), NOW)).toBe('upcoming');
    expect(meetingPhase(meeting('b', '2026-12-03T09:00:00Z', '2026-12-03T11:00:00Z'), NOW)).toBe('ongoing');
    expect(meetingPhase(meeting('c', '2026-11-03T09:00:00Z', '2026-11-03T11:00:00Z'), NOW)).toBe('past');
    expect(meetingPhase(meeting('d', '2026-12-10T13:00:00Z', '2026-12-10T15:00:00Z', 'cancelled'), NOW)).toBe('cancelled');
  });

  it('lists the soonest upcoming first and the latest past first', () => {
    const later = meeting('later', '2027-01-10T13:00:00Z', '2027-01-10T15:00:00Z');
    const sooner = meeting('sooner', '2026-12-10T13:00:00Z', '2026-12-10T15:00:00Z');
    const old = meeting('old', '2026-01-10T13:00:00Z', '2026-01-10T15:00:00Z');
    const recent = meeting('recent', '2026-11-10T13:00:00Z', '2026-11-10T15:00:00Z');
    const split = splitMeetings({ upcoming: [later, sooner], past: [old, recent] });
    expect(split.upcoming.map((m) => m.id)).toEqual(['sooner', 'later']);
    expect(split.past.map((m) => m.id)).toEqual(['recent', 'old']);
  });
});
