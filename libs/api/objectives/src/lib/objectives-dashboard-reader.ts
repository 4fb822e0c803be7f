import { Injectable } from '@nestjs/common';
import type { CalendarEntry } from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';
import { latestCheckIn } from './latest-checkin';

/**
 * No check-in frequency is stored: an indicator is expected to be measured every month, from its start
 * date, until its target date. Its next check-in is due a month after the latest one (or its start).
 */
export const CHECKIN_INTERVAL = '1 month';
/** A check-in shows on the home page from this many days before it is due. */
export const CHECKIN_NOTICE_DAYS = 7;

export interface ObjectivesDashboard {
  /** Per alliance, indicators by status (on_track, at_risk, off_track, achieved, no_data), as on the board. */
  statuses: Map<string, Record<string, number>>;
  /** Per alliance, the first milestone not done, by due date. */
  nextMilestones: Map<string, { title: string; dueDate: string }>;
  /** Indicators owned by one of the given (alliance, organisation) pairs whose check-in is due. */
  checkInsDue: { allianceId: string; indicatorId: string; name: string; dueOn: string }[];
}

interface Row {
  part: 'status' | 'milestone' | 'checkin';
  alliance_id: string;
  key: string | null;
  n: number | null;
  id: string | null;
  title: string | null;
  due: string | null;
}

/** Read access for the signed-in person's home page (libs/api/workspace): objectives' health and check-ins due. */
@Injectable()
export class ObjectivesDashboardReader {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Statuses, next milestones and check-ins due of these alliances, in one statement. `owners` are the
   * (alliance, organisation) pairs the caller measures for: the indicators they own.
   */
  async dashboard(allianceIds: string[], owners: { allianceId: string; organisationId: string }[]): Promise<ObjectivesDashboard> {
    const result: ObjectivesDashboard = { statuses: new Map(), nextMilestones: new Map(), checkInsDue: [] };
    if (!allianceIds.length) return result;
    const rows: Row[] = await this.dataSource.query(
      `WITH ind AS (
         SELECT i.id, i.alliance_id, i.name, i.owner_organisation_id, i.start_date, i.target_date, c.date AS last_date, CASE
                  WHEN c.value IS NULL THEN 'no_data'
                  WHEN (c.value - i.baseline) / (i.target - i.baseline) >= 1 THEN 'achieved'
                  WHEN (c.value - i.baseline) / (i.target - i.baseline) >= e.elapsed - 0.1 THEN 'on_track'
                  WHEN (c.value - i.baseline) / (i.target - i.baseline) >= e.elapsed - 0.25 THEN 'at_risk'
                  ELSE 'off_track' END AS status
           FROM indicators i
           CROSS JOIN LATERAL (SELECT LEAST(1, GREATEST(0, (current_date - i.start_date)::float / NULLIF(i.target_date - i.start_date, 0))) AS elapsed) e
           ${latestCheckIn('i', 'c')}
          WHERE i.alliance_id = ANY($1::uuid[]))
       SELECT 'status' AS part, alliance_id, status AS key, count(*)::int AS n, NULL::uuid AS id, NULL::text AS title, NULL::text AS due
         FROM ind GROUP BY alliance_id, status
       UNION ALL
       SELECT 'milestone', m.alliance_id, NULL, NULL, m.id, m.title, m.due_date::text
         FROM (SELECT DISTINCT ON (alliance_id) alliance_id, id, title, due_date FROM milestones
                WHERE alliance_id = ANY($1::uuid[]) AND done_at IS NULL ORDER BY alliance_id, due_date, created_at) m
       UNION ALL
       SELECT 'checkin', d.alliance_id, NULL, NULL, d.id, d.name, d.due::text
         FROM (SELECT ind.alliance_id, ind.id, ind.name, (coalesce(ind.last_date, ind.start_date) + interval '${CHECKIN_INTERVAL}')::date AS due, ind.target_date
                 FROM ind WHERE (ind.alliance_id, ind.owner_organisation_id) IN (SELECT * FROM unnest($2::uuid[], $3::uuid[]))) d
        WHERE d.due <= current_date + ${CHECKIN_NOTICE_DAYS} AND d.due <= d.target_date + ${CHECKIN_NOTICE_DAYS}`,
      [allianceIds, owners.map((o) => o.allianceId), owners.map((o) => o.organisationId)],
    );
    for (const r of rows) {
      if (r.part === 'status') {
        const own = result.statuses.get(r.alliance_id) ?? {};
        own[r.key as string] = Number(r.n);
        result.statuses.set(r.alliance_id, own);
      } else if (r.part === 'milestone') {
        result.nextMilestones.set(r.alliance_id, { title: r.title as string, dueDate: r.due as string });
      } else {
        result.checkInsDue.push({
          allianceId: r.alliance_id,
          indicatorId: r.id as string,
          name: r.title as string,
          dueOn: r.due as string,
        });
      }
    }
    return result;
  }

  /**
   * The personal calendar feed (libs/api/calendar): the milestones of these alliances due from `since`
   * (YYYY-MM-DD) on, as all-day entries, in one statement.
   */
  async calendarEntries(alliances: { id: string; name: string }[], since: string): Promise<CalendarEntry[]> {
    if (!alliances.length) return [];
    const names = new Map(alliances.map((a) => [a.id, a.name]));
    const rows: { id: string; alliance_id: string; title: string; due: string; done: boolean; changed: Date }[] =
      await this.dataSource.query(
        `SELECT id, alliance_id, title, due_date::text AS due, done_at IS NOT NULL AS done, coalesce(done_at, created_at) AS changed
         FROM milestones WHERE alliance_id = ANY($1::uuid[]) AND due_date >= $2::date ORDER BY due_date, id`,
        [alliances.map((a) => a.id), since],
      );
    return rows.map((r) => ({
      uid: `milestone-${r.id}@alliances`,
      kind: 'milestone',
      allianceId: r.alliance_id,
      allianceName: names.get(r.alliance_id) ?? '',
      title: r.done ? `✓ ${r.title}` : r.title,
      date: r.due,
      link: `/alliances/${r.alliance_id}/objectives`,
      updatedAt: new Date(r.changed).toISOString(),
    }));
  }
}
