import {
  COLLECTIVE_OBJECTIVES,
  DIAGNOSTIC_AXES,
  MAGIC_SQUARE,
  PARTNERSHIP_CATEGORIES,
  type CollectiveObjective,
  type DiagnosticAnswer,
  type DiagnosticAxisResult,
  type DiagnosticLevel,
  type FieldError,
  type Locale,
  type MagicSquare,
  type PartnershipCategory,
} from '@alliances/shared/contracts';
import type { DiagnosticTag, QuestionnaireDefinition } from './questionnaires';

/** What a diagnostic concludes, before any text: stored as is, reasons are written in the reader's language. */
export interface DiagnosticOutcome {
  axes: DiagnosticAxisResult[];
  categories: PartnershipCategory[];
  square: MagicSquare[];
  objectives: CollectiveObjective[];
}

/** Each question answered exactly once, with one of its options; otherwise one detail per failing question. */
export function answerErrors(questionnaire: QuestionnaireDefinition, answers: DiagnosticAnswer[]): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (questionId: string, message: string, code: string) =>
    errors.push({ field: `answers.${questionId}`, messages: [`${questionId}: ${message}`], codes: [code] });
  const known = new Map(questionnaire.questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  for (const { questionId, optionId } of answers) {
    const question = known.get(questionId);
    if (!question) fail(questionId, 'no such question in this questionnaire', 'unknownQuestion');
    else if (seen.has(questionId)) fail(questionId, 'answered more than once', 'answeredTwice');
    else if (!question.options.some((o) => o.id === optionId))
      fail(questionId, `"${optionId}" is not an option of this question`, 'unknownOption');
    seen.add(questionId);
  }
  for (const q of questionnaire.questions) if (!seen.has(q.id)) fail(q.id, 'not answered', 'unanswered');
  return errors;
}

/** 0–24 emerging, 25–49 developing, 50–74 established, 75–100 advanced. */
export const levelOf = (score: number): DiagnosticLevel =>
  score < 25 ? 'emerging' : score < 50 ? 'developing' : score < 75 ? 'established' : 'advanced';

/** The keys of `order` with a positive weight, heaviest first (ties keep `order`), at most `max`. */
const heaviest = <K extends DiagnosticTag>(order: readonly K[], weights: Map<DiagnosticTag, number>, max: number): K[] =>
  order
    .filter((k) => (weights.get(k) ?? 0) > 0)
    .sort((a, b) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0))
    .slice(0, max);

/**
 * Levels per axis (the share of the best answers' points the organisation reached) and suggestions
 * (the tags its answers carry, weighed). Expects answers that passed `answerErrors`.
 */
export function scoreDiagnostic(questionnaire: QuestionnaireDefinition, answers: DiagnosticAnswer[]): DiagnosticOutcome {
  const chosen = new Map(answers.map((a) => [a.questionId, a.optionId]));
  const points = new Map(DIAGNOSTIC_AXES.map((k) => [k, { got: 0, max: 0 }]));
  const weights = new Map<DiagnosticTag, number>();
  for (const question of questionnaire.questions) {
    const answer = question.options.find((o) => o.id === chosen.get(question.id));
    if (!answer) continue;
    if (question.scored !== false) {
      const axis = points.get(question.axis);
      if (axis) {
        axis.got += answer.score;
        axis.max += Math.max(...question.options.map((o) => o.score));
      }
    }
    for (const [tag, weight] of Object.entries(answer.tags ?? {}) as [DiagnosticTag, number][])
      weights.set(tag, (weights.get(tag) ?? 0) + weight);
  }
  const axes = DIAGNOSTIC_AXES.map((key) => {
    const { got, max } = points.get(key) ?? { got: 0, max: 0 };
    const score = max ? Math.round((100 * got) / max) : 0;
    return { key, score, level: levelOf(score) };
  });
  const categories = heaviest(PARTNERSHIP_CATEGORIES, weights, 2);
  return {
    axes,
    categories: categories.length ? categories : ['philanthropy'],
    square: heaviest(MAGIC_SQUARE, weights, MAGIC_SQUARE.length),
    objectives: heaviest(COLLECTIVE_OBJECTIVES, weights, 2),
  };
}

const CATEGORY_REASONS: Record<PartnershipCategory, Record<Locale, string>> = {
  philanthropy: {
    fr: 'Vos réponses mettent en avant le soutien (don, mécénat financier, de compétences ou en nature, bénévolat) : une porte d’entrée simple pour nouer une relation et consolider votre modèle économique.',
    en: 'Your answers put support first (donations, financial, skills-based or in-kind sponsorship, volunteering): a simple way in to build a relationship and strengthen your business model.',
  },
  responsible_practices: {
    fr: 'Vos réponses portent sur vos façons de faire (achats, emploi, environnement, organisation) : des pratiques responsables construites avec des partenaires font évoluer vos processus.',
    en: 'Your answers are about your ways of working (purchasing, jobs, environment, organisation): responsible practices built with partners change your processes.',
  },
  economic_cooperation: {
    fr: 'Vos réponses visent une activité ou des ressources partagées : une coopération économique crée de la valeur pour chacun et pour le territoire.',
    en: 'Your answers aim at a shared activity or shared resources: economic cooperation creates value for each partner and for the territory.',
  },
  societal_innovation: {
    fr: 'Vos réponses cherchent des réponses nouvelles à des besoins de société : l’innovation sociétale invente avec d’autres ce qu’aucun ne ferait seul.',
    en: 'Your answers look for new answers to social needs: societal innovation invents with others what none would do alone.',
  },
};

const PACE: Record<DiagnosticLevel, Record<Locale, string>> = {
  emerging: {
    fr: 'Votre maturité partenariale débute : commencez par une action courte et bien délimitée.',
    en: 'Your partnership maturity is just starting: begin with a short, well-bounded action.',
  },
  developing: {
    fr: 'Votre maturité progresse : formalisez la relation dans une convention ou une charte.',
    en: 'Your maturity is growing: set the relationship down in an agreement or a charter.',
  },
  established: {
    fr: 'Votre maturité permet un engagement sur plusieurs années, évalué avec vos partenaires.',
    en: 'Your maturity allows a multi-year commitment, evaluated with your partners.',
  },
  advanced: {
    fr: 'Votre maturité vous permet d’animer une alliance et d’y entraîner d’autres acteurs.',
    en: 'Your maturity lets you lead an alliance and bring other actors along.',
  },
};

/** Why a category is suggested, in `locale`: what the answers point to, and the pace the maturity allows. */
export function categoryReason(category: PartnershipCategory, axes: DiagnosticAxisResult[], locale: Locale): string {
  const maturity = axes.find((a) => a.key === 'maturity')?.level ?? 'emerging';
  return `${CATEGORY_REASONS[category][locale]} ${PACE[maturity][locale]}`;
}
