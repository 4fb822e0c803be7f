import type { AllianceStatus } from './alliances';

/** What the caller has to do, across all their alliances (GET /api/me/dashboard). */
export type TodoKind = 'sign_charter' | 'checkin_due' | 'answer_evaluation' | 'report_due' | 'proposal_received' | 'action_due' | 'mention';

export const TODO_KINDS: readonly TodoKind[] = [
  'sign_charter',
  'checkin_due',
  'answer_evaluation',
  'report_due',
  'proposal_received',
  'action_due',
  'mention',
];

export interface TodoItem {
  kind: TodoKind;
  /** Null for what is not an alliance's (a proposal received by an organisation). */
  allianceId: string | null;
  /** The alliance's name, when there is one. */
  allianceName: string | null;
  /** What it is about: the version (`Version 2`), the indicator, the campaign, the report, the proposer, the action, the excerpt. */
  title: string;
  /** An ISO instant or a calendar day (`YYYY-MM-DD`); absent when nothing is due at a date. */
  dueAt?: string;
  /** The web route where it is done (`/alliances/…/charter/signatures`). */
  link: string;
}

export type EvaluationTrend = 'up' | 'down' | 'flat' | null;

export interface DashboardEvaluation {
  id: string;
  title: string;
  closedAt: string | null;
  /** Mean score of the submitted answers (1–5), null when none. */
  mean: number | null;
  /** Compared with the campaign closed before it; null when there is none to compare. */
  trend: EvaluationTrend;
}

export interface DashboardCharter {
  /** `draft` (never signed), `proposed` (a version awaits signatures), `in_force`, `changes_requested`. */
  status: 'draft' | 'proposed' | 'in_force' | 'changes_requested';
  inForceVersion: number | null;
  /** Signing organisations that have not signed the version awaiting signatures (0 when none awaits). */
  awaitingSignatures: number;
}

export interface DashboardMilestone {
  title: string;
  dueDate: string;
}

export interface DashboardAlliance {
  id: string;
  name: string;
  status: AllianceStatus;
  /** Indicators by status (latest check-in against the elapsed time, as on the board). */
  objectives: { onTrack: number; atRisk: number; offTrack: number; achieved: number; noData: number };
  lastEvaluation?: DashboardEvaluation;
  charter: DashboardCharter;
  nextMilestone?: DashboardMilestone;
}

export interface Dashboard {
  /** Sorted by due date, those without one last. */
  todo: TodoItem[];
  /** The alliances the caller has an active seat in, by name. */
  alliances: DashboardAlliance[];
}
