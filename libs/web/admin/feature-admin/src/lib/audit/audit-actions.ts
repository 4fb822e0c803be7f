/**
 * Audit actions with a label under `admin.audit.actions.<action>`; the autocomplete of the action
 * filter suggests them. Other actions show their code, and can still be typed as a filter.
 */
export const KNOWN_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.refresh_reuse_detected',
  'user.registered',
  'user.admin_created',
  'user.disabled',
  'user.enabled',
  'user.deleted',
  'organisation.applied',
  'organisation.approved',
  'organisation.rejected',
  'invitation.created',
  'invitation.accepted',
  'invitation.revoked',
  'membership.role_changed',
  'membership.left',
  'membership.removed',
  'alliance.created',
  'alliance.updated',
  'alliance.closed',
  'alliance.organisation_invited',
  'alliance.invitation_accepted',
  'alliance.invitation_declined',
  'charter.version_proposed',
  'charter.signed',
  'charter.changes_requested',
  'charter.in_force',
  'evaluation.launched',
  'evaluation.closed',
  'grant.created',
  'report.submitted',
  'report.approved',
  'report.returned',
  'case_study.prepared',
  'case_study.consented',
  'case_study.consent_withdrawn',
  'job.retried',
] as const;

const KNOWN: ReadonlySet<string> = new Set(KNOWN_ACTIONS);

export const isKnownAction = (action: string): boolean => KNOWN.has(action);

/** The translation key of an action's label, or null when only its code can be shown. */
export const actionLabelKey = (action: string): string | null => (KNOWN.has(action) ? `admin.audit.actions.${action}` : null);

/** Kinds of audited objects with a label under `admin.audit.objects.<type>`. */
const KNOWN_OBJECTS: ReadonlySet<string> = new Set([
  'alliance',
  'case_study',
  'charter_version',
  'checkin',
  'comment',
  'contribution',
  'evaluation',
  'evaluation_action',
  'evaluation_template',
  'grant',
  'indicator',
  'invitation',
  'job',
  'milestone',
  'objective',
  'organisation',
  'report',
  'tranche',
  'user',
]);

export const objectLabelKey = (objectType: string): string | null =>
  KNOWN_OBJECTS.has(objectType) ? `admin.audit.objects.${objectType}` : null;
