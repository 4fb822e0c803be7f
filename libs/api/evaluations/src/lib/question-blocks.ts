import { randomUUID } from 'node:crypto';
import type {
  CollectiveObjective,
  EvaluationDimension,
  EvaluationFocus,
  EvaluationQuestion,
  MagicSquare,
} from '@alliances/shared/contracts';

type BlockQuestion = { dimension: EvaluationDimension; focus: EvaluationFocus; fr: string; en: string };

/**
 * The questions added at launch for each collective objective the alliance pursues (issue 18), after
 * Le RAMEAU's research notebooks "Alliance & Engagement / Innovation / Territoires / Performance".
 * Likert 1 (pas du tout d'accord) to 5 (tout à fait d'accord), like the default template.
 */
export const OBJECTIVE_BLOCKS: Record<CollectiveObjective, BlockQuestion[]> = {
  engagement: [
    {
      dimension: 'partner_engagement',
      focus: 'product',
      fr: 'L’alliance donne aux personnes de mon organisation l’envie de s’engager au-delà de leurs missions habituelles.',
      en: 'The alliance makes the people of my organisation want to get involved beyond their usual roles.',
    },
    {
      dimension: 'partner_engagement',
      focus: 'contribution_value',
      fr: 'L’engagement de chaque organisation dans l’alliance est reconnu et valorisé par les autres partenaires.',
      en: 'Each organisation’s commitment to the alliance is recognised and valued by the other partners.',
    },
    {
      dimension: 'ecosystem_trust',
      focus: 'product',
      fr: 'Grâce à l’alliance, des personnes et des organisations qui ne se parlaient pas agissent désormais ensemble.',
      en: 'Thanks to the alliance, people and organisations that did not talk to each other now act together.',
    },
  ],
  innovation: [
    {
      dimension: 'partner_innovation',
      focus: 'product',
      fr: 'L’alliance fait émerger des réponses nouvelles à des besoins qui n’étaient pas couverts.',
      en: 'The alliance brings out new answers to needs that were not met.',
    },
    {
      dimension: 'partner_innovation',
      focus: 'balance',
      fr: 'Les partenaires acceptent de prendre ensemble le risque d’expérimenter, et d’en tirer les leçons.',
      en: 'The partners accept to take the risk of experimenting together, and to learn from it.',
    },
    {
      dimension: 'partner_innovation',
      focus: 'contribution_value',
      fr: 'Ce que nous apprenons dans l’alliance nourrit l’innovation au sein de mon organisation.',
      en: 'What we learn in the alliance feeds innovation within my organisation.',
    },
  ],
  territory: [
    {
      dimension: 'ecosystem_territory',
      focus: 'product',
      fr: 'L’alliance contribue à un projet de territoire partagé avec les acteurs locaux.',
      en: 'The alliance contributes to a territorial project shared with local actors.',
    },
    {
      dimension: 'ecosystem_territory',
      focus: 'balance',
      fr: 'Les acteurs publics, économiques et associatifs du territoire sont associés aux décisions qui les concernent.',
      en: 'The public, business and non-profit actors of the territory take part in the decisions that concern them.',
    },
    {
      dimension: 'ecosystem_beneficiaries',
      focus: 'product',
      fr: 'Les habitants et les bénéficiaires du territoire voient une différence concrète grâce à l’alliance.',
      en: 'The inhabitants and beneficiaries of the territory see a concrete difference thanks to the alliance.',
    },
  ],
  performance: [
    {
      dimension: 'partner_performance',
      focus: 'contribution_value',
      fr: 'L’alliance améliore la performance économique ou organisationnelle de mon organisation.',
      en: 'The alliance improves my organisation’s economic or organisational performance.',
    },
    {
      dimension: 'partner_performance',
      focus: 'balance',
      fr: 'Les moyens que chaque partenaire engage sont en rapport avec ce qu’il en retire.',
      en: 'What each partner puts in is in proportion to what it gets out.',
    },
    {
      dimension: 'common_results',
      focus: 'product',
      fr: 'Les résultats obtenus ensemble justifient le temps et les moyens que nous y consacrons.',
      en: 'The results achieved together justify the time and resources we devote to them.',
    },
  ],
};

/** How the magic-square objectives read inside the square question's sentence. */
export const SQUARE_LABELS: Record<MagicSquare, { fr: string; en: string }> = {
  business_model: { fr: 'faire évoluer notre modèle économique', en: 'evolving our business model' },
  value_proposition: { fr: 'enrichir notre proposition de valeur', en: 'enriching our value proposition' },
  positioning: { fr: 'renforcer notre positionnement', en: 'strengthening our positioning' },
  processes: { fr: 'améliorer nos processus', en: 'improving our processes' },
};

/** As stored in the campaign (and shown in the results): the generic wording. */
const SQUARE_QUESTION = {
  fr: 'L’alliance sert l’objectif de notre organisation sur le carré magique.',
  en: 'The alliance serves our organisation’s objective on the magic square.',
};

/** The campaign's questions: the template's, then each chosen block, then the magic-square question when a partner has such an objective. */
export function campaignQuestions(
  template: EvaluationQuestion[],
  blocks: CollectiveObjective[],
  withSquareQuestion: boolean,
): EvaluationQuestion[] {
  const added: Omit<EvaluationQuestion, 'position'>[] = blocks.flatMap((block) =>
    OBJECTIVE_BLOCKS[block].map((q) => ({ id: randomUUID(), dimension: q.dimension, focus: q.focus, text: { fr: q.fr, en: q.en }, block })),
  );
  if (withSquareQuestion)
    added.push({
      id: randomUUID(),
      dimension: 'partner_performance',
      focus: 'contribution_value',
      text: SQUARE_QUESTION,
      block: 'magic_square',
    });
  return [
    ...template.map(({ block: _block, square: _square, ...q }) => q),
    ...added.map((q, i) => ({ ...q, position: template.length + i })),
  ];
}

/**
 * The questions whose scores enter the results' questions and every mean (dimension, focus, group, profile,
 * trend, observatory): all but the magic-square question, a per-organisation question that only `squareServed`
 * reports, per organisation and from the respondent threshold (otherwise one respondent's score would show).
 */
export function scoredQuestions(questions: EvaluationQuestion[]): EvaluationQuestion[] {
  return questions.filter((q) => q.block !== 'magic_square');
}

/** Joins "a", "a et b", "a, b et c". */
function list(parts: string[], and: string): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`;
}

/**
 * The questions as one respondent sees them: the magic-square question names the objective of their
 * own organisation, and is left out for an organisation without one.
 */
export function questionsFor(questions: EvaluationQuestion[], square: MagicSquare[] | undefined): EvaluationQuestion[] {
  return questions.flatMap((q) => {
    if (q.block !== 'magic_square') return [q];
    if (!square?.length) return [];
    return [
      {
        ...q,
        square,
        text: {
          fr: `L’alliance sert l’objectif de notre organisation : ${list(
            square.map((s) => SQUARE_LABELS[s].fr),
            'et',
          )}.`,
          en: `The alliance serves our organisation’s objective: ${list(
            square.map((s) => SQUARE_LABELS[s].en),
            'and',
          )}.`,
        },
      },
    ];
  });
}
