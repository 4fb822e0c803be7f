import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AnswerInput, ResultFocusKey } from '@alliances/shared/contracts';
import { In, Repository } from 'typeorm';
import { EvaluationSummaries, type EvaluationSummary } from './evaluation-summaries';
import { EvaluationCampaignEntity } from './evaluation.entities';
import { scoredQuestions } from './question-blocks';
import { campaignMeans } from './result-breakdowns';

/** The latest closed campaign of an alliance, its mean score and the change since the one before. */
export interface ClosedScore {
  campaignId: string;
  title: string;
  mean: number | null;
  delta: number | null;
}

/** An action of an evaluation's action plan, as the alliance's one list of actions shows it (libs/api/governance). */
export interface EvaluationPlanAction {
  id: string;
  campaignId: string;
  campaignTitle: string;
  title: string;
  ownerOrganisationId: string;
  dueOn: string;
  doneAt: Date | null;
  createdAt: Date;
}

/**
 * Read access to evaluation campaigns and their answers for other domains (docs/decisions/0012-table-ownership.md):
 * they never name these tables. Every method answers for a list of ids in one statement.
 */
@Injectable()
export class EvaluationsReader {
  constructor(
    @InjectRepository(EvaluationCampaignEntity) private readonly campaigns: Repository<EvaluationCampaignEntity>,
    private readonly summaries: EvaluationSummaries,
  ) {}

  /** For each alliance, its latest closed campaign counted in the observatory (3 respondents or more): means by dimension and focus (issue 18). */
  latestSummaries(allianceIds: string[]): Promise<Map<string, EvaluationSummary>> {
    return this.summaries.latestCounted(allianceIds);
  }

  /** For each alliance with a closed campaign: the latest one's mean score (submitted answers) and its delta to the previous. */
  async latestClosedScores(allianceIds: string[]): Promise<Map<string, ClosedScore>> {
    const scores = new Map<string, ClosedScore>();
    if (!allianceIds.length) return scores;
    const rows: { alliance_id: string; id: string; title: string; mean: number | null; rank: string }[] = await this.campaigns.query(
      `SELECT c.alliance_id, c.id, c.title, c.rank, (SELECT avg((a->>'score')::int) FROM evaluation_responses r, jsonb_array_elements(r.answers) a
                                                      WHERE r.campaign_id = c.id AND r.submitted_at IS NOT NULL
                                                        AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(c.questions) q
                                                                         WHERE q->>'id' = a->>'questionId' AND q->>'block' = 'magic_square')) AS mean
         FROM (SELECT id, alliance_id, title, questions, row_number() OVER (PARTITION BY alliance_id ORDER BY closed_at DESC) AS rank
                 FROM evaluation_campaigns WHERE alliance_id = ANY($1::uuid[]) AND status = 'closed') c
        WHERE c.rank <= 2 ORDER BY c.alliance_id, c.rank`,
      [allianceIds],
    );
    for (const latest of rows.filter((r) => Number(r.rank) === 1)) {
      const previous = rows.find((r) => r.alliance_id === latest.alliance_id && Number(r.rank) === 2);
      const mean = latest.mean === null ? null : Number(latest.mean);
      const before = previous === undefined || previous.mean === null ? null : Number(previous.mean);
      scores.set(latest.alliance_id, {
        campaignId: latest.id,
        title: latest.title,
        mean,
        delta: mean !== null && before !== null ? mean - before : null,
      });
    }
    return scores;
  }

  /**
   * The alliance's latest closed campaign with its focus means (null under the respondent threshold), or null
   * when none is closed: the value-created view (libs/api/funding) quotes it.
   */
  async latestFocusMeans(
    allianceId: string,
  ): Promise<{ campaignId: string; title: string; closedAt: string; focuses: { key: ResultFocusKey; mean: number | null }[] } | null> {
    const campaign = await this.campaigns.findOne({ where: { allianceId, status: 'closed' }, order: { closedAt: 'DESC' } });
    if (!campaign) return null;
    const responses: { user_id: string; organisation_id: string; answers: AnswerInput[] }[] = await this.campaigns.query(
      'SELECT user_id, organisation_id, answers FROM evaluation_responses WHERE campaign_id = $1 AND submitted_at IS NOT NULL',
      [campaign.id],
    );
    const rows = responses.flatMap((r) => r.answers.map((a) => ({ ...a, organisationId: r.organisation_id, respondentId: r.user_id })));
    return {
      campaignId: campaign.id,
      title: campaign.title,
      closedAt: (campaign.closedAt as Date).toISOString(),
      focuses: campaignMeans(scoredQuestions(campaign.questions), rows, responses.length, campaign.minRespondents).focuses,
    };
  }

  /** The titles of the alliance's campaigns among `campaignIds`, by id, in one statement. */
  async campaignTitles(allianceId: string, campaignIds: string[]): Promise<Map<string, string>> {
    if (!campaignIds.length) return new Map();
    const rows = await this.campaigns.find({ select: { id: true, title: true }, where: { allianceId, id: In([...new Set(campaignIds)]) } });
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  /** The campaign exists in this alliance. */
  async campaignExists(allianceId: string, campaignId: string): Promise<boolean> {
    return this.campaigns.exists({ where: { id: campaignId, allianceId } });
  }

  /** One of the alliance's campaigns asks the question `questionId`. */
  async questionExists(allianceId: string, questionId: string): Promise<boolean> {
    const rows: unknown[] = await this.campaigns.query(
      `SELECT 1 FROM evaluation_campaigns WHERE alliance_id = $1 AND questions @> $2::jsonb`,
      [allianceId, JSON.stringify([{ id: questionId }])],
    );
    return rows.length > 0;
  }

  /** The action plans' actions of an alliance (optionally of one campaign), by due date; one statement. */
  async planActions(allianceId: string, campaignId?: string): Promise<EvaluationPlanAction[]> {
    const rows: {
      id: string;
      campaign_id: string;
      campaign_title: string;
      title: string;
      owner_organisation_id: string;
      due_on: string;
      done_at: Date | null;
      created_at: Date;
    }[] = await this.campaigns.query(
      `SELECT a.id, a.campaign_id, c.title AS campaign_title, a.title, a.owner_organisation_id, a.due_date::text AS due_on, a.done_at, a.created_at
         FROM evaluation_actions a JOIN evaluation_campaigns c ON c.id = a.campaign_id
        WHERE a.alliance_id = $1 AND ($2::uuid IS NULL OR a.campaign_id = $2::uuid)
        ORDER BY a.due_date, a.id`,
      [allianceId, campaignId ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      campaignId: r.campaign_id,
      campaignTitle: r.campaign_title,
      title: r.title,
      ownerOrganisationId: r.owner_organisation_id,
      dueOn: r.due_on,
      doneAt: r.done_at,
      createdAt: r.created_at,
    }));
  }
}
