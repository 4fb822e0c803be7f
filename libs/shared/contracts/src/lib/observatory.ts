/**
 * Observatory of alliances and benchmark (issue 18; CONTRACT.md "Evaluation by the seed's three
 * focuses, observatory, public library"). Only aggregates, never a group of fewer than
 * OBSERVATORY_MIN_ALLIANCES alliances, and only alliances that opted in with every partner's consent.
 */
import type { AllianceStatus, PartnershipCategory } from './alliances';
import type { EvaluationDimension } from './evaluations';

/** k-anonymity: no group, total or benchmark is ever computed from fewer alliances. */
export const OBSERVATORY_MIN_ALLIANCES = 5;

/** The results' focus keys (CONTRACT.md): the questionnaire's `contribution_value` is reported as `valorisation`. */
export type ResultFocusKey = 'product' | 'balance' | 'valorisation';
export const RESULT_FOCUS_KEYS: readonly ResultFocusKey[] = ['product', 'balance', 'valorisation'];

// Participation (opt-in) ----------------------------------------------------------------------------

/**
 * `GET /api/alliances/:id/observatory` (members); `PUT /api/alliances/:id/observatory {optIn}` (the lead);
 * `POST /api/alliances/:id/observatory/consents {organisationId}` (an admin of that lead/partner organisation);
 * `DELETE /api/alliances/:id/observatory/consents/:organisationId` (withdraw: the alliance leaves at once).
 * The alliance counts in the observatory only while `status` is `in`.
 */
export interface ObservatoryParticipation {
  allianceId: string;
  status: 'off' | 'awaiting_consent' | 'in';
  requestedAt: string | null;
  consents: { organisationId: string; organisationName: string; consentedAt: string | null }[];
  /** The caller is the alliance's lead (may opt in or out). */
  canRequest: boolean;
  /** Organisations the caller administers that can consent or withdraw here. */
  canConsentFor: string[];
}

export interface SetObservatoryParticipationRequest {
  optIn: boolean;
}

// Aggregates --------------------------------------------------------------------------------------

export type ObservatoryGroupBy = 'region' | 'domain' | 'category' | 'collectiveObjective';
export const OBSERVATORY_GROUP_BYS: readonly ObservatoryGroupBy[] = ['region', 'domain', 'category', 'collectiveObjective'];

/**
 * `scope`: `platform` (any signed-in user), `portfolio` (a funder organisation's funded alliances; the caller is
 * a member of `organisationId`), `territory` (a territorial catalyst's territories; the caller is a member of
 * `organisationId`).
 */
export type ObservatoryScope = 'platform' | 'portfolio' | 'territory';

/** `GET /api/observatory?scope=&organisationId=&groupBy=&region=&domain=&category=&collectiveObjective=&sdg=` */
export interface ObservatoryQuery {
  scope?: ObservatoryScope;
  organisationId?: string;
  groupBy?: ObservatoryGroupBy;
  /** INSEE région code, e.g. `84` (Auvergne-Rhône-Alpes). */
  region?: string;
  domain?: string;
  category?: PartnershipCategory;
  collectiveObjective?: string;
}

export interface ObservatoryGroup {
  /** The group's value (`84`, `health`, `philanthropy`, `territory`), or `all` for the total. */
  key: string;
  /** Alliances in the group; never below OBSERVATORY_MIN_ALLIANCES. */
  alliances: number;
  statuses: Record<AllianceStatus, number>;
  /** Alliances of the group with a closed evaluation campaign counted in the means. */
  evaluated: number;
  /** Mean of the alliances' latest closed campaign, per dimension; null while fewer than OBSERVATORY_MIN_ALLIANCES were evaluated. */
  meanByDimension: Record<EvaluationDimension, number | null>;
  meanByFocus: Record<ResultFocusKey, number | null>;
  /** Shared objectives of the group's alliances by status. */
  objectives: { total: number; on_track: number; at_risk: number; off_track: number; achieved: number };
}

export interface ObservatoryView {
  scope: ObservatoryScope;
  groupBy: ObservatoryGroupBy;
  filters: Omit<ObservatoryQuery, 'scope' | 'organisationId' | 'groupBy'>;
  minAlliances: number;
  /** The whole filtered set, or null when it holds fewer than OBSERVATORY_MIN_ALLIANCES alliances. */
  total: ObservatoryGroup | null;
  /** Groups of at least OBSERVATORY_MIN_ALLIANCES alliances only. */
  groups: ObservatoryGroup[];
  /** How many groups were withheld for being too small (their keys are not given). */
  withheld: number;
  /** When the aggregates were computed (they may be refreshed periodically). */
  computedAt: string;
}

// Benchmark ---------------------------------------------------------------------------------------

export interface BenchmarkStats {
  median: number;
  q1: number;
  q3: number;
}

/** `GET /api/alliances/:id/benchmark` (lead and partners). */
export interface AllianceBenchmark {
  allianceId: string;
  category: PartnershipCategory;
  /** The alliance's latest closed campaign, or null when it has none. */
  campaignId: string | null;
  /** Similar alliances compared (same category, opted in, evaluated); 0 when fewer than OBSERVATORY_MIN_ALLIANCES. */
  peers: number;
  dimensions: { key: EvaluationDimension; mean: number | null; peers: BenchmarkStats | null }[];
  focuses: { key: ResultFocusKey; mean: number | null; peers: BenchmarkStats | null }[];
}
