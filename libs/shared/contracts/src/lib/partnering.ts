/**
 * Finding partners (issue 14): the organisation's public profile, the self-diagnostic, the partner
 * directory, proposals and territorial catalysts (docs/domain.md "Profiles", CONTRACT.md "Organisation
 * profiles, self-diagnostic, partner finder, proposals").
 */
import type { CollectiveObjective, MagicSquare, PartnershipCategory } from './alliances';
import type { OrganisationTwoFactorRule } from './accounts';
import type { Organisation, OrganisationProfile, SocioEconomicProfile } from './identity';

/** What an organisation may bring or look for beside the magic square (apports). */
export type PartnerContribution = 'financial' | 'skills' | 'human' | 'material' | 'network';
export const PARTNER_CONTRIBUTIONS: readonly PartnerContribution[] = ['financial', 'skills', 'human', 'material', 'network'];

/** A `seeks` / `offers` entry: a magic-square key or a contribution kind. */
export type PartnerNeed = MagicSquare | PartnerContribution;

/** `PATCH /api/organisations/:id` (org admin). `houseModel` is the "équilibre de la maison" (stored as `socioEconomicProfile`). */
export interface UpdateOrganisationProfileRequest {
  description?: string | null;
  website?: string | null;
  territoryCode?: string | null;
  domains?: string[];
  seeks?: PartnerNeed[];
  offers?: PartnerNeed[];
  openToAlliances?: boolean;
  listed?: boolean;
  /** The organisation's two-step sign-in rule for its admins and signatories (accounts.ts `OrganisationTwoFactorRule`). */
  requireTwoFactor?: boolean;
  houseModel?: SocioEconomicProfile | null;
}

/** The profile fields an organisation edits; they ride along `Organisation` for its members. */
export interface OrganisationPartneringProfile {
  website: string | null;
  hasLogo: boolean;
  domains: string[];
  seeks: PartnerNeed[];
  offers: PartnerNeed[];
  openToAlliances: boolean;
  listed: boolean;
}

/** Territory of a directory card: the commune and the départment / région it lies in. */
export interface DirectoryTerritory {
  code: string;
  name: string;
  departementCode: string | null;
  regionCode: string | null;
}

/** Complementarity with the caller's organisation: what they seek that you offer, and the reverse. */
export interface DirectoryMatch {
  score: number;
  theySeekYouOffer: PartnerNeed[];
  youSeekTheyOffer: PartnerNeed[];
}

/** A listed organisation as anybody signed in sees it: public fields only. */
export interface DirectoryCard {
  id: string;
  name: string;
  profile: OrganisationProfile;
  description: string | null;
  website: string | null;
  hasLogo: boolean;
  territory: DirectoryTerritory | null;
  domains: string[];
  seeks: PartnerNeed[];
  offers: PartnerNeed[];
  openToAlliances: boolean;
  match?: DirectoryMatch;
}

/** `GET /api/directory/map`: how many listed organisations match the filters, per département. */
export interface DirectoryMap {
  total: number;
  departements: { code: string; name: string; count: number }[];
}

// Self-diagnostic --------------------------------------------------------------------------------

/** The four axes of the self-diagnostic: objectives (magic square), means (three levers), maturity, wishes. */
export type DiagnosticAxisKey = 'objectives' | 'means' | 'maturity' | 'wishes';
export const DIAGNOSTIC_AXES: readonly DiagnosticAxisKey[] = ['objectives', 'means', 'maturity', 'wishes'];

/** Levels, from the least to the most advanced. */
export type DiagnosticLevel = 'emerging' | 'developing' | 'established' | 'advanced';
export const DIAGNOSTIC_LEVELS: readonly DiagnosticLevel[] = ['emerging', 'developing', 'established', 'advanced'];

export interface DiagnosticOption {
  id: string;
  text: string;
}

export interface DiagnosticQuestion {
  id: string;
  text: string;
  help?: string;
  options: DiagnosticOption[];
}

export interface DiagnosticAxis {
  key: DiagnosticAxisKey;
  title: string;
  intro: string;
  questions: DiagnosticQuestion[];
}

/** `GET /api/diagnostics/questionnaire?profile=&lang=` */
export interface DiagnosticQuestionnaire {
  profile: OrganisationProfile | 'generic';
  version: number;
  axes: DiagnosticAxis[];
}

export interface DiagnosticAnswer {
  questionId: string;
  optionId: string;
}

export interface SubmitDiagnosticRequest {
  answers: DiagnosticAnswer[];
}

export interface DiagnosticAxisResult {
  key: DiagnosticAxisKey;
  /** 0–100. */
  score: number;
  level: DiagnosticLevel;
}

export interface SuggestedCategory {
  category: PartnershipCategory;
  /** Why, in the language asked for. */
  reason: string;
}

export interface Diagnostic {
  id: string;
  organisationId: string;
  profile: OrganisationProfile | 'generic';
  createdAt: string;
  createdBy: { userId: string; displayName: string } | null;
  axes: DiagnosticAxisResult[];
  suggestedCategories: SuggestedCategory[];
  /** Magic-square priorities, most pressing first. */
  suggestedSquare: MagicSquare[];
  suggestedObjectives: CollectiveObjective[];
  answers: DiagnosticAnswer[];
}

// Proposals ----------------------------------------------------------------------------------------

export type ProposalStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn';

/** `POST /api/proposals` (admin of `fromOrganisationId`). */
export interface CreateProposalRequest {
  fromOrganisationId: string;
  toOrganisationId: string;
  message: string;
  category?: PartnershipCategory;
  /** Join this alliance (led by the proposer) instead of creating a new draft one. */
  allianceId?: string;
}

export interface ProposalParty {
  organisationId: string;
  name: string;
  profile: OrganisationProfile;
  /** For an introduction by a catalyst: whether this side accepted already. */
  accepted: boolean;
}

export interface Proposal {
  id: string;
  status: ProposalStatus;
  from: ProposalParty;
  to: ProposalParty;
  message: string;
  category: PartnershipCategory | null;
  allianceId: string | null;
  /** Set when a territorial catalyst introduced the two organisations. */
  introducedBy: { organisationId: string; name: string } | null;
  declineReason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface DeclineProposalRequest {
  reason?: string;
}

export interface AcceptProposalResponse {
  /** The alliance both organisations now belong to (a new draft, or the one proposed). */
  allianceId: string | null;
}

/** `POST /api/alliances/:id/invitations`: invite an organisation not yet on the platform. */
export interface InviteExternalOrganisationRequest {
  email: string;
  organisationName: string;
}

export interface ExternalInvitation {
  id: string;
  allianceId: string;
  email: string;
  organisationName: string;
  status: 'sent' | 'applied' | 'joined' | 'expired';
  createdAt: string;
}

/** `GET /api/alliance-invitations/:token` (public): what the sign-up and application forms pre-fill. */
export interface AllianceInvitationPreview {
  allianceName: string;
  leadName: string;
  organisationName: string;
  email: string;
  status: 'valid' | 'used' | 'expired';
  expiresAt: string;
}

/** `POST /api/organisations/:id/blocks` (org admin): refuse proposals from that organisation. */
export interface BlockOrganisationRequest {
  organisationId: string;
}

/** An organisation whose proposals are refused (`GET /api/organisations/:id/blocks`). */
export interface OrganisationBlock {
  organisationId: string;
  name: string;
  createdAt: string;
}

// Territorial catalysts ----------------------------------------------------------------------------

/** `PUT /api/admin/organisations/:id/catalyst` (platform admin): départements (`69`) or régions (`R84`). */
export interface CatalystGrantRequest {
  territoryCodes: string[];
}

/** `GET /api/catalyst/territory?organisationId=&territory=`: counts only, nothing private. */
export interface CatalystTerritoryView {
  territoryCodes: string[];
  organisations: { total: number; listed: number; byProfile: Record<string, number> };
  alliances: {
    total: number;
    byCategory: Record<string, number>;
    byDomain: Record<string, number>;
    byStatus: Record<string, number>;
  };
}

/** `POST /api/catalyst/introductions`: a proposal sent on both organisations' behalf; both must accept. */
export interface CreateIntroductionRequest {
  catalystOrganisationId: string;
  organisationIds: [string, string];
  message: string;
  category?: PartnershipCategory;
}

// Additions of the directory API (libs/api/organisations) -------------------------------------------

/** Every `seeks` / `offers` value, in the order of their bit in the database's masks (magic square, then contributions). */
export const PARTNER_NEEDS: readonly PartnerNeed[] = [
  'business_model',
  'value_proposition',
  'positioning',
  'processes',
  ...PARTNER_CONTRIBUTIONS,
];

/** `GET /api/organisations/:id` for those who may see it: the organisation with its partnering profile. */
export interface OrganisationWithProfile extends Organisation, OrganisationPartneringProfile, OrganisationTwoFactorRule {}

export type DirectorySort = 'name' | 'match';
export const DIRECTORY_SORTS: readonly DirectorySort[] = ['name', 'match'];

/** `GET /api/directory` and `GET /api/directory/map`: repeated parameters (`domain=a&domain=b`) match any of them. */
export interface DirectoryQuery {
  q?: string;
  /** A commune (`69123`), a département (`69`, `2A`) or a région (`R84`): every commune inside matches. */
  territory?: string;
  profile?: OrganisationProfile[];
  domain?: string[];
  seeks?: PartnerNeed[];
  offers?: PartnerNeed[];
  open?: boolean;
  /** One of the caller's organisations: adds `match` to each card, allows `sort=match`, and leaves it out. */
  as?: string;
  sort?: DirectorySort;
  limit?: number;
  cursor?: string;
}

/** `PUT /api/organisations/:id/logo`: the raw image as the body, one of these types (checked by its bytes). */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];
export const LOGO_MAX_BYTES = 512 * 1024;

/** The territories an organisation animates as a catalyst (`PUT /api/admin/organisations/:id/catalyst`, `GET /api/catalyst`). */
export interface CatalystGrant {
  organisationId: string;
  territories: { code: string; name: string; kind: 'departement' | 'region' }[];
  grantedAt: string | null;
}
