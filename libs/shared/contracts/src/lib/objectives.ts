import type { CollectiveObjective, MagicSquare } from './alliances';

/** Objectifs partagés (docs/domain.md "Shared objectives"). */

export type Direction = 'increase' | 'decrease';
export const DIRECTIONS: readonly Direction[] = ['increase', 'decrease'];

/** `no_data` until the first check-in: an indicator nobody measured is neither late nor on time. */
export type IndicatorStatus = 'on_track' | 'at_risk' | 'off_track' | 'achieved' | 'no_data';
export const INDICATOR_STATUSES: readonly IndicatorStatus[] = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'];

export interface CheckIn {
  id: string;
  indicatorId: string;
  value: number;
  /** The day the value was measured (YYYY-MM-DD). */
  date: string;
  /** Null when there is none, or when it is private to another organisation (see `notePrivate`). */
  note: string | null;
  /** The note is private to its author's organisation: only that organisation's members read it. */
  notePrivate: boolean;
  confidence: number | null;
  author: { id: string | null; displayName: string | null };
  createdAt: string;
  /** Its author may correct it until then; afterwards history is immutable. */
  editableUntil: string;
}

export interface Indicator {
  id: string;
  objectiveId: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  startDate: string;
  targetDate: string;
  direction: Direction;
  ownerOrganisationId: string;
  ownerOrganisationName: string;
  latest: { value: number; date: string } | null;
  /** Raw progress (value − baseline)/(target − baseline); may leave [0, 1]. Null before any check-in. */
  progress: number | null;
  /** Elapsed share of the time between start and target date, today, in [0, 1]. */
  elapsed: number;
  status: IndicatorStatus;
  /** Optimistic concurrency: send it back with an edit; 409 when someone changed the indicator since. */
  version: number;
}

export interface Milestone {
  id: string;
  objectiveId: string;
  title: string;
  ownerOrganisationId: string;
  dueDate: string;
  done: boolean;
  doneAt: string | null;
  overdue: boolean;
}

export interface Objective {
  id: string;
  allianceId: string;
  title: string;
  collectiveObjective: CollectiveObjective;
  description: string;
  indicators: Indicator[];
  milestones: Milestone[];
  /** Mean of the indicators' progress clamped to [0, 1]; null when none was measured. */
  progress: number | null;
  /** The worst status of its measured indicators (achieved when all are). */
  status: IndicatorStatus;
  /** Which part of each partner's magic square this objective serves (mutual-benefit matrix). */
  benefits: { organisationId: string; squares: MagicSquare[] }[];
  /** Optimistic concurrency: send it back with an edit; 409 when someone changed the objective since. */
  version: number;
  createdAt: string;
}

export interface CreateObjectiveRequest {
  title: string;
  collectiveObjective: CollectiveObjective;
  description: string;
}

export interface CreateIndicatorRequest {
  name: string;
  unit: string;
  baseline: number;
  target: number;
  startDate: string;
  targetDate: string;
  direction: Direction;
  ownerOrganisationId: string;
}

export interface CreateCheckInRequest {
  /** Client-generated UUID: retrying with the same id returns the original check-in. */
  id?: string;
  value: number;
  date: string;
  note?: string;
  /** Keep the note private to the author's organisation (other partners and funders see the value only). */
  notePrivate?: boolean;
  confidence?: number;
}

export interface CreateMilestoneRequest {
  title: string;
  ownerOrganisationId: string;
  dueDate: string;
}

export interface IndicatorDetail extends Indicator {
  checkIns: CheckIn[];
  /** The planned straight line from baseline at start to target at target date. */
  planned: { date: string; value: number }[];
}

export interface BenefitMatrix {
  partners: { organisationId: string; organisationName: string; role: string }[];
  objectives: { id: string; title: string; collectiveObjective: CollectiveObjective }[];
  /** cells[objectiveId][organisationId] = squares served. */
  cells: Record<string, Record<string, MagicSquare[]>>;
  /** Partners that no objective serves: the alliance gives them nothing yet. */
  partnersWithoutBenefit: string[];
}

const DAY = 86_400_000;
const toDay = (iso: string): number => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

/**
 * The status rule (documented in the API docs):
 * progress = (value − baseline) / (target − baseline) from the latest check-in, kept raw;
 * `achieved` when progress ≥ 1; otherwise, with `elapsed` the share of the time between start and
 * target date that has passed today (clamped to [0, 1]): `on_track` when progress ≥ elapsed − 0.1,
 * `at_risk` down to elapsed − 0.25, `off_track` below. No check-in yet: `no_data`.
 */
export function indicatorStatus(
  indicator: Pick<Indicator, 'baseline' | 'target' | 'startDate' | 'targetDate'>,
  latestValue: number | null,
  today: string,
): { progress: number | null; elapsed: number; status: IndicatorStatus } {
  const span = toDay(indicator.targetDate) - toDay(indicator.startDate);
  const elapsed = span <= 0 ? 1 : Math.min(1, Math.max(0, (toDay(today) - toDay(indicator.startDate)) / span));
  if (latestValue === null) return { progress: null, elapsed, status: 'no_data' };
  const progress = (latestValue - indicator.baseline) / (indicator.target - indicator.baseline);
  if (progress >= 1) return { progress, elapsed, status: 'achieved' };
  if (progress >= elapsed - 0.1 - 1e-9) return { progress, elapsed, status: 'on_track' };
  if (progress >= elapsed - 0.25 - 1e-9) return { progress, elapsed, status: 'at_risk' };
  return { progress, elapsed, status: 'off_track' };
}

const SEVERITY: Record<IndicatorStatus, number> = { off_track: 4, at_risk: 3, on_track: 2, achieved: 1, no_data: 0 };

/** An objective's status: the worst of its measured indicators; achieved only when all are. */
export function objectiveStatus(statuses: IndicatorStatus[]): IndicatorStatus {
  const measured = statuses.filter((s) => s !== 'no_data');
  if (!measured.length) return 'no_data';
  return measured.reduce((worst, s) => (SEVERITY[s] > SEVERITY[worst] ? s : worst), 'achieved' as IndicatorStatus);
}

/** The planned trajectory: a straight line from baseline to target, one point a month and the ends. */
export function plannedTrajectory(
  indicator: Pick<Indicator, 'baseline' | 'target' | 'startDate' | 'targetDate'>,
): { date: string; value: number }[] {
  const start = toDay(indicator.startDate);
  const end = toDay(indicator.targetDate);
  const points: { date: string; value: number }[] = [];
  const steps = Math.max(1, Math.min(120, Math.round((end - start) / (30 * DAY))));
  for (let i = 0; i <= steps; i++) {
    const t = start + ((end - start) * i) / steps;
    points.push({
      date: new Date(t).toISOString().slice(0, 10),
      value: indicator.baseline + ((indicator.target - indicator.baseline) * i) / steps,
    });
  }
  return points;
}
