/** Financeurs (docs/domain.md "Funding"; routes: docs/api.md "Funding"). */

export type TrancheStatus = 'planned' | 'requested' | 'paid';
export type ReportStatus = 'pending' | 'submitted' | 'approved' | 'returned';
export type ContributionKind = 'skills' | 'volunteer_time' | 'in_kind';
export const CONTRIBUTION_KINDS: readonly ContributionKind[] = ['skills', 'volunteer_time', 'in_kind'];

export interface Tranche {
  id: string;
  amount: number;
  dueOn: string;
  status: TrancheStatus;
  /** The report that must be approved before this tranche is paid. */
  requiresReportId: string | null;
  paidAt: string | null;
}

export interface GrantReport {
  id: string;
  title: string;
  dueOn: string;
  status: ReportStatus;
  submission: string | null;
  submittedAt: string | null;
  reviewComment: string | null;
  reviewedAt: string | null;
  overdue: boolean;
}

export interface Grant {
  id: string;
  allianceId: string;
  funderOrganisationId: string;
  funderOrganisationName: string;
  amount: number;
  currency: string;
  startsOn: string;
  endsOn: string;
  conditions: string | null;
  tranches: Tranche[];
  reports: GrantReport[];
  paid: number;
  createdAt: string;
}

export interface CreateGrantRequest {
  funderOrganisationId: string;
  amount: number;
  currency?: string;
  startsOn: string;
  endsOn: string;
  conditions?: string;
  tranches: { amount: number; dueOn: string; requiresReport?: number }[];
  reports: { title: string; dueOn: string }[];
}

export interface Contribution {
  id: string;
  allianceId: string;
  organisationId: string;
  organisationName: string;
  kind: ContributionKind;
  description: string;
  valuation: number;
  currency: string;
  createdAt: string;
}

export interface PortfolioEntry {
  allianceId: string;
  allianceName: string;
  status: string;
  domains: string[];
  territoryCodes: string[];
  committed: number;
  paid: number;
  currency: string;
  nextTranche: { amount: number; dueOn: string; status: TrancheStatus } | null;
  nextReport: { title: string; dueOn: string; overdue: boolean } | null;
  objectiveStatus: Record<string, number>;
  latestEvaluation: { campaignId: string; title: string; mean: number | null; delta: number | null } | null;
  contributionsValuation: number;
}

export interface Portfolio {
  organisationId: string;
  entries: PortfolioEntry[];
  totals: { committed: number; paid: number; contributions: number };
  /** Money committed and paid over time (by month), for the chart. */
  timeline: { month: string; committed: number; paid: number }[];
}
