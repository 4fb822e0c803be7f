import type { EvaluationDimension, EvaluationFocus } from '@alliances/shared/contracts';

export const DEFAULT_TEMPLATE_ID = '00000000-0000-4000-8000-00000000e001';

/**
 * The default questionnaire: the dimensions of docs/domain.md "Templates, dimensions and focuses",
 * each question tagged with one of Le RAMEAU's three things to evaluate (produit, équilibre,
 * valorisation des participations).
 * Answers are Likert 1 (pas du tout d'accord) to 5 (tout à fait d'accord).
 */
export const DEFAULT_QUESTIONS: { dimension: EvaluationDimension; focus: EvaluationFocus; fr: string; en: string }[] = [
  {
    dimension: 'shared_vision',
    focus: 'balance',
    fr: 'Les partenaires partagent une vision claire de ce que l’alliance veut accomplir.',
    en: 'The partners share a clear vision of what the alliance wants to achieve.',
  },
  {
    dimension: 'shared_vision',
    focus: 'product',
    fr: 'L’objectif commun reste pertinent au regard des besoins du territoire.',
    en: 'The common objective remains relevant to the needs of the territory.',
  },
  {
    dimension: 'trust',
    focus: 'balance',
    fr: 'Je fais confiance aux autres partenaires pour tenir leurs engagements.',
    en: 'I trust the other partners to keep their commitments.',
  },
  {
    dimension: 'trust',
    focus: 'balance',
    fr: 'Les difficultés peuvent être dites franchement entre partenaires.',
    en: 'Difficulties can be raised openly between partners.',
  },
  {
    dimension: 'governance',
    focus: 'balance',
    fr: 'Les décisions sont prises de manière transparente et partagée.',
    en: 'Decisions are made in a transparent and shared way.',
  },
  {
    dimension: 'governance',
    focus: 'product',
    fr: 'Le rythme et le format des instances de pilotage conviennent.',
    en: 'The rhythm and format of steering meetings are right.',
  },
  {
    dimension: 'communication',
    focus: 'balance',
    fr: 'L’information circule bien entre les partenaires.',
    en: 'Information flows well between the partners.',
  },
  {
    dimension: 'communication',
    focus: 'contribution_value',
    fr: 'La communication externe sur l’alliance valorise chacun des partenaires.',
    en: 'External communication about the alliance gives each partner due credit.',
  },
  {
    dimension: 'balance',
    focus: 'balance',
    fr: 'Les apports de chaque partenaire sont équilibrés au regard de ce qu’il en retire.',
    en: 'Each partner’s contributions are balanced with what it gains.',
  },
  {
    dimension: 'balance',
    focus: 'contribution_value',
    fr: 'Les contributions non financières (temps, compétences, matériel) sont reconnues à leur juste valeur.',
    en: 'Non-financial contributions (time, skills, material) are recognised at their true value.',
  },
  {
    dimension: 'mutual_understanding',
    focus: 'balance',
    fr: 'Je comprends les contraintes et le modèle des autres partenaires.',
    en: 'I understand the other partners’ constraints and model.',
  },
  {
    dimension: 'mutual_understanding',
    focus: 'balance',
    fr: 'Les autres partenaires comprennent les contraintes et le modèle de mon organisation.',
    en: 'The other partners understand my organisation’s constraints and model.',
  },
  {
    dimension: 'common_results',
    focus: 'product',
    fr: 'L’alliance progresse vers son objectif commun.',
    en: 'The alliance is making progress toward its common objective.',
  },
  {
    dimension: 'common_results',
    focus: 'product',
    fr: 'Les actions prévues sont réalisées dans les délais.',
    en: 'Planned actions are delivered on time.',
  },
  {
    dimension: 'common_results',
    focus: 'product',
    fr: 'Nous obtenons ensemble des résultats qu’aucun partenaire n’aurait obtenus seul.',
    en: 'Together we achieve results no partner would have achieved alone.',
  },
  {
    dimension: 'partner_performance',
    focus: 'contribution_value',
    fr: 'L’alliance améliore la performance économique ou organisationnelle de mon organisation.',
    en: 'The alliance improves my organisation’s economic or organisational performance.',
  },
  {
    dimension: 'partner_innovation',
    focus: 'contribution_value',
    fr: 'L’alliance fait naître des innovations dans mon organisation.',
    en: 'The alliance sparks innovations within my organisation.',
  },
  {
    dimension: 'partner_engagement',
    focus: 'contribution_value',
    fr: 'L’alliance renforce l’engagement des personnes de mon organisation.',
    en: 'The alliance strengthens the engagement of people in my organisation.',
  },
  {
    dimension: 'partner_engagement',
    focus: 'contribution_value',
    fr: 'Les équipes de mon organisation connaissent l’alliance et s’y investissent.',
    en: 'Teams in my organisation know the alliance and take part in it.',
  },
  {
    dimension: 'ecosystem_territory',
    focus: 'product',
    fr: 'L’alliance a un effet visible sur le territoire.',
    en: 'The alliance has a visible effect on the territory.',
  },
  {
    dimension: 'ecosystem_territory',
    focus: 'product',
    fr: 'L’alliance contribue à faire travailler ensemble des acteurs qui ne se parlaient pas.',
    en: 'The alliance brings together actors who did not work together before.',
  },
  {
    dimension: 'ecosystem_beneficiaries',
    focus: 'product',
    fr: 'Les bénéficiaires constatent une amélioration de leur situation.',
    en: 'Beneficiaries see their situation improve.',
  },
  {
    dimension: 'ecosystem_beneficiaries',
    focus: 'product',
    fr: 'Les bénéficiaires sont associés à l’alliance.',
    en: 'Beneficiaries are involved in the alliance.',
  },
  {
    dimension: 'ecosystem_trust',
    focus: 'balance',
    fr: 'L’alliance renforce la confiance entre les acteurs de notre écosystème.',
    en: 'The alliance strengthens trust among the actors of our ecosystem.',
  },
];
