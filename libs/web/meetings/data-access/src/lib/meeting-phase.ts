import type { Meeting, MeetingList } from '@alliances/shared/contracts';

export type MeetingPhase = 'upcoming' | 'ongoing' | 'past' | 'cancelled';

/** Where a meeting stands for the person now: cancelled whatever its dates, else by its start and end. */
export function meetingPhase(meeting: Pick<Meeting, 'status' | 'startsAt' | 'endsAt'>, now = Date.now()): MeetingPhase {
  if (meeting.status === 'cancelled') return 'cancelled';
  if (Date.parse(meeting.endsAt) <= now) return 'past';
  return Date.parse(meeting.startsAt) <= now ? 'ongoing' : 'upcoming';
}

/** Upcoming first (soonest first), then the past ones (latest first); cancelled ones stay where their dates put them. */
export function splitMeetings(list: MeetingList): { upcoming: Meeting[]; past: Meeting[] } {
  const byStart = (a: Meeting, b: Meeting) => Date.parse(a.startsAt) - Date.parse(b.startsAt);
  return {
    upcoming: [...list.upcoming].sort(byStart),
    past: [...list.past].sort((a, b) => byStart(b, a)),
  };
}
