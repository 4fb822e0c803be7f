/**
 * The alliance journal: every audit action that can be written for an alliance, grouped by kind
 * (the `kind` filter of `GET /api/alliances/:id/audit`), and the web route of each entry's object.
 * A new alliance-scoped action belongs here, with its sentence under `journal.actions.<action>`.
 */
export const JOURNAL_KINDS = [
  'alliance',
  'charter',
  'objectives',
  'evaluation',
  'funding',
  'comments',
  'proposals',
  'library',
  'governance',
  'meetings',
  'documents',
] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

export const JOURNAL_ACTIONS: Readonly<Record<JournalKind, readonly string[]>> = {
  alliance: [
    'alliance.created',
    'alliance.updated',
    'alliance.closed',
    'alliance.organisation_invited',
    'alliance.invitation_accepted',
    'alliance.invitation_declined',
    'alliance.partner_objective_updated',
    'alliance.external_invitation_sent',
    'alliance.external_invitation_applied',
    'alliance.member_left',
    'alliance.member_removed',
    'alliance.lead_handed_over',
  ],
  charter: ['charter.version_proposed', 'charter.signed', 'charter.changes_requested', 'charter.in_force'],
  objectives: [
    'objective.created',
    'objective.updated',
    'objective.benefit_set',
    'indicator.created',
    'indicator.updated',
    'checkin.created',
    'checkin.corrected',
    'milestone.created',
    'milestone.updated',
    'milestone.done',
  ],
  evaluation: [
    'evaluation.template_copied',
    'evaluation.template_edited',
    'evaluation.launched',
    'evaluation.response_submitted',
    'evaluation.closed',
    'evaluation.action_created',
    'evaluation.schedule_set',
  ],
  funding: [
    'grant.created',
    'tranche.requested',
    'tranche.paid',
    'report.submitted',
    'report.approved',
    'report.returned',
    'contribution.created',
  ],
  comments: ['comment.created', 'comment.updated', 'comment.deleted', 'comment.resolved'],
  proposals: ['proposal.accepted'],
  library: [
    'case_study.prepared',
    'case_study.consented',
    'case_study.consent_withdrawn',
    'case_study.alliance_page_opened',
    'case_study.alliance_page_closed',
    'observatory.requested',
    'observatory.left',
    'observatory.consented',
    'observatory.consent_withdrawn',
  ],
  governance: ['decision.proposed', 'decision.position_set', 'decision.closed', 'action.created', 'action.updated', 'action.done'],
  meetings: [
    'meeting.scheduled',
    'meeting.updated',
    'meeting.cancelled',
    'meeting.attendance_recorded',
    'minutes.finalised',
    'minutes.reopened',
    'minutes.approval_given',
    'minutes.approved',
  ],
  documents: ['document.uploaded', 'document.version_added', 'document.deleted'],
};

/** Every action the journal has a sentence for. */
export const ALLIANCE_JOURNAL_ACTIONS: readonly string[] = JOURNAL_KINDS.flatMap((kind) => JOURNAL_ACTIONS[kind]);

export const journalKindOf = (action: string): JournalKind | null =>
  JOURNAL_KINDS.find((kind) => JOURNAL_ACTIONS[kind].includes(action)) ?? null;

/** The fields of an alliance whose change `alliance.updated` records as `details.changes[field] = { before, after }`. */
export const ALLIANCE_JOURNAL_FIELDS = [
  'name',
  'purpose',
  'category',
  'collectiveObjectives',
  'domains',
  'scale',
  'territoryCodes',
  'innovationStage',
  'status',
] as const;

export interface JournalChange {
  before: unknown;
  after: unknown;
}

/**
 * The web route of an entry's object (path, with a query for a comment), or null when the object has no
 * page of its own besides the alliance home where the journal is read.
 */
export function journalLinkOf(
  allianceId: string,
  entry: { action: string; objectType: string; objectId: string | null; details: Record<string, unknown> | null },
): string | null {
  const alliance = `/alliances/${allianceId}`;
  const id = entry.objectId;
  switch (entry.objectType) {
    case 'charter_version':
      if (entry.action === 'charter.version_proposed') return `${alliance}/charter/versions`;
      if (entry.action === 'charter.in_force') return `${alliance}/charter`;
      return `${alliance}/charter/signatures`;
    case 'objective':
    case 'milestone':
      return `${alliance}/objectives`;
    case 'indicator':
      return id ? `${alliance}/indicators/${id}` : `${alliance}/objectives`;
    case 'checkin': {
      const indicatorId = entry.details?.['indicatorId'];
      return typeof indicatorId === 'string' ? `${alliance}/indicators/${indicatorId}` : `${alliance}/objectives`;
    }
    case 'evaluation':
      if (!id) return `${alliance}/evaluations`;
      return entry.action === 'evaluation.closed' ? `/evaluations/${id}/results` : `/evaluations/${id}`;
    case 'evaluation_template':
    case 'evaluation_action':
      return `${alliance}/evaluations`;
    case 'grant':
    case 'tranche':
    case 'report':
    case 'contribution':
      return `${alliance}/funding`;
    case 'comment':
      return id && entry.action !== 'comment.deleted' ? `${alliance}/discussion?comment=${id}` : `${alliance}/discussion`;
    case 'case_study':
      return `${alliance}/case-study`;
    case 'decision':
      return id ? `${alliance}/decisions/${id}` : `${alliance}/decisions`;
    case 'action':
      return `${alliance}/actions`;
    case 'meeting':
      return id ? `${alliance}/meetings/${id}` : `${alliance}/meetings`;
    case 'document':
      return `${alliance}/documents`;
    default:
      return null;
  }
}
