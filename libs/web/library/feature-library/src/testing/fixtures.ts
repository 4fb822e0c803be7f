import type { Alliance, CaseStudy, Indicator, Objective } from '@alliances/shared/contracts';

// Spec-only data: an alliance led by a local authority with a company as partner, as in docs/domain.md "Roles in an alliance".

export const LEAD_ORG = 'org-lyon';
export const PARTNER_ORG = 'org-entreprise';

export function anAlliance(overrides: Partial<Alliance> = {}): Alliance {
  return {
    id: 'all-1',
    name: 'Mobilité des aidants',
    purpose: 'Transport solidaire',
    category: 'societal_innovation',
    status: 'active',
    collectiveObjectives: ['territory'],
    domains: ['mobility', 'carers'],
    scale: 'intercommunal',
    territoryCodes: ['69123'],
    territories: [{ code: '69123', name: 'Lyon' }],
    innovationStage: null,
    members: [
      {
        organisationId: LEAD_ORG,
        organisationName: 'Collectivité de Lyon',
        organisationProfile: 'local_authority',
        role: 'lead',
        status: 'active',
        objective: null,
        invitedAt: '',
        respondedAt: null,
      },
      {
        organisationId: PARTNER_ORG,
        organisationName: 'Entreprise locale',
        organisationProfile: 'company',
        role: 'partner',
        status: 'active',
        objective: null,
        invitedAt: '',
        respondedAt: null,
      },
      {
        organisationId: 'org-fondation',
        organisationName: 'Fondation Horizon',
        organisationProfile: 'foundation',
        role: 'funder',
        status: 'active',
        objective: null,
        invitedAt: '',
        respondedAt: null,
      },
    ],
    myRoles: [{ organisationId: LEAD_ORG, role: 'lead', status: 'active' }],
    can: { edit: true, invite: true, writeCharter: true, sign: true },
    version: 1,
    updatedAt: '2026-03-01T00:00:00.000Z',
    createdAt: '2026-01-01T00:00:00.000Z',
    closedAt: null,
    ...overrides,
  };
}

export function aCaseStudy(overrides: Partial<CaseStudy> = {}): CaseStudy {
  return {
    id: 'cs-1',
    allianceId: 'all-1',
    title: 'Des transports solidaires pour les aidants',
    summary: 'Les collectivités et les entreprises locales organisent ensemble des trajets partagés.',
    category: 'societal_innovation',
    collectiveObjectives: ['territory'],
    domains: ['mobility', 'carers'],
    scale: 'intercommunal',
    territoryCodes: ['69123'],
    partnerProfiles: ['company', 'local_authority'],
    results: [{ indicatorId: 'ind-1', name: 'Trajets partagés', unit: 'trajets', baseline: 0, target: 400, latest: 240 }],
    status: 'awaiting_consent',
    consents: [
      { organisationId: LEAD_ORG, organisationName: 'Collectivité de Lyon', consentedAt: '2026-03-02T10:00:00.000Z' },
      { organisationId: PARTNER_ORG, organisationName: 'Entreprise locale', consentedAt: null },
    ],
    publishedAt: null,
    ...overrides,
  };
}

export function objectivesWithIndicators(): Objective[] {
  // Asserted rather than annotated: the contracts are gaining fields (versions) that these pages do not read.
  const indicator = (id: string, name: string, latest: number | null): Indicator =>
    ({
      id,
      objectiveId: 'obj-1',
      name,
      unit: 'trajets',
      baseline: 0,
      target: 400,
      startDate: '2026-01-01',
      targetDate: '2026-12-31',
      direction: 'increase',
      ownerOrganisationId: LEAD_ORG,
      ownerOrganisationName: 'Collectivité de Lyon',
      latest: latest === null ? null : { value: latest, date: '2026-03-01' },
      progress: latest === null ? null : latest / 400,
      elapsed: 0.2,
      status: 'on_track',
      version: 1,
    }) as Indicator;
  return [
    {
      id: 'obj-1',
      allianceId: 'all-1',
      title: 'Transporter les aidants',
      collectiveObjective: 'territory',
      description: '',
      indicators: [indicator('ind-1', 'Trajets partagés', 240), indicator('ind-2', 'Aidants accompagnés', null)],
      milestones: [],
      progress: 0.6,
      status: 'on_track',
      benefits: [],
      version: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
    } as Objective,
  ];
}
