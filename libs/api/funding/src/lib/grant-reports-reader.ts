import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Read access to grant reports for other domains (documents attach files to a report). */
@Injectable()
export class GrantReportsReader {
  constructor(private readonly dataSource: DataSource) {}

  /** The report's alliance and title, or undefined when there is no such report, in one statement. */
  async reportOf(reportId: string): Promise<{ id: string; allianceId: string; title: string } | undefined> {
    const rows: { id: string; alliance_id: string; title: string }[] = await this.dataSource.query(
      `SELECT r.id, g.alliance_id, r.title FROM grant_reports r JOIN grants g ON g.id = r.grant_id WHERE r.id = $1`,
      [reportId],
    );
    return rows[0] ? { id: rows[0].id, allianceId: rows[0].alliance_id, title: rows[0].title } : undefined;
  }
}
