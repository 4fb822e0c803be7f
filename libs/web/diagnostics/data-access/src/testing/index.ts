import type { Diagnostic } from '@alliances/shared/contracts';

/** A diagnostic as the API returns it; override what the test is about. */
export function aDiagnostic(overrides: Partial<Diagnostic> = {}): Diagnostic {
  return {
    id: 'd0000000-0000-4000-8000-000000000001',
    organisationId: '0b4a7c1e-0000-4000-8000-000000000001',
    profile: 'association',
    createdAt: '2026-10-01T09:00:00.000Z',
    createdBy: { userId: 'u1', displayName: 'Camille Martin' },
    axes: [
      { key: 'objectives', score: 44, level: 'developing' },
      { key: 'means', score: 30, level: 'developing' },
      { key: 'maturity', score: 20, level: 'emerging' },
      { key: 'wishes', score: 67, level: 'established' },
    ],
    suggestedCategories: [
      { category: 'societal_innovation', reason: 'Vos réponses cherchent des réponses nouvelles à des besoins de société.' },
      { category: 'philanthropy', reason: 'Vos réponses mettent en avant le soutien.' },
    ],
    suggestedSquare: ['value_proposition', 'business_model'],
    suggestedObjectives: ['territory', 'engagement'],
    answers: [],
    ...overrides,
  };
}
