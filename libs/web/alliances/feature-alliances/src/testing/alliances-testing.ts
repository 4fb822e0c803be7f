import type { Alliance, AllianceMember, AllianceSummary } from '@alliances/shared/contracts';
import { translocoTesting } from '@alliances/web/core/testing';

/** Transloco with the root and "alliances" dictionaries, French active; a missing key fails the spec. */
export const translocoWithAlliances = () => translocoTesting({ scopes: ['alliances'] });

export function aSummary(overrides: Partial<AllianceSummary> = {}): AllianceSummary {
  return {
    id: 'a1',
    name: 'Alliance pour les aidants de Lyon',
    purpose: 'Mieux concilier emploi et aide à un proche.',
    category: 'societal_innovation',
    status: 'draft',
    collectiveObjectives: ['engagement', 'territory'],
    domains: ['carers', 'employment'],
    scale: 'local',
    myRoles: [{ organisationId: 'o1', role: 'lead', status: 'active' }],
    updatedAt: '2026-02-01T10:00:00.000Z',
    ...overrides,
  };
}

export function aMember(overrides: Partial<AllianceMember> = {}): AllianceMember {
  return {
    organisationId: 'o1',
    organisationName: 'Les Jardins Partagés',
    organisationProfile: 'association',
    role: 'lead',
    status: 'active',
    objective: null,
    invitedAt: '2026-01-20T10:00:00.000Z',
    respondedAt: '2026-01-20T10:00:00.000Z',
    ...overrides,
  };
}

export function anAlliance(overrides: Partial<Alliance> = {}): Alliance {
  const { myRoles, ...summary } = aSummary();
  return {
    ...summary,
    myRoles,
    territoryCodes: ['69123'],
    territories: [{ code: '69123', name: 'Lyon' }],
    innovationStage: 'experimentation',
    members: [aMember()],
    can: { edit: true, invite: true, writeCharter: true, sign: true },
    version: 1,
    createdAt: '2026-01-20T10:00:00.000Z',
    closedAt: null,
    ...overrides,
  };
}
