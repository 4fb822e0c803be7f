/**
 * Which `libs/api/<lib>` owns which table (docs/decisions/0012-table-ownership.md). Every table the
 * migrations of `apps/api/src/database/migrations` create appears here exactly once. A lib names in its
 * SQL, query builders and entity imports only the tables it owns; another domain's rows come through
 * the small reader its owner exports (`ObjectivesReader`, `EvaluationsReader`, `UsersReader`,
 * `AlliancePolicy`, `CharterReader`…). `table-ownership.spec.ts` enforces it.
 */
export const TABLE_OWNERSHIP = {
  identity: [
    'users',
    'refresh_tokens',
    'user_sessions',
    'account_tokens',
    'totp_factors',
    'recovery_codes',
    'mfa_challenges',
    'oidc_identities',
    'oidc_login_states',
  ],
  organisations: ['organisations', 'memberships', 'invitations'],
  alliances: ['alliances', 'alliance_members'],
  charter: ['charter_updates', 'charter_snapshots', 'charter_versions', 'charter_signatures'],
  objectives: ['objectives', 'objective_benefits', 'indicators', 'checkins', 'milestones'],
  evaluations: [
    'evaluation_templates',
    'evaluation_template_questions',
    'evaluation_campaigns',
    'evaluation_participants',
    'evaluation_responses',
    'evaluation_actions',
    'evaluation_summaries',
    'evaluation_schedules',
  ],
  comments: ['comments', 'alliance_sequences', 'comment_events'],
  funding: ['grants', 'grant_reports', 'grant_tranches', 'contributions'],
  library: ['case_studies', 'case_study_consents'],
  notifications: ['notifications', 'notification_preferences', 'notification_digest_times', 'notification_reminders'],
  proposals: ['proposals', 'organisation_blocks', 'catalyst_territories', 'alliance_external_invitations'],
  diagnostics: ['diagnostics'],
  calendar: ['calendar_tokens'],
  governance: ['decisions', 'decision_positions', 'actions'],
  meetings: ['meetings', 'meeting_invitees', 'minutes_updates', 'minutes_snapshots', 'minutes_versions', 'minutes_approvals'],
  documents: ['documents', 'document_versions'],
  observatory: ['observatory_participations', 'observatory_consents', 'observatory_facts', 'observatory_cells'],
  admin: [],
  // Platform tables, not domain tables: the audit trail every domain writes through AuditService, and
  // the Socket.IO PostgreSQL adapter's table.
  core: ['audit_log', 'socket_io_attachments'],
} as const satisfies Record<string, readonly string[]>;

export type TableOwner = keyof typeof TABLE_OWNERSHIP;

/** The lib that owns `table`, or undefined for a table no migration creates (pg_catalog, pgboss…). */
export function tableOwner(table: string): TableOwner | undefined {
  for (const [owner, tables] of Object.entries(TABLE_OWNERSHIP) as [TableOwner, readonly string[]][]) {
    if (tables.includes(table)) return owner;
  }
  return undefined;
}
