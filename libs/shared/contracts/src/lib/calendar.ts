/**
 * One dated thing in a person's calendar (issue 17): the personal iCalendar feed gathers them from
 * every domain through the domain's reader (`calendarEntries(userId)`), and a meeting's `.ics`
 * download is one of them. Times are ISO 8601 instants; an all-day entry (a milestone, a report due
 * date, an action's due day) carries `date` (YYYY-MM-DD) instead of `startsAt`/`endsAt`.
 */
export type CalendarEntryKind = 'meeting' | 'milestone' | 'report_due' | 'evaluation_closing' | 'action';

export interface CalendarEntry {
  /** Stable across feeds, e.g. `meeting-<id>@alliances`: a calendar application updates the same event. */
  uid: string;
  kind: CalendarEntryKind;
  allianceId: string;
  allianceName: string;
  title: string;
  startsAt?: string;
  endsAt?: string;
  date?: string;
  location?: string;
  description?: string;
  /** Path in the web app, e.g. `/alliances/<id>/meetings/<meetingId>`; the feed makes it absolute. */
  link: string;
  /** Last change, for the event's SEQUENCE/LAST-MODIFIED. */
  updatedAt?: string;
  cancelled?: boolean;
}

/** `GET|POST /api/me/calendar-token`: the person's secret feed address (docs/api.md "Calendar"). */
export interface CalendarTokenResponse {
  url: string;
}
