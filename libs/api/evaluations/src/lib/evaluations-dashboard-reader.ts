import { Injectable } from '@nestjs/common';
import type { CalendarEntry } from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';

export interface LastEvaluation {
  id: string;
  title: string;
  closedAt: string | null;
  mean: number | null;
  /** The latest mean minus the one of the campaign closed before; null without two means. */
  delta: number | null;
}

export interface EvaluationsDashboard {
  /** Per alliance, its latest closed campaign. */
  lastEvaluations: Map<string, LastEvaluation>;
  /** Open campaigns the person is invited to and has not submitted. */
  toAnswer: { allianceId: string; campaignId: string; title: string; closesAt: string }[];
  /** Action plan items of the given (alliance, organisation) pairs, not done. */
  actionsDue: { allianceId: string; campaignId: string; actionId: string; title: string; dueOn: string }[];
}

/** An instant as ISO 8601 in UTC, so the three parts share a text column. */
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

interface Row {
  part: 'closed' | 'answer' | 'action';
  alliance_id: string;
  id: string;
  campaign_id: string | null;
  title: string;
  at: string | null;
  mean: string | number | null;
  rank: string | number | null;
}

/** Read access for the signed-in person's home page (libs/api/workspace): evaluations to answer, actions, last results. */
@Injectable()
export class EvaluationsDashboardReader {
  constructor(private readonly dataSource: DataSource) {}

  /** One statement for all the alliances: `owners` are the (alliance, organisation) pairs the person acts for. */
  async dashboard(
    userId: string,
    allianceIds: string[],
    owners: { allianceId: string; organisationId: string }[],
  ): Promise<EvaluationsDashboard> {
    const result: EvaluationsDashboard = { lastEvaluations: new Map(), toAnswer: [], actionsDue: [] };
    if (!allianceIds.length) return result;
    const rows: Row[] = await this.dataSource.query(
      `SELECT 'closed' AS part, c.alliance_id, c.id, NULL::uuid AS campaign_id, c.title, to_char(c.closed_at AT TIME ZONE 'UTC', ${ISO}) AS at, c.rank,
              (SELECT avg((a->>'score')::int) FROM evaluation_responses r, jsonb_array_elements(r.answers) a
                WHERE r.campaign_id = c.id AND r.submitted_at IS NOT NULL) AS mean
         FROM (SELECT id, alliance_id, title, closed_at, row_number() OVER (PARTITION BY alliance_id ORDER BY closed_at DESC NULLS LAST, created_at DESC) AS rank
                 FROM evaluation_campaigns WHERE alliance_id = ANY($1::uuid[]) AND status = 'closed') c
        WHERE c.rank <= 2
       UNION ALL
       SELECT 'answer', c.alliance_id, c.id, NULL, c.title, to_char(c.closes_at AT TIME ZONE 'UTC', ${ISO}), NULL, NULL
         FROM evaluation_campaigns c JOIN evaluation_participants p ON p.campaign_id = c.id AND p.user_id = $2
        WHERE c.alliance_id = ANY($1::uuid[]) AND c.status = 'open' AND c.closes_at > now()
          AND NOT EXISTS (SELECT 1 FROM evaluation_responses r WHERE r.campaign_id = c.id AND r.user_id = $2 AND r.submitted_at IS NOT NULL)
       UNION ALL
       SELECT 'action', a.alliance_id, a.id, a.campaign_id, a.title, a.due_date::text, NULL, NULL
         FROM evaluation_actions a
        WHERE a.done_at IS NULL AND (a.alliance_id, a.owner_organisation_id) IN (SELECT * FROM unnest($3::uuid[], $4::uuid[]))`,
      [allianceIds, userId, owners.map((o) => o.allianceId), owners.map((o) => o.organisationId)],
    );
    const closed = rows.filter((r) => r.part === 'closed');
    for (const latest of closed.filter((r) => Number(r.rank) === 1)) {
      const previous = closed.find((r) => r.alliance_id === latest.alliance_id && Number(r.rank) === 2);
      const mean = latest.mean === null ? null : Number(latest.mean);
      const before = previous?.mean == null ? null : Number(previous.mean);
      result.lastEvaluations.set(latest.alliance_id, {
        id: latest.id,
        title: latest.title,
        closedAt: latest.at,
        mean,
        delta: mean !== null && before !== null ? mean - before : null,
      });
    }
    for (const r of rows) {
      if (r.part === 'answer')
        result.toAnswer.push({ allianceId: r.alliance_id, campaignId: r.id, title: r.title, closesAt: r.at as string });
      else if (r.part === 'action')
        result.actionsDue.push({
          allianceId: r.alliance_id,
          campaignId: r.campaign_id as string,
          actionId: r.id,
          title: r.title,
          dueOn: r.at as string,
        });
    }
    return result;
  }

  /**
   * The personal calendar feed (libs/api/calendar): the closing of the campaigns of these alliances the
   * person is invited to, from `since` (an instant) on, in one statement.
   */
  async calendarEntries(userId: string, alliances: { id: string; name: string }[], since: string): Promise<CalendarEntry[]> {
    if (!alliances.length) return [];
    const names = new Map(alliances.map((a) => [a.id, a.name]));
    const rows: { id: string; alliance_id: string; title: string; closes_at: string; changed: Date }[] = await this.dataSource.query(
      `SELECT c.id, c.alliance_id, c.title, to_char(c.closes_at AT TIME ZONE 'UTC', ${ISO}) AS closes_at, coalesce(c.closed_at, c.created_at) AS changed
         FROM evaluation_campaigns c JOIN evaluation_participants p ON p.campaign_id = c.id AND p.user_id = $2
        WHERE c.alliance_id = ANY($1::uuid[]) AND c.closes_at >= $3::timestamptz
        ORDER BY c.closes_at, c.id`,
      [alliances.map((a) => a.id), userId, since],
    );
    return rows.map((r) => ({
      uid: `evaluation-${r.id}@alliances`,
      kind: 'evaluation_closing',
      allianceId: r.alliance_id,
      allianceName: names.get(r.alliance_id) ?? '',
      title: r.title,
      startsAt: r.closes_at,
      link: `/evaluations/${r.id}`,
      updatedAt: new Date(r.changed).toISOString(),
    }));
  }
}
