import { csvDocument, renderPdf } from '@alliances/api/core';
import type { EvaluationDimension, EvaluationResults, Locale } from '@alliances/shared/contracts';
import type { Content } from 'pdfmake/interfaces';

export const DIMENSION_LABELS: Record<EvaluationDimension, { fr: string; en: string }> = {
  shared_vision: { fr: 'Vision partagée', en: 'Shared vision' },
  trust: { fr: 'Confiance', en: 'Trust' },
  governance: { fr: 'Gouvernance', en: 'Governance' },
  communication: { fr: 'Communication', en: 'Communication' },
  balance: { fr: 'Équilibre et réciprocité', en: 'Balance and reciprocity' },
  mutual_understanding: { fr: 'Compréhension mutuelle', en: 'Mutual understanding' },
  common_results: { fr: 'Résultats sur l’objectif commun', en: 'Results on the common objective' },
  partner_performance: { fr: 'Performance des partenaires', en: 'Partners’ performance' },
  partner_innovation: { fr: 'Innovation des partenaires', en: 'Partners’ innovation' },
  partner_engagement: { fr: 'Engagement des personnes', en: 'People’s engagement' },
  ecosystem_territory: { fr: 'Territoire', en: 'Territory' },
  ecosystem_beneficiaries: { fr: 'Bénéficiaires', en: 'Beneficiaries' },
  ecosystem_trust: { fr: 'Confiance dans l’écosystème', en: 'Trust in the ecosystem' },
};

const num = (n: number | null): string => (n === null ? '' : n.toFixed(2));

/** One line per dimension, then per question: means, distribution, each organisation's mean (or blank below the threshold). */
export function resultsToCsv(
  results: EvaluationResults,
  organisations: { organisationId: string; organisationName: string }[],
  locale: Locale,
): string {
  const orgNames = organisations.map((o) => o.organisationName);
  const header = ['level', 'dimension', 'question', 'mean', 'n1', 'n2', 'n3', 'n4', 'n5', 'gap', ...orgNames];
  const lines: string[][] = [header];
  for (const d of results.dimensions) {
    lines.push([
      'dimension',
      DIMENSION_LABELS[d.key][locale],
      '',
      num(d.mean),
      ...d.distribution.map(String),
      num(d.gap),
      ...organisations.map((o) => num(d.byOrganisation.find((b) => b.organisationId === o.organisationId)?.mean ?? null)),
    ]);
  }
  for (const q of results.questions) {
    lines.push([
      'question',
      DIMENSION_LABELS[q.dimension][locale],
      q.text[locale],
      num(q.mean),
      ...q.distribution.map(String),
      num(q.gap),
      ...organisations.map((o) => num(q.byOrganisation.find((b) => b.organisationId === o.organisationId)?.mean ?? null)),
    ]);
  }
  return csvDocument(lines);
}

export function resultsToPdf(title: string, allianceName: string, results: EvaluationResults, locale: Locale): Promise<Buffer> {
  const fr = locale === 'fr';
  const organisations = results.dimensions[0]?.byOrganisation ?? [];
  const content: Content[] = [
    { text: fr ? 'Résultats de l’évaluation partenariale' : 'Partnership evaluation results', fontSize: 10, color: '#555555' },
    { text: `${allianceName} — ${title}`, fontSize: 18, bold: true, margin: [0, 0, 0, 6] },
    {
      text: `${fr ? 'Répondants' : 'Respondents'} : ${results.respondents} · ${fr ? 'moyenne par organisation affichée à partir de' : 'organisation means shown from'} ${results.minRespondents} ${fr ? 'répondants' : 'respondents'}`,
      margin: [0, 0, 0, 12],
    },
    {
      table: {
        headerRows: 1,
        widths: ['*', 'auto', 'auto', ...organisations.map(() => 'auto' as const)],
        body: [
          [
            fr ? 'Dimension' : 'Dimension',
            fr ? 'Moyenne' : 'Mean',
            fr ? 'Écart' : 'Gap',
            ...organisations.map((o) => o.organisationName),
          ].map((t) => ({ text: t, bold: true })),
          ...results.dimensions.map((d) => [
            DIMENSION_LABELS[d.key][locale],
            num(d.mean) || '—',
            num(d.gap) || '—',
            ...organisations.map((o) => num(d.byOrganisation.find((b) => b.organisationId === o.organisationId)?.mean ?? null) || '—'),
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    },
  ];
  const commented = results.questions.filter((q) => q.comments.length);
  if (commented.length) {
    content.push({ text: fr ? 'Commentaires (anonymes)' : 'Comments (anonymous)', fontSize: 14, bold: true, margin: [0, 16, 0, 6] });
    for (const q of commented) content.push({ text: q.text[locale], bold: true, margin: [0, 6, 0, 2] }, { ul: q.comments });
  }
  return renderPdf({
    content,
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    pageOrientation: organisations.length > 3 ? 'landscape' : 'portrait',
  });
}
