import type { EvaluationQuestion } from '@alliances/shared/contracts';
import { nextAfter, rhythmInCharter } from './evaluation-rhythm';
import { OBJECTIVE_BLOCKS, campaignQuestions, questionsFor } from './question-blocks';
import { squareServed } from './square-served';

const template: EvaluationQuestion[] = [
  { id: 't1', position: 0, dimension: 'trust', focus: 'balance', text: { fr: 'Confiance entre nous.', en: 'Trust between us.' } },
];

describe('the blocks per collective objective', () => {
  it('has 2 to 4 questions per objective, in French and English', () => {
    for (const questions of Object.values(OBJECTIVE_BLOCKS)) {
      expect(questions.length).toBeGreaterThanOrEqual(2);
      expect(questions.length).toBeLessThanOrEqual(4);
      for (const q of questions) expect(q.fr.length && q.en.length).toBeGreaterThan(20);
    }
  });

  it('adds the chosen blocks after the template, then the square question, numbered in order', () => {
    const questions = campaignQuestions(template, ['innovation'], true);
    expect(questions.map((q) => q.block ?? null)).toEqual([null, 'innovation', 'innovation', 'innovation', 'magic_square']);
    expect(questions.map((q) => q.position)).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(questions.map((q) => q.id)).size).toBe(5);
  });

  it('words the square question with the organisation’s own objective, and leaves it out without one', () => {
    const questions = campaignQuestions(template, [], true);
    expect(questionsFor(questions, ['business_model', 'processes'])[1].text.fr).toBe(
      'L’alliance sert l’objectif de notre organisation : faire évoluer notre modèle économique et améliorer nos processus.',
    );
    expect(questionsFor(questions, undefined).map((q) => q.id)).toEqual(['t1']);
  });
});

describe('squareServed', () => {
  const questions = campaignQuestions(template, [], true);
  const squareId = questions[1].id;
  const answer = (user: string, org: string, score: number) => ({
    user_id: user,
    organisation_id: org,
    answers: [{ questionId: squareId, score }],
  });

  it('shows an organisation’s mean from the threshold only', () => {
    const served = squareServed(
      questions,
      { a: ['positioning'], b: ['processes'] },
      [answer('1', 'a', 5), answer('2', 'a', 4), answer('3', 'a', 3), answer('4', 'b', 5), answer('5', 'b', 5)],
      3,
    );
    expect(served).toEqual([
      { organisationId: 'a', square: ['positioning'], mean: 4, respondents: 3 },
      { organisationId: 'b', square: ['processes'], mean: null, respondents: 2 },
    ]);
  });
});

describe('the evaluation rhythm', () => {
  it('reads the charter’s words when they are unambiguous', () => {
    expect(rhythmInCharter('Une évaluation partenariale annuelle, en juin.')).toBe('yearly');
    expect(rhythmInCharter('Nous faisons le point tous les six mois.')).toBe('half_yearly');
    expect(rhythmInCharter('We review the partnership twice a year.')).toBe('half_yearly');
    expect(rhythmInCharter('Un bilan bisannuel.')).toBeNull();
    expect(rhythmInCharter('Nous évaluerons ensemble.')).toBeNull();
  });

  it('moves the date on by the rhythm, past today, and keeps month ends', () => {
    expect(nextAfter('2026-12-03', 'yearly', '2026-12-03')).toBe('2027-12-03');
    expect(nextAfter('2026-08-31', 'half_yearly', '2026-09-01')).toBe('2027-02-28');
    expect(nextAfter('2020-01-15', 'yearly', '2026-12-03')).toBe('2027-01-15');
  });
});
