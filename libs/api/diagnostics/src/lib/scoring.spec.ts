import { DIAGNOSTIC_AXES, ORGANISATION_PROFILES, type DiagnosticAnswer } from '@alliances/shared/contracts';
import { presentQuestionnaire, questionnaireFor, type QuestionnaireDefinition } from './questionnaires';
import { answerErrors, categoryReason, levelOf, scoreDiagnostic } from './scoring';

/** Everyone answers the option `pick` chooses (by default the first one). */
const answer = (q: QuestionnaireDefinition, pick: (options: string[], questionId: string) => string = (o) => o[0]): DiagnosticAnswer[] =>
  q.questions.map((question) => ({
    questionId: question.id,
    optionId: pick(
      question.options.map((o) => o.id),
      question.id,
    ),
  }));
const last = (options: string[]) => options[options.length - 1];

describe('questionnaires', () => {
  const profiles = [...new Set(ORGANISATION_PROFILES.map((p) => questionnaireFor(p)))];

  it('has one questionnaire each for associations, companies, foundations, local authorities, and a generic one for the others', () => {
    expect(profiles.map((q) => q.profile).sort()).toEqual(['association', 'company', 'foundation', 'generic', 'local_authority']);
    expect(questionnaireFor('academic').profile).toBe('generic');
    expect(questionnaireFor('citizen_group').profile).toBe('generic');
    expect(questionnaireFor('public_institution').profile).toBe('generic');
  });

  it.each(profiles.map((q) => [q.profile, q] as const))(
    '%s: 16–20 questions over the four axes, 3–5 options each, stable unique ids, both languages',
    (_, q) => {
      expect(q.questions.length).toBeGreaterThanOrEqual(16);
      expect(q.questions.length).toBeLessThanOrEqual(20);
      expect(new Set(q.questions.map((x) => x.id)).size).toBe(q.questions.length);
      for (const axis of DIAGNOSTIC_AXES) expect(q.questions.filter((x) => x.axis === axis).length).toBeGreaterThanOrEqual(4);
      for (const question of q.questions) {
        expect(question.id.startsWith(`${question.axis}.`)).toBe(true);
        expect(question.options.length).toBeGreaterThanOrEqual(3);
        expect(question.options.length).toBeLessThanOrEqual(5);
        expect(new Set(question.options.map((o) => o.id)).size).toBe(question.options.length);
        for (const text of [question.text, ...question.options.map((o) => o.text)]) {
          expect(text.fr.trim()).not.toBe('');
          expect(text.en.trim()).not.toBe('');
          expect(text.fr).not.toBe(text.en);
        }
      }
      const fr = presentQuestionnaire(q, 'fr');
      expect(fr.axes.map((a) => a.key)).toEqual(DIAGNOSTIC_AXES);
      expect(JSON.stringify(fr)).not.toMatch(/"score"|"tags"/);
    },
  );
});

describe('scoring', () => {
  const association = questionnaireFor('association');

  it('gives the lowest level on every axis, and suggests philanthropy and engagement, to an association answering the first option everywhere', () => {
    const outcome = scoreDiagnostic(association, answer(association));
    expect(outcome.axes).toEqual([
      { key: 'objectives', score: 0, level: 'emerging' },
      { key: 'means', score: 0, level: 'emerging' },
      { key: 'maturity', score: 0, level: 'emerging' },
      // Wishes: a one-off action (1/4), support (1/4), no date yet (0/4).
      { key: 'wishes', score: 17, level: 'emerging' },
    ]);
    expect(outcome.categories).toEqual(['philanthropy']);
    expect(outcome.square).toEqual([]);
    expect(outcome.objectives).toEqual(['engagement']);
  });

  it('gives the highest level on every axis to an association answering the last option everywhere, and suggests societal innovation first', () => {
    const outcome = scoreDiagnostic(association, answer(association, last));
    expect(outcome.axes.map((a) => [a.key, a.score, a.level])).toEqual([
      ['objectives', 100, 'advanced'],
      ['means', 100, 'advanced'],
      ['maturity', 100, 'advanced'],
      ['wishes', 100, 'advanced'],
    ]);
    expect(outcome.categories).toEqual(['societal_innovation', 'responsible_practices']);
    expect(outcome.square).toEqual(['business_model', 'value_proposition', 'positioning', 'processes']);
    expect(outcome.objectives).toEqual(['performance', 'innovation']);
  });

  it('ranks the square by how pressing each part is, and leaves out the parts that are not an issue', () => {
    const company = questionnaireFor('company');
    const squares: Record<string, string> = {
      'objectives.processes': 'e',
      'objectives.positioning': 'c',
      'objectives.business_model': 'b',
      'objectives.value_proposition': 'a',
    };
    const outcome = scoreDiagnostic(
      company,
      answer(company, (o, id) => squares[id] ?? o[1]),
    );
    expect(outcome.square).toEqual(['processes', 'positioning']);
    // (4 + 1 + 2 + 0) / 16.
    expect(outcome.axes[0]).toEqual({ key: 'objectives', score: 44, level: 'developing' });
    expect(outcome.categories[0]).toBe('responsible_practices');
  });

  it('cuts the levels at 25, 50 and 75', () => {
    expect([0, 24, 25, 49, 50, 74, 75, 100].map(levelOf)).toEqual([
      'emerging',
      'emerging',
      'developing',
      'developing',
      'established',
      'established',
      'advanced',
      'advanced',
    ]);
  });

  it('explains a suggestion in the language asked for, with the pace the maturity allows', () => {
    const axes = scoreDiagnostic(association, answer(association)).axes;
    expect(categoryReason('philanthropy', axes, 'fr')).toContain('action courte');
    expect(categoryReason('philanthropy', axes, 'en')).toContain('short, well-bounded action');
  });
});

describe('answer checks', () => {
  const generic = questionnaireFor('generic');

  it('accepts every question answered once with one of its options', () => {
    expect(answerErrors(generic, answer(generic))).toEqual([]);
  });

  it('names each failing question: missing, answered twice, unknown option, unknown question', () => {
    const answers = answer(generic).filter((a) => a.questionId !== 'means.people');
    answers.push({ questionId: 'maturity.experience', optionId: 'b' });
    answers[0] = { questionId: answers[0].questionId, optionId: 'z' };
    answers.push({ questionId: 'objectives.nope', optionId: 'a' });
    expect(answerErrors(generic, answers).map((e) => [e.field, e.codes[0]])).toEqual([
      ['answers.objectives.business_model', 'unknownOption'],
      ['answers.maturity.experience', 'answeredTwice'],
      ['answers.objectives.nope', 'unknownQuestion'],
      ['answers.means.people', 'unanswered'],
    ]);
  });
});
