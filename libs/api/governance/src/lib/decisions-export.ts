import { csvDocument } from '@alliances/api/core';
import type { DecisionSummary } from '@alliances/shared/contracts';

const HEADERS = {
  fr: [
    'Titre',
    'Règle',
    'Statut',
    'Proposée le',
    'Par',
    'Organisation',
    'Clôture prévue',
    'Close le',
    'Pour',
    'Abstention',
    'Contre',
    'Blocage',
    'Sans position',
    'Organisations',
  ],
  en: [
    'Title',
    'Rule',
    'Status',
    'Proposed on',
    'By',
    'Organisation',
    'Closes at',
    'Closed at',
    'Agree',
    'Abstain',
    'Disagree',
    'Block',
    'No position',
    'Organisations',
  ],
};
const WORDS = {
  fr: { consent: 'Consentement', majority: 'Majorité', open: 'Ouverte', adopted: 'Adoptée', rejected: 'Rejetée' },
  en: { consent: 'Consent', majority: 'Majority', open: 'Open', adopted: 'Adopted', rejected: 'Rejected' },
};

/** The decisions register as CSV (UTF-8 with BOM, CRLF, formula-safe cells), in the caller's language. */
export function decisionsToCsv(decisions: DecisionSummary[], locale: 'fr' | 'en'): string {
  const lang = locale === 'en' ? 'en' : 'fr';
  return csvDocument([
    HEADERS[lang],
    ...decisions.map((d) => [
      d.title,
      WORDS[lang][d.rule],
      WORDS[lang][d.status],
      d.createdAt.slice(0, 10),
      d.proposedBy.name ?? '',
      d.proposedBy.organisationName ?? '',
      d.closesAt,
      d.closedAt ?? '',
      d.counts.agree,
      d.counts.abstain,
      d.counts.disagree,
      d.counts.block,
      d.counts.none,
      d.counts.organisations,
    ]),
  ]);
}
