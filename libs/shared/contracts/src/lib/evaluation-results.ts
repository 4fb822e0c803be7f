/**
 * Results by focus, by dimension group and by actor profile, the multi-year trend and the value created
 * (issue 18; CONTRACT.md "Evaluation by the seed's three focuses"). Aggregates only: an organisation's or a
 * profile's mean shows from the campaign's `minRespondents` respondents, never one person's answers.
 */
import type { ContributionKind } from './funding';
import type { EvaluationDimension, EvaluationFocus, OrganisationMean } from './evaluations';
import type { OrganisationProfile } from './identity';
import type { IndicatorStatus } from './objectives';
import type { ResultFocusKey } from './observatory';

/** The four groups of the default dimensions (DIMENSION_GROUPS): la relation, les résultats, les impacts. */
export type DimensionGroupKey = 'relationship' | 'results' | 'partner_impacts' | 'ecosystem_impacts';
export const DIMENSION_GROUP_KEYS: readonly DimensionGroupKey[] = ['relationship', 'results', 'partner_impacts', 'ecosystem_impacts'];

/** The questionnaire's focus as the results name it (`contribution_value` → `valorisation`). */
export const RESULT_FOCUS_OF: Record<EvaluationFocus, ResultFocusKey> = {
  product: 'product',
  balance: 'balance',
  contribution_value: 'valorisation',
};

export interface FocusResult {
  key: ResultFocusKey;
  mean: number | null;
  byOrganisation: OrganisationMean[];
  /** Highest minus lowest shown organisation mean; null with fewer than two. */
  gap: number | null;
}

export interface DimensionGroupResult {
  key: DimensionGroupKey;
  mean: number | null;
  byOrganisation: OrganisationMean[];
  gap: number | null;
}

export interface ProfileResult {
  /** The actor profile of the respondents' organisations (association, company, foundation…). */
  profile: OrganisationProfile;
  /** Null while fewer than `minRespondents` people of organisations of this profile answered. */
  mean: number | null;
  respondents: number;
  /** The focus means of this profile, null under the same threshold. */
  focuses: { key: ResultFocusKey; mean: number | null }[];
}

/** What `GET /api/evaluations/:id/results` adds to the dimensions (EvaluationResults extends it). */
export interface ResultBreakdowns {
  focuses: FocusResult[];
  groups: DimensionGroupResult[];
  byProfile: ProfileResult[];
}

/** `GET /api/alliances/:id/evaluation-trend`: every closed campaign, oldest first. */
export interface CampaignTrendPoint {
  campaignId: string;
  title: string;
  closedAt: string;
  respondents: number;
  /** Means are null while the campaign has fewer than `minRespondents` respondents in all. */
  minRespondents: number;
  dimensions: { key: EvaluationDimension; mean: number | null }[];
  groups: { key: DimensionGroupKey; mean: number | null }[];
  focuses: { key: ResultFocusKey; mean: number | null }[];
}

export interface CampaignTrend {
  allianceId: string;
  campaigns: CampaignTrendPoint[];
}

/** One organisation's share of the value created: its valued contributions and the grants it gives. */
export interface ValueCreatedOrganisation {
  organisationId: string;
  organisationName: string;
  /** Valued non-financial contributions (apports valorisés: skills, time, in kind), by kind and in all. */
  contributions: number;
  contributionsByKind: Record<ContributionKind, number>;
  /** Grants the organisation gives (a funder): committed and paid. */
  grantsCommitted: number;
  grantsPaid: number;
}

/** `GET /api/alliances/:id/value-created` (lead, partners, observers, funders: a funder counts its own grants only). */
export interface ValueCreated {
  allianceId: string;
  currency: string;
  organisations: ValueCreatedOrganisation[];
  totals: { contributions: number; grantsCommitted: number; grantsPaid: number; total: number };
  /** The alliance's indicators by status (objectifs atteints). */
  indicators: { total: number; byStatus: Record<IndicatorStatus, number> };
  /** The latest closed campaign's focus means, or null when none is closed. */
  evaluation: { campaignId: string; title: string; closedAt: string; focuses: { key: ResultFocusKey; mean: number | null }[] } | null;
}
