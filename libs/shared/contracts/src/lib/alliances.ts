/** Alliance d'intérêt général (docs/domain.md "Alliance"). */

export type AllianceStatus = 'draft' | 'chartering' | 'active' | 'closed';
export const ALLIANCE_STATUSES: readonly AllianceStatus[] = ['draft', 'chartering', 'active', 'closed'];

/** Catégories de partenariat. */
export type PartnershipCategory = 'philanthropy' | 'responsible_practices' | 'economic_cooperation' | 'societal_innovation';
export const PARTNERSHIP_CATEGORIES: readonly PartnershipCategory[] = [
  'philanthropy',
  'responsible_practices',
  'economic_cooperation',
  'societal_innovation',
];

/** Objectifs du faire alliance. */
export type CollectiveObjective = 'engagement' | 'innovation' | 'territory' | 'performance';
export const COLLECTIVE_OBJECTIVES: readonly CollectiveObjective[] = ['engagement', 'innovation', 'territory', 'performance'];

/** Carré magique: the part of a partner's model the alliance serves. */
export type MagicSquare = 'business_model' | 'value_proposition' | 'positioning' | 'processes';
export const MAGIC_SQUARE: readonly MagicSquare[] = ['business_model', 'value_proposition', 'positioning', 'processes'];

/** Domaines d'action (extendable: any lower-case slug is accepted beside these). */
export const DOMAINS = [
  'digital',
  'energy',
  'employment',
  'mobility',
  'health',
  'carers',
  'education',
  'food',
  'housing',
  'environment',
  'culture',
  'sport',
] as const;
export type Domain = (typeof DOMAINS)[number] | string;

/** Échelon territorial. */
export type TerritorialScale = 'local' | 'intercommunal' | 'departmental' | 'regional' | 'national' | 'international';
export const TERRITORIAL_SCALES: readonly TerritorialScale[] = [
  'local',
  'intercommunal',
  'departmental',
  'regional',
  'national',
  'international',
];

/** Processus d'innovation sociétale. */
export type InnovationStage = 'emergence' | 'experimentation' | 'modelling' | 'scaling' | 'systemic';
export const INNOVATION_STAGES: readonly InnovationStage[] = ['emergence', 'experimentation', 'modelling', 'scaling', 'systemic'];

export type AllianceRole = 'lead' | 'partner' | 'funder' | 'observer';
export const ALLIANCE_ROLES: readonly AllianceRole[] = ['lead', 'partner', 'funder', 'observer'];
/** Roles whose organisations sign the charter and answer evaluations. */
export const SIGNING_ROLES: readonly AllianceRole[] = ['lead', 'partner'];

/**
 * An organisation's seat: `left` (its admin took it out) and `removed` (the lead did) are kept as
 * history; such a seat gives no access (docs/decisions/0020-leaving-and-closing.md).
 */
export type AllianceMemberStatus = 'invited' | 'active' | 'declined' | 'left' | 'removed';

/** Apports: what a partner brings. */
export interface Contributions {
  human?: string;
  financial?: string;
  material?: string;
  skills?: string;
}

export interface PartnerObjective {
  square: MagicSquare[];
  expectations: string;
  contributions: Contributions;
}

export interface AllianceMember {
  organisationId: string;
  organisationName: string;
  organisationProfile: string;
  role: AllianceRole;
  status: AllianceMemberStatus;
  objective: PartnerObjective | null;
  invitedAt: string;
  respondedAt: string | null;
}

export interface AllianceSummary {
  id: string;
  name: string;
  purpose: string;
  category: PartnershipCategory;
  status: AllianceStatus;
  collectiveObjectives: CollectiveObjective[];
  domains: string[];
  scale: TerritorialScale;
  /** The caller's organisations in this alliance and their roles. */
  myRoles: { organisationId: string; role: AllianceRole; status: AllianceMemberStatus }[];
  updatedAt: string;
}

export interface Alliance extends Omit<AllianceSummary, 'myRoles'> {
  territoryCodes: string[];
  territories: { code: string; name: string }[];
  innovationStage: InnovationStage | null;
  /** UN Sustainable Development Goals and targets (`sdg.ts`), e.g. `["3", "17", "17.17"]`. */
  sdgs?: string[];
  members: AllianceMember[];
  myRoles: AllianceSummary['myRoles'];
  /** What the caller may do, so the UI shows only the actions that will work. */
  can: { edit: boolean; invite: boolean; writeCharter: boolean; sign: boolean };
  /** The caller's organisations (as their admin) that may leave this open alliance: active, not the lead. */
  canLeaveFor?: string[];
  version: number;
  createdAt: string;
  closedAt: string | null;
  /** The lead's final note when it closed the alliance. */
  closingNote?: string | null;
}

export interface CreateAllianceRequest {
  name: string;
  purpose: string;
  category: PartnershipCategory;
  collectiveObjectives: CollectiveObjective[];
  domains: string[];
  scale: TerritorialScale;
  territoryCodes: string[];
  innovationStage?: InnovationStage;
  /** UN Sustainable Development Goals and targets (`sdg.ts`). */
  sdgs?: string[];
  /** An approved organisation of the caller; it becomes `lead`. */
  organisationId: string;
}

export interface UpdateAllianceRequest extends Partial<Omit<CreateAllianceRequest, 'organisationId'>> {
  status?: AllianceStatus;
  /** With `status: 'closed'` only: the final note kept on the closed alliance. */
  closingNote?: string;
  /** Optimistic concurrency: the `version` read; 409 when someone changed it since. */
  version: number;
}

export interface InviteOrganisationRequest {
  organisationId: string;
  role: Exclude<AllianceRole, 'lead'>;
}

export type UpdatePartnerObjectiveRequest = PartnerObjective;

/** `POST /api/alliances/:id/lead`: the lead hands over to an active partner organisation. */
export interface HandOverLeadRequest {
  organisationId: string;
}

export interface AllianceAuditEntry {
  id: string;
  at: string;
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  details: Record<string, unknown> | null;
  /** The organisation the entry acted for or is about (invited, signing, funding...), when recorded. */
  organisationName?: string | null;
  /** The web route of the object (see `journalLinkOf`), or null. */
  link?: string | null;
}

/** An organisation an alliance lead may invite (approved organisations, searched by name). */
export interface OrganisationDirectoryEntry {
  id: string;
  name: string;
  profile: string;
  territoryName: string | null;
}
