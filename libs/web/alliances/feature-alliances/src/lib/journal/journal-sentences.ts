import { ALLIANCE_JOURNAL_ACTIONS, type AllianceAuditEntry, type JournalChange } from '@alliances/shared/contracts';

/** A translate function, as Transloco's `t` in a template. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

const KNOWN: ReadonlySet<string> = new Set(ALLIANCE_JOURNAL_ACTIONS);
const LONG_TEXT = 80;

/** The key of an action's sentence: every known action has one under `journal.actions`, the others a generic one. */
export const sentenceKey = (action: string): string => (KNOWN.has(action) ? `journal.actions.${action}` : 'journal.other');

/** What a person reads to open an entry's object, by its type. */
const OPEN_KEYS: Record<string, string> = {
  charter_version: 'journal.open.charter',
  objective: 'journal.open.objectives',
  milestone: 'journal.open.objectives',
  indicator: 'journal.open.indicator',
  checkin: 'journal.open.indicator',
  evaluation: 'journal.open.evaluation',
  evaluation_template: 'journal.open.evaluations',
  evaluation_action: 'journal.open.evaluations',
  grant: 'journal.open.funding',
  tranche: 'journal.open.funding',
  report: 'journal.open.funding',
  contribution: 'journal.open.funding',
  comment: 'journal.open.comment',
  case_study: 'journal.open.caseStudy',
};
export const openKey = (objectType: string): string => OPEN_KEYS[objectType] ?? 'journal.open.other';

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
const shorten = (value: string): string => (value.length > LONG_TEXT ? `${value.slice(0, LONG_TEXT - 1).trimEnd()}…` : value);

/** One value of an alliance field, in words (enum values through the alliances dictionary). */
function valueOf(field: string, value: unknown, t: Translate): string {
  const one = (v: unknown): string => {
    const s = String(v);
    switch (field) {
      case 'category':
        return t(`alliances.categories.${s}.label`);
      case 'collectiveObjectives':
        return t(`alliances.objectiveOptions.${s}.label`);
      case 'domains':
        return t(`alliances.domains.${s}`);
      case 'scale':
        return t(`alliances.scales.${s}`);
      case 'innovationStage':
        return t(`alliances.stages.${s}`);
      case 'status':
        return t(`alliances.status.${s}`);
      default:
        return shorten(s);
    }
  };
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return t('journal.none');
  return Array.isArray(value) ? value.map(one).join(', ') : one(value);
}

const FIELDS = new Set([
  'name',
  'purpose',
  'category',
  'collectiveObjectives',
  'domains',
  'scale',
  'territoryCodes',
  'innovationStage',
  'status',
]);

/**
 * The sentences of one journal entry, in the active language: who did what, with the details the
 * entry recorded. A change of the alliance gives one sentence per field changed, before → after.
 */
export function journalSentences(entry: AllianceAuditEntry, t: Translate, lang: string): string[] {
  const details = entry.details ?? {};
  const actor = entry.actorName || t('journal.someone');
  const organisation = text(details['organisationName']) || entry.organisationName || t('journal.anOrganisation');
  const changes = details['changes'] as Record<string, JournalChange> | undefined;
  if (entry.action === 'alliance.updated' && changes && typeof changes === 'object') {
    const lines = Object.entries(changes)
      .filter(([field]) => FIELDS.has(field))
      .map(([field, change]) =>
        t('journal.changed', {
          actor,
          field: t(`journal.fields.${field}`),
          before: valueOf(field, change?.before, t),
          after: valueOf(field, change?.after, t),
        }),
      );
    if (lines.length) return lines;
  }
  if (entry.action === 'alliance.closed' && text(details['note']))
    return [t('journal.variants.closedWithNote', { actor, note: shorten(String(details['note'])) })];
  if (entry.action === 'evaluation.closed' && details['by'] === 'schedule') return [t('journal.variants.evaluationClosedOnSchedule')];
  const role = text(details['role']);
  const amount = typeof details['amount'] === 'number' ? details['amount'] : Number(details['amount']);
  const params = {
    actor,
    organisation,
    role: role ? t(`alliances.roles.${role}`).toLocaleLowerCase(lang) : '',
    version: details['version'] ?? '',
    value: details['value'] ?? '',
    invited: details['invited'] ?? '',
    email: text(details['email']) ?? '',
    from: text(details['fromOrganisationName']) ?? t('journal.anOrganisation'),
    to: text(details['toOrganisationName']) ?? t('journal.anOrganisation'),
    amount: Number.isFinite(amount)
      ? new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
          style: 'currency',
          currency: text(details['currency']) ?? 'EUR',
          maximumFractionDigits: 0,
        }).format(amount)
      : '',
  };
  return [t(sentenceKey(entry.action), params)];
}
