import type { AllianceRole, AllianceStatus, CalendarEntry } from '@alliances/shared/contracts';
import type { CalendarScope } from './calendar-source';

/** The feed shows what ends from this many days ago onwards. */
export const CALENDAR_PAST_DAYS = 90;

/** The scope every source gets, from the person's seated alliances (as the home page reads them). */
export function calendarScope(
  seated: { id: string; name: string; status: AllianceStatus; seats: { organisationId: string; role: AllianceRole; status: string }[] }[],
  now = Date.now(),
): CalendarScope {
  return {
    since: new Date(now - CALENDAR_PAST_DAYS * 86_400_000),
    alliances: seated.map((a) => ({ id: a.id, name: a.name, status: a.status })),
    seats: seated.flatMap((a) =>
      a.seats.filter((s) => s.status === 'active').map((s) => ({ allianceId: a.id, organisationId: s.organisationId, role: s.role })),
    ),
  };
}

/** Every source's entries together, those ended before `since` left out (whatever a source returned), by start then UID. */
export function mergeCalendarEntries(lists: CalendarEntry[][], since: Date): CalendarEntry[] {
  const startOf = (e: CalendarEntry) => e.startsAt ?? `${e.date}T00:00:00.000Z`;
  const endOf = (e: CalendarEntry) => e.endsAt ?? (e.date ? `${e.date}T23:59:59.999Z` : startOf(e));
  return lists
    .flat()
    .filter((e) => Date.parse(endOf(e)) >= since.getTime())
    .sort((a, b) => startOf(a).localeCompare(startOf(b)) || a.uid.localeCompare(b.uid));
}
