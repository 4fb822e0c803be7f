import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALLIANCE_JOURNAL_ACTIONS, JOURNAL_KINDS, type AllianceAuditEntry } from '@alliances/shared/contracts';
import { journalSentences, sentenceKey, type Translate } from './journal-sentences';

const I18N = join(__dirname, '../../../../../../../apps/web/public/i18n');
type Dictionary = Record<string, unknown>;
const read = (file: string): Dictionary => JSON.parse(readFileSync(join(I18N, file), 'utf8')) as Dictionary;
const lookup = (dictionary: Dictionary, key: string): unknown => {
  // Action keys hold a dot ("journal.actions.tranche.paid"): the action is one key.
  const actions = key.match(/^journal\.actions\.(.+)$/);
  if (actions) return ((dictionary['journal'] as Dictionary)['actions'] as Dictionary)[actions[1]];
  return key.split('.').reduce<unknown>((node, part) => (node as Dictionary | undefined)?.[part], dictionary);
};

/** A translate function over the real dictionaries (root and alliances scope), as Transloco fills `{{ params }}`. */
function translator(lang: 'fr' | 'en'): Translate {
  const dictionary = { ...read(`${lang}.json`), alliances: read(`alliances/${lang}.json`) };
  return (key, params = {}) => {
    const text = lookup(dictionary, key);
    if (typeof text !== 'string') throw new Error(`Missing translation (${lang}): ${key}`);
    return text.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(params[name] ?? ''));
  };
}

const entry = (overrides: Partial<AllianceAuditEntry>): AllianceAuditEntry => ({
  id: 'e1',
  at: '2026-02-01T10:00:00.000Z',
  actorName: 'Marie Dupont',
  action: 'alliance.created',
  objectType: 'alliance',
  objectId: 'a1',
  details: null,
  organisationName: 'Les Jardins Partagés',
  link: null,
  ...overrides,
});

describe('journal sentences', () => {
  it.each(['fr', 'en'] as const)('has a %s sentence for every action the API writes for an alliance, with who and no raw code', (lang) => {
    const t = translator(lang);
    expect(ALLIANCE_JOURNAL_ACTIONS.length).toBeGreaterThan(40);
    for (const action of ALLIANCE_JOURNAL_ACTIONS) {
      expect(sentenceKey(action)).toBe(`journal.actions.${action}`);
      const [sentence] = journalSentences(entry({ action, details: { version: 2, role: 'partner', amount: 5000 } }), t, lang);
      expect(sentence).toContain('Marie Dupont');
      expect(sentence).not.toContain(action);
    }
    for (const kind of ['all', ...JOURNAL_KINDS]) expect(typeof t(`journal.kinds.${kind}`)).toBe('string');
  });

  it('tells an unknown action in a readable generic sentence', () => {
    expect(journalSentences(entry({ action: 'alliance.something_new' }), translator('fr'), 'fr')).toEqual([
      "Marie Dupont a fait une modification dans l'alliance.",
    ]);
    expect(journalSentences(entry({ action: 'alliance.something_new', actorName: null }), translator('en'), 'en')).toEqual([
      'Someone made a change in the alliance.',
    ]);
  });

  it('says what changed in the alliance, before → after, with the words of the interface', () => {
    const changed = entry({
      action: 'alliance.updated',
      details: {
        fields: ['category', 'domains', 'innovationStage'],
        changes: {
          category: { before: 'philanthropy', after: 'societal_innovation' },
          domains: { before: ['carers'], after: ['carers', 'employment'] },
          innovationStage: { before: null, after: 'emergence' },
        },
      },
    });
    expect(journalSentences(changed, translator('fr'), 'fr')).toEqual([
      'Marie Dupont a changé la catégorie : Mécénat → Innovation sociétale',
      'Marie Dupont a changé les domaines : Aidants → Aidants, Emploi',
      "Marie Dupont a changé le stade d'innovation : (aucun) → Émergence",
    ]);
    expect(journalSentences(changed, translator('en'), 'en')[0]).toBe(
      'Marie Dupont changed the category: Philanthropy → Societal innovation',
    );
    // An entry written before changes were recorded still reads as a sentence.
    expect(journalSentences(entry({ action: 'alliance.updated', details: { fields: ['name'] } }), translator('fr'), 'fr')).toEqual([
      "Marie Dupont a modifié l'alliance.",
    ]);
  });

  it('names the organisations of membership changes', () => {
    const t = translator('fr');
    expect(
      journalSentences(entry({ action: 'alliance.member_removed', details: { organisationName: 'Transports Rhône SA' } }), t, 'fr'),
    ).toEqual(["Marie Dupont a retiré Transports Rhône SA de l'alliance."]);
    expect(
      journalSentences(
        entry({ action: 'alliance.lead_handed_over', details: { fromOrganisationName: 'Les Jardins', toOrganisationName: 'Horizon' } }),
        t,
        'fr',
      ),
    ).toEqual(['Marie Dupont a transmis le pilotage de Les Jardins à Horizon.']);
    expect(journalSentences(entry({ action: 'alliance.closed', details: { note: 'Objectifs atteints' } }), t, 'fr')).toEqual([
      "Marie Dupont a clos l'alliance : « Objectifs atteints »",
    ]);
    expect(journalSentences(entry({ action: 'alliance.organisation_invited', details: { role: 'funder' } }), t, 'fr')).toEqual([
      'Marie Dupont a invité Les Jardins Partagés comme financeur.',
    ]);
  });
});
