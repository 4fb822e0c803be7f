import type { AllianceRole, AllianceStatus, CalendarEntry } from '@alliances/shared/contracts';

/** Who the feed is for, computed once per feed: the alliances they may read and their organisations' active seats. */
export interface CalendarScope {
  /** Entries ending before this instant are left out (90 days ago). */
  since: Date;
  /** Alliances where one of the person's organisations holds an active seat (closed ones included: still readable). */
  alliances: { id: string; name: string; status: AllianceStatus }[];
  /** The active seats of the person's organisations in those alliances. */
  seats: { allianceId: string; organisationId: string; role: AllianceRole }[];
}

/**
 * One domain's contribution to the personal feed. A reader with `calendarEntries(userId)` alone (the
 * meetings' and actions' readers) fits as it is: it decides the person's alliances itself.
 */
export interface CalendarSource {
  calendarEntries(userId: string, scope: CalendarScope): Promise<CalendarEntry[]>;
}

/** Injection token of the list of sources the feed gathers (CalendarModule). */
export const CALENDAR_SOURCES = Symbol('CALENDAR_SOURCES');
