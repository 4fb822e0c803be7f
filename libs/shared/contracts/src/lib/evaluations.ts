/** Évaluation partenariale (docs/domain.md "Partnership evaluation"). */
import type { ResultBreakdowns } from './evaluation-results';
import type { CollectiveObjective, MagicSquare } from './alliances';

/** The dimensions of the default questionnaire, grouped by what they look at. */
export const EVALUATION_DIMENSIONS = [
  // La relation
  'shared_vision',
  'trust',
  'governance',
  'communication',
  'balance',
  'mutual_understanding',
  // Résultats sur l'objectif commun
  'common_results',
  // Impacts pour chaque partenaire
  'partner_performance',
  'partner_innovation',
  'partner_engagement',
  // Impacts sur l'écosystème
  'ecosystem_territory',
  'ecosystem_beneficiaries',
  'ecosystem_trust',
] as const;
export type EvaluationDimension = (typeof EVALUATION_DIMENSIONS)[number];

export const DIMENSION_GROUPS: Record<EvaluationDimension, 'relationship' | 'results' | 'partner_impacts' | 'ecosystem_impacts'> = {
  shared_vision: 'relationship',
  trust: 'relationship',
  governance: 'relationship',
  communication: 'relationship',
  balance: 'relationship',
  mutual_understanding: 'relationship',
  common_results: 'results',
  partner_performance: 'partner_impacts',
  partner_innovation: 'partner_impacts',
  partner_engagement: 'partner_impacts',
  ecosystem_territory: 'ecosystem_impacts',
  ecosystem_beneficiaries: 'ecosystem_impacts',
  ecosystem_trust: 'ecosystem_impacts',
};

/** Le RAMEAU's three things to evaluate: produit, équilibre, valorisation des participations. */
export type EvaluationFocus = 'product' | 'balance' | 'contribution_value';
export const EVALUATION_FOCUSES: readonly EvaluationFocus[] = ['product', 'balance', 'contribution_value'];

export interface EvaluationQuestion {
  id: string;
  position: number;
  dimension: EvaluationDimension;
  focus: EvaluationFocus;
  text: { fr: string; en: string };
  /** Added at launch: the block of a collective objective the alliance pursues, or the magic-square question. */
  block?: QuestionBlock;
  /** The magic-square question only: the objective of the caller's organisation its text names. */
  square?: MagicSquare[];
}

/** A block of questions per collective objective, and the one question on each partner's magic-square objective. */
export type QuestionBlock = CollectiveObjective | 'magic_square';

export interface EvaluationTemplate {
  id: string;
  /** Null for the platform's default template; an alliance's own copy otherwise. */
  allianceId: string | null;
  title: string;
  questions: EvaluationQuestion[];
}

export type CampaignStatus = 'open' | 'closed';

export interface EvaluationCampaign {
  id: string;
  allianceId: string;
  title: string;
  status: CampaignStatus;
  closesAt: string;
  closedAt: string | null;
  createdAt: string;
  questions: EvaluationQuestion[];
  /** Minimum respondents before an organisation's own mean is shown. */
  minRespondents: number;
  /** How many people answered so far (submitted), without saying who. */
  submittedCount: number;
  invitedCount: number;
  /** Can the caller answer (a member of a lead or partner organisation, campaign open)? */
  canRespond: boolean;
  canClose: boolean;
}

export interface CampaignSummary {
  id: string;
  title: string;
  status: CampaignStatus;
  closesAt: string;
  closedAt: string | null;
  submittedCount: number;
  invitedCount: number;
}

export interface LaunchCampaignRequest {
  title: string;
  templateId?: string;
  closesAt: string;
  /** The collective-objective blocks to ask; absent: every collective objective the alliance pursues. */
  blocks?: CollectiveObjective[];
}

/** Does the alliance serve each partner's own objective on the magic square (from `minRespondents` of its people)? */
export interface SquareServed {
  organisationId: string;
  square: MagicSquare[];
  mean: number | null;
  respondents: number;
}

/** Campaigns launched by themselves, from the charter's evaluation rhythm. */
export type EvaluationRhythm = 'yearly' | 'half_yearly' | 'none';
export const EVALUATION_RHYTHMS: readonly EvaluationRhythm[] = ['yearly', 'half_yearly', 'none'];

export interface EvaluationSchedule {
  allianceId: string;
  rhythm: EvaluationRhythm;
  /** The next launch (YYYY-MM-DD); null with rhythm `none`. */
  nextLaunchOn: string | null;
  /** How long each launched campaign stays open. */
  durationDays: number;
  /** False until the lead saves it: a suggestion (from the charter in force when it says so), nothing launches by itself. */
  configured: boolean;
  /** Where the rhythm comes from: saved by the lead, read in the charter's evaluation section, or the default. */
  source: 'saved' | 'charter' | 'default';
  canEdit: boolean;
}

export interface UpdateEvaluationScheduleRequest {
  rhythm: EvaluationRhythm;
  nextLaunchOn?: string;
  durationDays: number;
}

export interface AnswerInput {
  questionId: string;
  score: number;
  comment?: string;
}

export interface SaveResponseRequest {
  answers: AnswerInput[];
  /** true: submit (every question must be answered). Absent or false: keep as a draft. */
  submit?: boolean;
}

export interface MyResponse {
  answers: AnswerInput[];
  submittedAt: string | null;
  updatedAt: string | null;
  organisationId: string;
}

export interface OrganisationMean {
  organisationId: string;
  organisationName: string;
  /** Null while fewer than `minRespondents` of its members answered: nobody can be singled out. */
  mean: number | null;
  respondents: number;
}

export interface DimensionResult {
  key: EvaluationDimension;
  mean: number | null;
  /** Counts of scores 1 to 5. */
  distribution: [number, number, number, number, number];
  byOrganisation: OrganisationMean[];
  /** Perception gap: highest minus lowest shown organisation mean; null with fewer than two. */
  gap: number | null;
}

export interface QuestionResult {
  questionId: string;
  dimension: EvaluationDimension;
  focus: EvaluationFocus;
  text: { fr: string; en: string };
  mean: number | null;
  distribution: [number, number, number, number, number];
  byOrganisation: OrganisationMean[];
  gap: number | null;
  /** Comments without author, in a stable order that does not follow the answer order. */
  comments: string[];
}

export interface EvaluationResults extends ResultBreakdowns {
  campaignId: string;
  respondents: number;
  minRespondents: number;
  dimensions: DimensionResult[];
  questions: QuestionResult[];
  previous?: {
    campaignId: string;
    title: string;
    closedAt: string;
    dimensions: { key: EvaluationDimension; mean: number | null; delta: number | null }[];
  };
  /** Per partner with a magic-square objective at launch. */
  squareServed?: SquareServed[];
}

export interface EvaluationAction {
  id: string;
  campaignId: string;
  title: string;
  ownerOrganisationId: string;
  dueDate: string;
  objectiveId: string | null;
  charterSection: string | null;
  done: boolean;
}

export interface CreateEvaluationActionRequest {
  title: string;
  ownerOrganisationId: string;
  dueDate: string;
  objectiveId?: string;
  charterSection?: string;
}

export interface TemplateQuestionInput {
  dimension: EvaluationDimension;
  focus: EvaluationFocus;
  text: { fr: string; en: string };
}

/** Mean of 1–5 scores, or null with none. */
export function mean(scores: number[]): number | null {
  return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
}

/** Counts of each score 1..5. */
export function distribution(scores: number[]): [number, number, number, number, number] {
  const d: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const s of scores) if (s >= 1 && s <= 5) d[s - 1]++;
  return d;
}

/**
 * Per-organisation means, hiding an organisation's mean while fewer than `threshold` of its members
 * answered, and the perception gap between the highest and the lowest shown mean.
 */
export function aggregateByOrganisation(
  rows: { organisationId: string; respondentId: string; score: number }[],
  organisations: { organisationId: string; organisationName: string }[],
  threshold: number,
): { byOrganisation: OrganisationMean[]; gap: number | null } {
  const byOrganisation = organisations.map((o) => {
    const own = rows.filter((r) => r.organisationId === o.organisationId);
    const respondents = new Set(own.map((r) => r.respondentId)).size;
    return { ...o, respondents, mean: respondents >= threshold ? mean(own.map((r) => r.score)) : null };
  });
  const shown = byOrganisation.map((o) => o.mean).filter((m): m is number => m !== null);
  return { byOrganisation, gap: shown.length >= 2 ? Math.max(...shown) - Math.min(...shown) : null };
}
