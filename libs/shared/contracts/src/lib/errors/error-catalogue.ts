/**
 * Every error code the API answers with, declared once: its HTTP status and the translation key of
 * the message the web app shows (`errors.<code>` in `apps/web/public/i18n/{fr,en}.json`).
 * The API throws by code (`new DomainException('alliance.stale_version', …)`) and takes the status
 * from here; the web maps a code to its message through `key`. docs/api.md "Errors" says how to add one.
 */
export interface ErrorDefinition {
  /** The HTTP status the code answers with. */
  readonly status: number;
  /** The translation key of the user-facing message. */
  readonly key: string;
}

const e = <K extends string>(status: number, key: K): { readonly status: number; readonly key: K } => ({ status, key });

export const ERRORS = {
  // Generic answers of the HTTP layer -----------------------------------------------------------
  'validation.failed': e(400, 'errors.validation.failed'),
  'validation.too_deep': e(400, 'errors.validation.too_deep'),
  'validation.malformed': e(400, 'errors.validation.malformed'),
  'conflict.duplicate': e(409, 'errors.conflict.duplicate'),
  'conflict.reference': e(409, 'errors.conflict.reference'),
  'conflict.concurrent': e(409, 'errors.conflict.concurrent'),
  'service.unavailable': e(503, 'errors.service.unavailable'),
  'service.shutting_down': e(503, 'errors.service.shutting_down'),
  /** Errors Fastify raises itself, answered as `http.<its code in lower case>`. */
  'http.fst_err_ctp_invalid_json_body': e(400, 'errors.http.fst_err_ctp_invalid_json_body'),
  'http.fst_err_ctp_empty_json_body': e(400, 'errors.http.fst_err_ctp_empty_json_body'),
  'http.fst_err_ctp_body_too_large': e(413, 'errors.http.fst_err_ctp_body_too_large'),
  'http.fst_err_ctp_invalid_media_type': e(415, 'errors.http.fst_err_ctp_invalid_media_type'),

  // Not found (404 also for what exists but is not visible to the caller) ------------------------
  'resource.not_found': e(404, 'errors.resource.not_found'),
  'route.not_found': e(404, 'errors.route.not_found'),
  'user.not_found': e(404, 'errors.user.not_found'),
  'job.not_found': e(404, 'errors.job.not_found'),
  'organisation.not_found': e(404, 'errors.organisation.not_found'),
  'member.not_found': e(404, 'errors.member.not_found'),
  'invitation.not_found': e(404, 'errors.invitation.not_found'),
  'alliance.not_found': e(404, 'errors.alliance.not_found'),
  'charter_version.not_found': e(404, 'errors.charter_version.not_found'),
  'objective.not_found': e(404, 'errors.objective.not_found'),
  'indicator.not_found': e(404, 'errors.indicator.not_found'),
  'milestone.not_found': e(404, 'errors.milestone.not_found'),
  'checkin.not_found': e(404, 'errors.checkin.not_found'),
  'evaluation.not_found': e(404, 'errors.evaluation.not_found'),
  'evaluation_template.not_found': e(404, 'errors.evaluation_template.not_found'),
  'evaluation_action.not_found': e(404, 'errors.evaluation_action.not_found'),
  'comment.not_found': e(404, 'errors.comment.not_found'),
  'grant.not_found': e(404, 'errors.grant.not_found'),
  'tranche.not_found': e(404, 'errors.tranche.not_found'),
  'report.not_found': e(404, 'errors.report.not_found'),
  'case_study.not_found': e(404, 'errors.case_study.not_found'),
  'proposal.not_found': e(404, 'errors.proposal.not_found'),
  'alliance_invitation.not_found': e(404, 'errors.alliance_invitation.not_found'),
  'catalyst.not_found': e(404, 'errors.catalyst.not_found'),
  'diagnostic.not_found': e(404, 'errors.diagnostic.not_found'),
  'meeting.not_found': e(404, 'errors.meeting.not_found'),

  // Identity --------------------------------------------------------------------------------------
  /** No valid access token: sign in again (the web app refreshes its token first). */
  'auth.unauthenticated': e(401, 'errors.auth.unauthenticated'),
  'auth.invalid_credentials': e(401, 'errors.auth.invalid_credentials'),
  'auth.email_taken': e(409, 'errors.auth.email_taken'),
  /** Field codes (in `details` of a `validation.failed` answer). */
  'auth.weak_password': e(400, 'errors.auth.weak_password'),
  'auth.common_password': e(400, 'errors.auth.common_password'),
  'auth.account_disabled': e(401, 'errors.auth.account_disabled'),
  'auth.refresh_invalid': e(401, 'errors.auth.refresh_invalid'),
  'auth.refresh_reused': e(401, 'errors.auth.refresh_reused'),
  /** A password-reset link that is unknown, used or older than an hour: one answer for all three. */
  'auth.reset_token_invalid': e(410, 'errors.auth.reset_token_invalid'),
  /** An email-change link that is unknown, used or expired. */
  'auth.email_token_invalid': e(410, 'errors.auth.email_token_invalid'),
  /** The current password, asked again before a sensitive change, is wrong. */
  'auth.wrong_password': e(403, 'errors.auth.wrong_password'),
  /** A second-step code (TOTP or recovery code) that is wrong, already used, or a challenge that expired. */
  'auth.mfa_invalid': e(401, 'errors.auth.mfa_invalid'),
  /** A TOTP code that does not match while setting up or turning off two-step sign-in. */
  'auth.totp_invalid': e(400, 'errors.auth.totp_invalid'),
  'auth.totp_already_enabled': e(409, 'errors.auth.totp_already_enabled'),
  'auth.totp_not_enabled': e(409, 'errors.auth.totp_not_enabled'),
  /** A rule (platform administrator, organisation) requires two-step sign-in: set it up first. */
  'auth.two_factor_setup_required': e(403, 'errors.auth.two_factor_setup_required'),
  /** Turning off two-step sign-in while a rule requires it. */
  'auth.two_factor_required': e(409, 'errors.auth.two_factor_required'),
  /** Single sign-on is not configured (no OIDC_ISSUER). */
  'oidc.disabled': e(404, 'errors.oidc.disabled'),
  /** The provider's answer could not be trusted: state, nonce, code or token checks failed, or a replayed callback. */
  'oidc.failed': e(400, 'errors.oidc.failed'),
  /** The provider does not vouch for the email address: no account is linked or created. */
  'oidc.email_unverified': e(403, 'errors.oidc.email_unverified'),
  'session.not_found': e(404, 'errors.session.not_found'),
  /** Too many wrong second-step codes on the account within an hour: refused even with the right code for a while. */
  'auth.mfa_rate_limited': e(429, 'errors.auth.mfa_rate_limited'),
  /** An account without a password (single sign-on) must have signed in less than 10 minutes ago for this. */
  'auth.reauthentication_required': e(403, 'errors.auth.reauthentication_required'),
  'invitation.invalid': e(410, 'errors.invitation.invalid'),
  'invitation.expired': e(410, 'errors.invitation.expired'),
  'invitation.email_mismatch': e(403, 'errors.invitation.email_mismatch'),

  // Organisations and administration ---------------------------------------------------------------
  'organisation.last_admin': e(409, 'errors.organisation.last_admin'),
  'organisation.already_member': e(409, 'errors.organisation.already_member'),
  'organisation.not_approved': e(409, 'errors.organisation.not_approved'),
  'organisation.already_reviewed': e(409, 'errors.organisation.already_reviewed'),
  'organisation.admin_required': e(403, 'errors.organisation.admin_required'),
  /** An organisation's logo (`PUT /api/organisations/:id/logo`): PNG, JPEG or WebP by its bytes, never SVG. */
  'logo.unsupported_type': e(415, 'errors.logo.unsupported_type'),
  'logo.not_found': e(404, 'errors.logo.not_found'),
  'admin.cannot_disable_self': e(409, 'errors.admin.cannot_disable_self'),

  // Alliances -------------------------------------------------------------------------------------
  'alliance.lead_required': e(403, 'errors.alliance.lead_required'),
  'alliance.stale_version': e(409, 'errors.alliance.stale_version'),
  'alliance.already_member': e(409, 'errors.alliance.already_member'),
  'alliance.not_invited': e(409, 'errors.alliance.not_invited'),
  'alliance.not_your_organisation': e(403, 'errors.alliance.not_your_organisation'),
  'alliance.closed': e(409, 'errors.alliance.closed'),
  'alliance.lead_needs_successor': e(409, 'errors.alliance.lead_needs_successor'),
  'alliance.successor_not_partner': e(409, 'errors.alliance.successor_not_partner'),
  'alliance.not_a_member': e(409, 'errors.alliance.not_a_member'),

  // Charter (the last two are sent on the /collab socket as `charter:error`) -----------------------
  'charter.write_required': e(403, 'errors.charter.write_required'),
  'charter.unchanged': e(409, 'errors.charter.unchanged'),
  'charter.not_a_signing_organisation': e(403, 'errors.charter.not_a_signing_organisation'),
  'charter.signatory_required': e(403, 'errors.charter.signatory_required'),
  'charter.version_closed': e(409, 'errors.charter.version_closed'),
  'charter.hash_mismatch': e(409, 'errors.charter.hash_mismatch'),
  'charter.already_answered': e(409, 'errors.charter.already_answered'),
  'charter.update_too_large': e(413, 'errors.charter.update_too_large'),
  'charter.read_only': e(403, 'errors.charter.read_only'),

  // Objectives ------------------------------------------------------------------------------------
  'objectives.partner_required': e(403, 'errors.objectives.partner_required'),
  'objectives.own_organisation_only': e(403, 'errors.objectives.own_organisation_only'),
  'objective.stale_version': e(409, 'errors.objective.stale_version'),
  'indicator.stale_version': e(409, 'errors.indicator.stale_version'),
  'checkin.id_conflict': e(409, 'errors.checkin.id_conflict'),
  'checkin.author_only': e(403, 'errors.checkin.author_only'),
  'checkin.immutable': e(409, 'errors.checkin.immutable'),

  // Evaluations -----------------------------------------------------------------------------------
  'evaluation.partner_required': e(403, 'errors.evaluation.partner_required'),
  'evaluation.not_invited': e(403, 'errors.evaluation.not_invited'),
  'evaluation.closed': e(409, 'errors.evaluation.closed'),
  'evaluation.blind': e(409, 'errors.evaluation.blind'),

  // Comments --------------------------------------------------------------------------------------
  'comments.rate_limited': e(429, 'errors.comments.rate_limited'),
  'comments.read_only': e(403, 'errors.comments.read_only'),
  'comments.id_conflict': e(409, 'errors.comments.id_conflict'),
  'comments.author_only': e(403, 'errors.comments.author_only'),
  'comments.deleted': e(409, 'errors.comments.deleted'),
  'comments.not_a_thread': e(409, 'errors.comments.not_a_thread'),

  // Funding ---------------------------------------------------------------------------------------
  'funding.funder_admin_required': e(403, 'errors.funding.funder_admin_required'),
  'funding.partner_required': e(403, 'errors.funding.partner_required'),
  'funding.own_organisation_only': e(403, 'errors.funding.own_organisation_only'),
  'funding.report_not_approved': e(409, 'errors.funding.report_not_approved'),
  'funding.already_paid': e(409, 'errors.funding.already_paid'),
  'funding.report_approved': e(409, 'errors.funding.report_approved'),
  'funding.report_not_submitted': e(409, 'errors.funding.report_not_submitted'),

  // Library ---------------------------------------------------------------------------------------
  'case_study.not_a_partner': e(403, 'errors.case_study.not_a_partner'),

  // Proposals, blocks, external invitations, catalysts (issue 14) --------------------------------
  'proposal.to_self': e(400, 'errors.proposal.to_self'),
  'proposal.alliance_not_led': e(400, 'errors.proposal.alliance_not_led'),
  'proposal.blocked': e(403, 'errors.proposal.blocked'),
  'proposal.recipient_only': e(403, 'errors.proposal.recipient_only'),
  'proposal.sender_only': e(403, 'errors.proposal.sender_only'),
  'proposal.duplicate_pending': e(409, 'errors.proposal.duplicate_pending'),
  'proposal.already_decided': e(409, 'errors.proposal.already_decided'),
  'proposal.already_accepted': e(409, 'errors.proposal.already_accepted'),
  'proposal.rate_limited': e(429, 'errors.proposal.rate_limited'),
  'organisation_block.self': e(400, 'errors.organisation_block.self'),
  'alliance_invitation.used': e(410, 'errors.alliance_invitation.used'),
  'alliance_invitation.expired': e(410, 'errors.alliance_invitation.expired'),
  'catalyst.outside_territory': e(403, 'errors.catalyst.outside_territory'),
  'notifications.unsubscribe_invalid': e(400, 'errors.notifications.unsubscribe_invalid'),

  // Governance: decisions and actions (issue 17) --------------------------------------------------
  'decision.not_found': e(404, 'errors.decision.not_found'),
  'action.not_found': e(404, 'errors.action.not_found'),
  'decision.partner_required': e(403, 'errors.decision.partner_required'),
  'decision.not_represented': e(403, 'errors.decision.not_represented'),
  'decision.close_forbidden': e(403, 'errors.decision.close_forbidden'),
  'decision.closed': e(409, 'errors.decision.closed'),
  'action.partner_required': e(403, 'errors.action.partner_required'),
  'action.edit_forbidden': e(403, 'errors.action.edit_forbidden'),
  'action.stale_version': e(409, 'errors.action.stale_version'),
  // Meetings and minutes (issue 17; the last two are sent on the /collab socket as `minutes:error`) ------
  'meetings.partner_required': e(403, 'errors.meetings.partner_required'),
  'meetings.not_representative': e(403, 'errors.meetings.not_representative'),
  'meeting.stale_version': e(409, 'errors.meeting.stale_version'),
  'meeting.cancelled': e(409, 'errors.meeting.cancelled'),
  'minutes.not_draft': e(409, 'errors.minutes.not_draft'),
  'minutes.not_final': e(409, 'errors.minutes.not_final'),
  'minutes.empty': e(409, 'errors.minutes.empty'),
  'minutes.no_approvers': e(409, 'errors.minutes.no_approvers'),
  'minutes.hash_mismatch': e(409, 'errors.minutes.hash_mismatch'),
  'minutes.already_approved': e(409, 'errors.minutes.already_approved'),
  'minutes.update_too_large': e(413, 'errors.minutes.update_too_large'),
  'minutes.read_only': e(403, 'errors.minutes.read_only'),
  // Documents (issue 17) ---------------------------------------------------------------------------
  'document.not_found': e(404, 'errors.document.not_found'),
  'document.file_required': e(400, 'errors.document.file_required'),
  'document.bad_name': e(400, 'errors.document.bad_name'),
  'document.unknown_target': e(400, 'errors.document.unknown_target'),
  'document.too_large': e(413, 'errors.document.too_large'),
  'document.unsupported_type': e(415, 'errors.document.unsupported_type'),
  'document.type_changed': e(415, 'errors.document.type_changed'),
  'document.partner_required': e(403, 'errors.document.partner_required'),
  'document.delete_forbidden': e(403, 'errors.document.delete_forbidden'),
  'document.storage_unavailable': e(503, 'errors.document.storage_unavailable'),
  'admin.alliance_not_closed': e(409, 'errors.admin.alliance_not_closed'),
  'admin.alliance_has_signatures': e(409, 'errors.admin.alliance_has_signatures'),
  // Observatory (issue 18) -------------------------------------------------------------------------
  'observatory.not_a_partner': e(403, 'errors.observatory.not_a_partner'),
} as const satisfies Record<string, ErrorDefinition>;

/** A code of the catalogue. */
export type ErrorCode = keyof typeof ERRORS;

/** What can be "not found": `NotFoundDomainException('alliance')` answers `alliance.not_found`. */
export type NotFoundSubject = ErrorCode extends infer C ? (C extends `${infer S}.not_found` ? S : never) : never;

/** Whether a string (an API answer's `code`) is a code of the catalogue. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, code);
}
