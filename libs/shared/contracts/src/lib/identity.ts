import type { ErrorCode } from './errors';

export type Locale = 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['fr', 'en'];

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export interface User {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  isPlatformAdmin: boolean;
  createdAt: string;
}

export interface RegisterRequest {
  email: string;
  password: string;
  displayName: string;
  locale?: Locale;
  /** Registering from an invitation link: the invitation's email must match. */
  invitationToken?: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: User;
  /** A rule requires two-step sign-in and it is not set up: this session may only set it up (see accounts.ts). */
  twoFactorSetupRequired?: boolean;
}

export interface RefreshResponse {
  accessToken: string;
  expiresIn: number;
  twoFactorSetupRequired?: boolean;
}

export type OrganisationRole = 'admin' | 'member' | 'signatory';
export const ORGANISATION_ROLES: readonly OrganisationRole[] = ['admin', 'member', 'signatory'];

export interface MembershipSummary {
  organisationId: string;
  organisationName: string;
  organisationStatus: OrganisationStatus;
  role: OrganisationRole;
  /** The organisation funds at least one alliance (an active funder seat): it has a portfolio. */
  funds?: boolean;
}

export interface MeResponse {
  user: User;
  memberships: MembershipSummary[];
  isPlatformAdmin: boolean;
  /** See LoginResponse.twoFactorSetupRequired. */
  twoFactorSetupRequired?: boolean;
}

export interface UpdateMeRequest {
  displayName?: string;
  locale?: Locale;
}

/**
 * `DELETE /api/me`: the password confirms it is really the person; an account without one (created by
 * single sign-on) types its email address instead.
 */
export interface DeleteAccountRequest {
  password?: string;
  confirmEmail?: string;
}

/** Machine codes of identity errors, translated by the web app. */
export const IdentityErrorCode = {
  InvalidCredentials: 'auth.invalid_credentials',
  EmailTaken: 'auth.email_taken',
  WeakPassword: 'auth.weak_password',
  CommonPassword: 'auth.common_password',
  AccountDisabled: 'auth.account_disabled',
  RefreshInvalid: 'auth.refresh_invalid',
  RefreshReused: 'auth.refresh_reused',
  InvitationInvalid: 'invitation.invalid',
  InvitationExpired: 'invitation.expired',
  InvitationEmailMismatch: 'invitation.email_mismatch',
  LastAdmin: 'organisation.last_admin',
  AlreadyMember: 'organisation.already_member',
  NotApproved: 'organisation.not_approved',
  AlreadyReviewed: 'organisation.already_reviewed',
} as const satisfies Record<string, ErrorCode>;

// Organisations ---------------------------------------------------------------------------------

/** Profils d'acteurs (docs/domain.md "Actor profiles"). */
export type OrganisationProfile =
  'association' | 'company' | 'foundation' | 'local_authority' | 'public_institution' | 'academic' | 'citizen_group';
export const ORGANISATION_PROFILES: readonly OrganisationProfile[] = [
  'association',
  'company',
  'foundation',
  'local_authority',
  'public_institution',
  'academic',
  'citizen_group',
];

export type OrganisationStatus = 'pending' | 'approved' | 'rejected';

/** Équilibre de la maison: the three levers of an organisation's socio-economic model. */
export interface SocioEconomicProfile {
  /** Richesses humaines. */
  humanResources?: { staff?: number; volunteers?: number; note?: string };
  /** Ressources financières. */
  financialResources?: { annualBudgetEur?: number; mix?: string };
  /** Alliances: number and kind of partnerships. */
  alliances?: { count?: number; kinds?: string };
}

export interface Organisation {
  id: string;
  name: string;
  profile: OrganisationProfile;
  siren: string | null;
  siret: string | null;
  rna: string | null;
  territoryCode: string | null;
  territoryName: string | null;
  description: string | null;
  socioEconomicProfile: SocioEconomicProfile | null;
  status: OrganisationStatus;
  rejectionReason: string | null;
  createdAt: string;
  reviewedAt: string | null;
}

/** An application in the platform administrators' review queue, with who applied (`GET /api/admin/organisations` answers a `Page` of them). */
export interface ReviewQueueEntry extends Organisation {
  applicant: { displayName: string; email: string } | null;
}

export interface ApplyOrganisationRequest {
  name: string;
  profile: OrganisationProfile;
  siren?: string;
  siret?: string;
  rna?: string;
  territoryCode?: string;
  description?: string;
  socioEconomicProfile?: SocioEconomicProfile;
  /** The token of an alliance's invitation mail: once approved, the organisation is a pending partner of that alliance. */
  allianceInvitationToken?: string;
}

export interface RejectOrganisationRequest {
  reason: string;
}

export interface OrganisationMember {
  userId: string;
  displayName: string;
  email: string;
  role: OrganisationRole;
  joinedAt: string;
}

export interface InviteMemberRequest {
  email: string;
  role: OrganisationRole;
}

export interface Invitation {
  id: string;
  organisationId: string;
  email: string;
  role: OrganisationRole;
  expiresAt: string;
  createdAt: string;
  acceptedAt: string | null;
}

/** What the accept-invitation page shows before the user accepts. */
export interface InvitationPreview {
  organisationName: string;
  email: string;
  role: OrganisationRole;
  expiresAt: string;
  status: 'valid' | 'expired' | 'used';
}

export interface ChangeRoleRequest {
  role: OrganisationRole;
}

export interface Territory {
  code: string;
  name: string;
  kind: 'commune' | 'departement' | 'region';
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  organisationId: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}
