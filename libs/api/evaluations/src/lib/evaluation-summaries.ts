import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EvaluationDimension, ResultFocusKey } from '@alliances/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/** A campaign counts in the observatory and the benchmark only from this many respondents. */
export const SUMMARY_MIN_RESPONDENTS = 3;

/** A closed campaign's summary: its respondents and means by dimension and by result focus (`contribution_value` → `valorisation`). */
export interface EvaluationSummary {
  campaignId: string;
  allianceId: string;
  closedAt: Date;
  respondents: number;
  dimensionMeans: Partial<Record<EvaluationDimension, number>>;
  focusMeans: Partial<Record<ResultFocusKey, number>>;
}

const means = (key: string) => `COALESCE((SELECT jsonb_object_agg(k, m) FROM (
    SELECT ${key} AS k, avg((a->>'score')::numeric)::float8 AS m
      FROM evaluation_responses r, jsonb_array_elements(r.answers) a, jsonb_array_elements(c.questions) q
     WHERE r.campaign_id = c.id AND r.submitted_at IS NOT NULL AND q->>'id' = a->>'questionId'
       AND q->>'block' IS DISTINCT FROM 'magic_square' GROUP BY 1) x), '{}')`;

/**
 * The summaries of closed campaigns (issue 18), written in the transaction that closes them (by the lead or the
 * `evaluation_closing` job) so that the observatory never reads raw answers. Same statement as the backfill of
 * the Observatory migration.
 */
@Injectable()
export class EvaluationSummaries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes (or rewrites) the summaries of the given closed campaigns, inside `manager`'s transaction. */
  async write(manager: EntityManager, campaignIds: string[]): Promise<void> {
    if (!campaignIds.length) return;
    await manager.query(
      `INSERT INTO evaluation_summaries (campaign_id, alliance_id, closed_at, respondents, dimension_means, focus_means)
       SELECT c.id, c.alliance_id, COALESCE(c.closed_at, now()),
              (SELECT count(*) FROM evaluation_responses r WHERE r.campaign_id = c.id AND r.submitted_at IS NOT NULL)::int,
              ${means(`q->>'dimension'`)},
              ${means(`CASE q->>'focus' WHEN 'contribution_value' THEN 'valorisation' ELSE q->>'focus' END`)}
         FROM evaluation_campaigns c WHERE c.id = ANY($1::uuid[]) AND c.status = 'closed'
       ON CONFLICT (campaign_id) DO UPDATE SET respondents = EXCLUDED.respondents, closed_at = EXCLUDED.closed_at,
              dimension_means = EXCLUDED.dimension_means, focus_means = EXCLUDED.focus_means`,
      [campaignIds],
    );
  }

  /** For each alliance, the summary of its latest closed campaign with at least SUMMARY_MIN_RESPONDENTS respondents; one statement. */
  async latestCounted(allianceIds: string[]): Promise<Map<string, EvaluationSummary>> {
    const found = new Map<string, EvaluationSummary>();
    if (!allianceIds.length) return found;
    const rows: {
      campaign_id: string;
      alliance_id: string;
      closed_at: Date;
      respondents: number;
      dimension_means: EvaluationSummary['dimensionMeans'];
      focus_means: EvaluationSummary['focusMeans'];
    }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (alliance_id) campaign_id, alliance_id, closed_at, respondents, dimension_means, focus_means
         FROM evaluation_summaries WHERE alliance_id = ANY($1::uuid[]) AND respondents >= $2
        ORDER BY alliance_id, closed_at DESC`,
      [allianceIds, SUMMARY_MIN_RESPONDENTS],
    );
    for (const r of rows)
      found.set(r.alliance_id, {
        campaignId: r.campaign_id,
        allianceId: r.alliance_id,
        closedAt: r.closed_at,
        respondents: r.respondents,
        dimensionMeans: r.dimension_means,
        focusMeans: r.focus_means,
      });
    return found;
  }
}
