import { mean, type AnswerInput, type EvaluationQuestion, type MagicSquare, type SquareServed } from '@alliances/shared/contracts';

/**
 * Does the alliance serve each partner's own magic-square objective (issue 18)? The mean of the square
 * question over the submitted answers of that organisation's people, shown from `threshold`
 * respondents of that organisation only, so nobody can be singled out.
 */
export function squareServed(
  questions: EvaluationQuestion[],
  squares: Record<string, MagicSquare[]> | null,
  responses: { user_id: string; organisation_id: string; answers: AnswerInput[] }[],
  threshold: number,
): SquareServed[] {
  const question = questions.find((q) => q.block === 'magic_square');
  if (!question || !squares) return [];
  return Object.entries(squares).map(([organisationId, square]) => {
    const scores = responses
      .filter((r) => r.organisation_id === organisationId)
      .flatMap((r) => r.answers.filter((a) => a.questionId === question.id).map((a) => a.score));
    return { organisationId, square, respondents: scores.length, mean: scores.length >= threshold ? mean(scores) : null };
  });
}
