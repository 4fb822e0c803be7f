import { Injectable } from '@nestjs/common';
import type { CalendarEntry } from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';

/** A report shows on the lead's home page from this many days before it is due (a returned one at once). */
export const REPORT_NOTICE_DAYS = 30;

/** Read access for the signed-in person's home page (libs/api/workspace): grant reports to write. */
@Injectable()
export class FundingDashboardReader {
  constructor(private readonly dataSource: DataSource) {}

  /** The reports of these alliances' grants still to submit (pending and due soon, or returned), by due date, in one statement. */
  async reportsDue(
    allianceIds: string[],
  ): Promise<{ allianceId: string; reportId: string; title: string; dueOn: string; returned: boolean }[]> {
    if (!allianceIds.length) return [];
    const rows: { alliance_id: string; id: string; title: string; due_on: string; status: string }[] = await this.dataSource.query(
      `SELECT g.alliance_id, r.id, r.title, r.due_on::text AS due_on, r.status
         FROM grant_reports r JOIN grants g ON g.id = r.grant_id
        WHERE g.alliance_id = ANY($1::uuid[])
          AND (r.status = 'returned' OR (r.status = 'pending' AND r.due_on <= current_date + ${REPORT_NOTICE_DAYS}))
        ORDER BY r.due_on, r.id`,
      [allianceIds],
    );
    return rows.map((r) => ({
      allianceId: r.alliance_id,
      reportId: r.id,
      title: r.title,
      dueOn: r.due_on,
      returned: r.status === 'returned',
    }));
  }

  /**
   * The personal calendar feed (libs/api/calendar): report due dates from `since` (YYYY-MM-DD) on, as
   * all-day entries, in one statement. The lead's people see every grant of their alliance (they write
   * the reports, as on the home page); a funder's people see the grants their organisation gives only.
   */
  async calendarEntries(
    alliances: { id: string; name: string }[],
    leadAllianceIds: string[],
    funderSeats: { allianceId: string; organisationId: string }[],
    since: string,
  ): Promise<CalendarEntry[]> {
    if (!leadAllianceIds.length && !funderSeats.length) return [];
    const names = new Map(alliances.map((a) => [a.id, a.name]));
    const rows: { id: string; alliance_id: string; title: string; due: string; changed: Date }[] = await this.dataSource.query(
      `SELECT r.id, g.alliance_id, r.title, r.due_on::text AS due,
                greatest(g.created_at, r.submitted_at, r.reviewed_at) AS changed
           FROM grant_reports r JOIN grants g ON g.id = r.grant_id
          WHERE r.due_on >= $4::date
            AND (g.alliance_id = ANY($1::uuid[]) OR (g.alliance_id, g.funder_organisation_id) IN (SELECT * FROM unnest($2::uuid[], $3::uuid[])))
          ORDER BY r.due_on, r.id`,
      [leadAllianceIds, funderSeats.map((s) => s.allianceId), funderSeats.map((s) => s.organisationId), since],
    );
    return rows.map((r) => ({
      uid: `report-${r.id}@alliances`,
      kind: 'report_due',
      allianceId: r.alliance_id,
      allianceName: names.get(r.alliance_id) ?? '',
      title: r.title,
      date: r.due,
      link: `/alliances/${r.alliance_id}/funding`,
      updatedAt: new Date(r.changed).toISOString(),
    }));
  }
}
