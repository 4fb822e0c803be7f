import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** An open action assigned to the person, for their home page's to-do list. */
export interface AssignedActionDue {
  allianceId: string;
  actionId: string;
  title: string;
  dueOn: string;
}

/** Read access for the signed-in person's home page (libs/api/workspace): the actions assigned to them. */
@Injectable()
export class GovernanceDashboardReader {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Open actions assigned to the person, in one statement, for the (alliance, organisation) seats that
   * still contribute (the lead and partners of open alliances): an action whose organisation left is not theirs to do any more.
   */
  async actionsDue(userId: string, contributors: { allianceId: string; organisationId: string }[]): Promise<AssignedActionDue[]> {
    if (!contributors.length) return [];
    const rows: { alliance_id: string; id: string; title: string; due_on: string }[] = await this.dataSource.query(
      `SELECT a.alliance_id, a.id, a.title, a.due_on::text AS due_on
         FROM actions a
        WHERE a.assignee_user_id = $1 AND a.status = 'open'
          AND (a.alliance_id, a.assignee_organisation_id) IN (SELECT * FROM unnest($2::uuid[], $3::uuid[]))`,
      [userId, contributors.map((c) => c.allianceId), contributors.map((c) => c.organisationId)],
    );
    return rows.map((r) => ({ allianceId: r.alliance_id, actionId: r.id, title: r.title, dueOn: r.due_on }));
  }
}
