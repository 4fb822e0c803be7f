/**
 * Governance of an alliance (issue 17): decisions taken by organisation (décisions, positions) and
 * actions assigned to a person (actions). docs/decisions/0023-actions-one-list.md says why the
 * evaluation action plan shows in the same list.
 */

export const DECISION_RULES = ['consent', 'majority'] as const;
/** `consent` (consentement): adopted unless an organisation blocks; `majority`: more than half of the lead and partner organisations agree. */
export type DecisionRule = (typeof DECISION_RULES)[number];

export const DECISION_STATUSES = ['open', 'adopted', 'rejected'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export const DECISION_POSITIONS = ['agree', 'abstain', 'disagree', 'block'] as const;
export type DecisionPositionKind = (typeof DECISION_POSITIONS)[number];
/** A position that opposes the proposal carries its reason, so the others can answer it. */
export const POSITIONS_NEEDING_REASON: readonly DecisionPositionKind[] = ['disagree', 'block'];

export interface CreateDecisionRequest {
  title: string;
  proposal: string;
  closesAt: string;
  rule: DecisionRule;
  meetingId?: string;
}

export interface SetPositionRequest {
  organisationId: string;
  position: DecisionPositionKind;
  reason?: string;
}

export interface DecisionCounts {
  agree: number;
  abstain: number;
  disagree: number;
  block: number;
  /** Lead and partner organisations that gave no position. */
  none: number;
  /** Lead and partner organisations seated at the close (or now, while open). */
  organisations: number;
}

export interface DecisionSummary {
  id: string;
  allianceId: string;
  title: string;
  rule: DecisionRule;
  status: DecisionStatus;
  closesAt: string;
  closedAt: string | null;
  meetingId: string | null;
  proposedBy: { userId: string | null; name: string | null; organisationId: string | null; organisationName: string | null };
  createdAt: string;
  counts: DecisionCounts;
}

/** One organisation's row on the decision page: its position once given. */
export interface OrganisationPosition {
  organisationId: string;
  organisationName: string;
  /** `former`: an organisation no longer seated whose position a closed decision keeps. */
  role: 'lead' | 'partner' | 'former';
  position: DecisionPositionKind | null;
  reason: string | null;
  setBy: string | null;
  setAt: string | null;
}

export interface Decision extends DecisionSummary {
  proposal: string;
  positions: OrganisationPosition[];
  /** Organisations the caller may give the position of (lead or partner seats the caller holds). */
  canPositionFor: string[];
  /** The proposer or a member of the lead, while open. */
  canClose: boolean;
}

export interface DecisionsPage {
  items: DecisionSummary[];
  nextCursor: string | null;
}

export const ACTION_STATUSES = ['open', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_SOURCE_TYPES = ['meeting', 'decision', 'evaluation'] as const;
export type ActionSourceType = (typeof ACTION_SOURCE_TYPES)[number];

export interface ActionSource {
  type: ActionSourceType;
  id: string;
}

export interface CreateActionRequest {
  title: string;
  assigneeUserId: string;
  dueOn: string;
  description?: string;
  source?: ActionSource;
}

export interface UpdateActionRequest {
  status?: ActionStatus;
  title?: string;
  dueOn?: string;
  assigneeUserId?: string;
  version: number;
}

export interface AllianceAction {
  id: string;
  allianceId: string;
  title: string;
  description: string | null;
  /** Null for an evaluation action: the plan assigns it to an organisation, not to a person. */
  assignee: { userId: string; name: string } | null;
  organisationId: string | null;
  organisationName: string | null;
  dueOn: string;
  status: ActionStatus;
  overdue: boolean;
  source: (ActionSource & { title: string | null }) | null;
  createdBy: string | null;
  doneAt: string | null;
  /** Optimistic lock for PATCH; evaluation actions are changed through their plan (`PATCH /api/evaluation-actions/:id`). */
  version: number;
  /** `evaluation` rows come from the evaluation action plan. */
  origin: 'governance' | 'evaluation';
  canEdit: boolean;
}

export interface ActionsPage {
  items: AllianceAction[];
  nextCursor: string | null;
}

/** A person of a lead or partner organisation, who may be assigned an action. */
export interface AssignablePerson {
  userId: string;
  name: string;
  organisationId: string;
  organisationName: string;
}
