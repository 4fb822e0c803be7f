import type { LoginResponse, User } from './identity';

/**
 * Accounts people can trust (CONTRACT.md "Accounts"): password reset, email change, sessions,
 * two-step sign-in (TOTP + recovery codes), the organisations' 2FA rule and single sign-on.
 */

/** `POST /api/auth/password/forgot` (public) → 202, whether or not the address exists. */
export interface ForgotPasswordRequest {
  email: string;
}

/**
 * `POST /api/auth/password/reset` (public): the token of the mail and the new password. Every
 * session of the account is revoked; the answer is that of a sign-in (a session, or a second-step
 * challenge when two-step sign-in is on), so the person is signed in at once.
 */
export interface ResetPasswordRequest {
  token: string;
  password: string;
}

/** `POST /api/me/password` → 204; the caller's other sessions are revoked. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/**
 * `POST /api/me/email` → 202: a confirmation link goes to the new address
 * (`<PUBLIC_URL>/confirm-email/<token>`, single-use, 24 hours), a notice to the current one.
 */
export interface ChangeEmailRequest {
  newEmail: string;
  /** The current password; accounts created by single sign-on without a password omit it. */
  password?: string;
}

/** `POST /api/auth/email/confirm` (public) `{token}` → 200 `{email}`: the address is changed. */
export interface ConfirmEmailRequest {
  token: string;
}
export interface ConfirmEmailResponse {
  email: string;
}

/** One signed-in device: a refresh-token family. `GET /api/me/sessions` → `{items, nextCursor: null}`. */
export interface AccountSession {
  id: string;
  /** Read from the user agent, e.g. "Firefox 132 · Windows"; null when unknown. */
  device: string | null;
  browser: string | null;
  os: string | null;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  /** How the session was opened. */
  method: SignInMethod;
  /** The session the request was made with. */
  current: boolean;
}
export type SignInMethod = 'password' | 'oidc' | 'password_reset';

/** `DELETE /api/me/sessions/:id` → 204; `DELETE /api/me/sessions` → `{revoked}`: every session but the current one. */
export interface RevokeSessionsResponse {
  revoked: number;
}

/** `POST /api/me/totp` → a new, unconfirmed secret (base32) and its `otpauth://` URL for the QR code. */
export interface TotpSetupResponse {
  secret: string;
  otpauthUrl: string;
}
/** `POST /api/me/totp/confirm`, `DELETE /api/me/totp`, `POST /api/me/totp/recovery-codes`: a current 6-digit code. */
export interface TotpCodeRequest {
  code: string;
}
/** Ten single-use recovery codes, shown once (`xxxxx-xxxxx`). */
export interface RecoveryCodesResponse {
  recoveryCodes: string[];
}

export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;

/** `POST /api/auth/login` when two-step sign-in is on: no token yet, a challenge valid 5 minutes. */
export interface MfaChallengeResponse {
  mfaRequired: true;
  mfaToken: string;
  methods: ('totp' | 'recovery_code')[];
}
/** `POST /api/auth/login/mfa`: a TOTP code or an unused recovery code → a session (`LoginResponse`). */
export interface MfaLoginRequest {
  mfaToken: string;
  code: string;
}

/** What `POST /api/auth/login` (and the password reset) answers. */
export type SignInResponse = LoginResponse | MfaChallengeResponse;
export const isMfaChallenge = (response: SignInResponse): response is MfaChallengeResponse =>
  (response as MfaChallengeResponse).mfaRequired === true;

/** Why two-step sign-in is required for this person (none: it is their choice). */
export interface TwoFactorRequirement {
  platformAdmin: boolean;
  /** Organisations whose rule covers the person (they are an admin or a signatory of it). */
  organisations: { organisationId: string; organisationName: string }[];
}

/** `GET /api/me/security`: everything the account page shows about the account's protection (never a secret). */
export interface AccountSecurity {
  email: string;
  /** An email change waiting for its confirmation link. */
  pendingEmail: string | null;
  /** False for an account created by single sign-on that never set one. */
  hasPassword: boolean;
  twoFactor: {
    enabled: boolean;
    enabledAt: string | null;
    recoveryCodesLeft: number;
    required: boolean;
    requiredBy: TwoFactorRequirement;
  };
  /** Identities at OpenID Connect providers linked to the account. */
  linkedIdentities: { provider: string; email: string | null; linkedAt: string }[];
}

/**
 * A person whom a rule obliges to use two-step sign-in but who has not set it up signs in with a
 * restricted session: `twoFactorSetupRequired: true` in the sign-in answer and in `GET /api/me`;
 * until it is set up every route but `/api/me`, `/api/me/security`, `/api/me/totp*` and
 * `/api/auth/logout` answers 403 `auth.two_factor_setup_required`.
 */
export interface TwoFactorSetupFlag {
  twoFactorSetupRequired?: boolean;
}

/** `GET /api/auth/providers` (public): the single sign-on button, when configured. */
export interface AuthProvidersResponse {
  oidc: { displayName: string; loginUrl: string } | null;
}

/**
 * After `GET /api/auth/oidc/callback`, the browser is sent back to the web app:
 * - signed in: `/sign-in/sso?returnUrl=…` with the refresh cookie set (the page refreshes to get its access token);
 * - second step needed: `/sign-in?mfaToken=…&returnUrl=…`;
 * - failure: `/sign-in?ssoError=<error code>` (`oidc.failed`, `oidc.email_unverified`, `auth.account_disabled`).
 */
export const SSO_COMPLETE_PATH = '/sign-in/sso';

/** `PATCH /api/organisations/:id` `{requireTwoFactor}`: the organisation's admins and signatories must use two-step sign-in. */
export interface OrganisationTwoFactorRule {
  requireTwoFactor: boolean;
}

export type { User };
