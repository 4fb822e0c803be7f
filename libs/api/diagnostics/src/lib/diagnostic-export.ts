import { renderPdf } from '@alliances/api/core';
import type {
  CollectiveObjective,
  Diagnostic,
  DiagnosticAxisKey,
  DiagnosticLevel,
  Locale,
  MagicSquare,
  PartnershipCategory,
} from '@alliances/shared/contracts';
import type { Content } from 'pdfmake/interfaces';
import { AXIS_TEXTS } from './questionnaires';

const LABELS = {
  fr: {
    kicker: 'Autodiagnostic partenarial',
    date: 'Réalisé le',
    by: 'par',
    axes: 'Niveaux par axe',
    axis: 'Axe',
    score: 'Score',
    level: 'Niveau',
    previous: 'Précédent',
    change: 'Évolution',
    noPrevious: 'Premier autodiagnostic : pas encore de comparaison.',
    comparedTo: 'Comparé à l’autodiagnostic du',
    categories: 'Catégories de partenariat suggérées',
    square: 'Priorités du carré magique',
    objectives: 'Objectifs collectifs qui vous correspondent',
    none: 'Aucune',
    levels: { emerging: 'émergent', developing: 'en développement', established: 'affirmé', advanced: 'avancé' },
    categoryNames: {
      philanthropy: 'Mécénat et philanthropie',
      responsible_practices: 'Pratiques responsables',
      economic_cooperation: 'Coopération économique',
      societal_innovation: 'Innovation sociétale',
    },
    squareNames: {
      business_model: 'Modèle économique',
      value_proposition: 'Proposition de valeur',
      positioning: 'Positionnement',
      processes: 'Processus',
    },
    objectiveNames: { engagement: 'Engagement', innovation: 'Innovation', territory: 'Territoire', performance: 'Performance' },
  },
  en: {
    kicker: 'Partnership self-diagnostic',
    date: 'Taken on',
    by: 'by',
    axes: 'Levels per axis',
    axis: 'Axis',
    score: 'Score',
    level: 'Level',
    previous: 'Previous',
    change: 'Change',
    noPrevious: 'First self-diagnostic: nothing to compare with yet.',
    comparedTo: 'Compared with the self-diagnostic of',
    categories: 'Suggested partnership categories',
    square: 'Magic-square priorities',
    objectives: 'Collective objectives that suit you',
    none: 'None',
    levels: { emerging: 'emerging', developing: 'developing', established: 'established', advanced: 'advanced' },
    categoryNames: {
      philanthropy: 'Philanthropy and sponsorship',
      responsible_practices: 'Responsible practices',
      economic_cooperation: 'Economic cooperation',
      societal_innovation: 'Societal innovation',
    },
    squareNames: {
      business_model: 'Business model',
      value_proposition: 'Value proposition',
      positioning: 'Positioning',
      processes: 'Processes',
    },
    objectiveNames: { engagement: 'Engagement', innovation: 'Innovation', territory: 'Territory', performance: 'Performance' },
  },
} satisfies Record<
  Locale,
  Record<string, unknown> & {
    levels: Record<DiagnosticLevel, string>;
    categoryNames: Record<PartnershipCategory, string>;
    squareNames: Record<MagicSquare, string>;
    objectiveNames: Record<CollectiveObjective, string>;
  }
>;

const day = (iso: string, locale: Locale) =>
  new Date(iso).toLocaleDateString(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Paris',
  });

/** The diagnostic as a PDF: date, organisation, levels per axis beside the previous diagnostic's, suggestions with their reasons. */
export function diagnosticToPdf(
  organisationName: string,
  diagnostic: Diagnostic,
  previous: Diagnostic | null,
  locale: Locale,
): Promise<Buffer> {
  const l = LABELS[locale];
  const before = (key: DiagnosticAxisKey) => previous?.axes.find((a) => a.key === key);
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  const content: Content[] = [
    { text: l.kicker, fontSize: 10, color: '#555555' },
    { text: organisationName, fontSize: 20, bold: true, margin: [0, 0, 0, 6] },
    {
      text: `${l.date} ${day(diagnostic.createdAt, locale)}${diagnostic.createdBy ? ` ${l.by} ${diagnostic.createdBy.displayName}` : ''}`,
      margin: [0, 0, 0, 12],
    },
    { text: l.axes, fontSize: 14, bold: true, margin: [0, 8, 0, 6] },
    {
      table: {
        headerRows: 1,
        widths: ['*', 'auto', 'auto', ...(previous ? (['auto', 'auto'] as const) : [])],
        body: [
          [l.axis, l.score, l.level, ...(previous ? [l.previous, l.change] : [])].map((text) => ({ text, bold: true })),
          ...diagnostic.axes.map((a) => {
            const p = before(a.key);
            return [
              AXIS_TEXTS[a.key].title[locale],
              `${a.score}/100`,
              l.levels[a.level],
              ...(previous ? [p ? `${p.score}/100 (${l.levels[p.level]})` : '—', p ? signed(a.score - p.score) : '—'] : []),
            ];
          }),
        ],
      },
      layout: 'lightHorizontalLines',
    },
    {
      text: previous ? `${l.comparedTo} ${day(previous.createdAt, locale)}.` : l.noPrevious,
      italics: true,
      fontSize: 9,
      margin: [0, 4, 0, 0],
    },
    { text: l.categories, fontSize: 14, bold: true, margin: [0, 16, 0, 6] },
    ...diagnostic.suggestedCategories.flatMap((c): Content[] => [
      { text: l.categoryNames[c.category], bold: true, margin: [0, 4, 0, 2] },
      { text: c.reason, margin: [0, 0, 0, 4] },
    ]),
    { text: l.square, fontSize: 14, bold: true, margin: [0, 16, 0, 6] },
    diagnostic.suggestedSquare.length ? { ol: diagnostic.suggestedSquare.map((s) => l.squareNames[s]) } : { text: l.none, italics: true },
    { text: l.objectives, fontSize: 14, bold: true, margin: [0, 16, 0, 6] },
    diagnostic.suggestedObjectives.length
      ? { ul: diagnostic.suggestedObjectives.map((o) => l.objectiveNames[o]) }
      : { text: l.none, italics: true },
  ];
  return renderPdf({
    info: { title: `${l.kicker} — ${organisationName} — ${diagnostic.createdAt.slice(0, 10)}` },
    content,
    footer: (page: number, pages: number) => ({
      text: `${organisationName} · ${l.kicker} · ${diagnostic.createdAt.slice(0, 10)} · ${page}/${pages}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 10, 0, 0],
    }),
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.25 },
  });
}
