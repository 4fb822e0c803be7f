import { Injectable } from '@nestjs/common';
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
}
