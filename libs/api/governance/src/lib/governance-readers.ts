import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AlliancesReader } from '@alliances/api/alliances';
import type { ActionStatus, CalendarEntry, DecisionRule, DecisionStatus } from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';

/** A decision as a meeting's page lists it. */
export interface MeetingDecision {
  id: string;
  allianceId: string;
  title: string;
  rule: DecisionRule;
  status: DecisionStatus;
  closesAt: string;
}

/** An action as a meeting's page lists it. */
export interface MeetingAction {
  id: string;
  allianceId: string;
  title: string;
  assigneeUserId: string | null;
  dueOn: string;
  status: ActionStatus;
}

/**
 * Read access to decisions for other domains (docs/decisions/0012-table-ownership.md). The caller has
 * already authorised the meeting; rows are those of the meeting's alliance.
 */
@Injectable()
export class DecisionsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The decisions proposed from a meeting, oldest first. */
  async forMeeting(meetingId: string): Promise<MeetingDecision[]> {
    const rows: { id: string; alliance_id: string; title: string; rule: DecisionRule; status: DecisionStatus; closes_at: Date }[] =
      await this.dataSource.query(
        `SELECT id, alliance_id, title, rule, status, closes_at FROM decisions WHERE meeting_id = $1 ORDER BY created_at, id`,
        [meetingId],
      );
    return rows.map((r) => ({
      id: r.id,
      allianceId: r.alliance_id,
      title: r.title,
      rule: r.rule,
      status: r.status,
      closesAt: new Date(r.closes_at).toISOString(),
    }));
  }
}

/** Read access to actions for other domains: the meeting page, the personal calendar feed. */
@Injectable()
export class ActionsReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alliances: AlliancesReader,
  ) {}

  /** The actions decided at a meeting, by due date. */
  async forMeeting(meetingId: string): Promise<MeetingAction[]> {
    const rows: {
      id: string;
      alliance_id: string;
      title: string;
      assignee_user_id: string | null;
      due_on: string;
      status: ActionStatus;
    }[] = await this.dataSource.query(
      `SELECT id, alliance_id, title, assignee_user_id, due_on::text AS due_on, status FROM actions
          WHERE source_type = 'meeting' AND source_id = $1 ORDER BY due_on, id`,
      [meetingId],
    );
    return rows.map((r) => ({
      id: r.id,
      allianceId: r.alliance_id,
      title: r.title,
      assigneeUserId: r.assignee_user_id,
      dueOn: r.due_on,
      status: r.status,
    }));
  }

  /**
   * The person's open actions as all-day calendar entries on their due date (uid `action-<id>@alliances`),
   * only where the organisation they were assigned through still holds its seat.
   */
  async calendarEntries(userId: string): Promise<CalendarEntry[]> {
    const rows: {
      id: string;
      alliance_id: string;
      assignee_organisation_id: string | null;
      title: string;
      description: string | null;
      due_on: string;
      updated_at: Date;
    }[] = await this.dataSource.query(
      `SELECT id, alliance_id, assignee_organisation_id, title, description, due_on::text AS due_on, updated_at FROM actions
        WHERE assignee_user_id = $1 AND status = 'open' ORDER BY due_on, id LIMIT 1000`,
      [userId],
    );
    const seated = new Map<string, boolean>();
    for (const key of new Set(rows.map((r) => `${r.alliance_id}|${r.assignee_organisation_id}`))) {
      const [allianceId, organisationId] = key.split('|') as [string, string];
      seated.set(key, organisationId !== 'null' && (await this.alliances.isActiveMember(allianceId, organisationId)));
    }
    const kept = rows.filter((r) => seated.get(`${r.alliance_id}|${r.assignee_organisation_id}`));
    const names = await this.alliances.names(kept.map((r) => r.alliance_id));
    return kept.map((r) => ({
      uid: `action-${r.id}@alliances`,
      kind: 'action',
      allianceId: r.alliance_id,
      allianceName: names.get(r.alliance_id) ?? '',
      title: r.title,
      date: r.due_on,
      ...(r.description ? { description: r.description } : {}),
      link: `/alliances/${r.alliance_id}/actions`,
      updatedAt: new Date(r.updated_at).toISOString(),
    }));
  }
}
