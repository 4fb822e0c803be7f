import type { Alliance, BenefitMatrix, IndicatorDetail, Objective } from '@alliances/shared/contracts';

export const ALLIANCE = {
  id: 'all-1',
  name: 'Emploi en Val de Saône',
  collectiveObjectives: ['territory'],
  members: [
    { organisationId: 'org-lead', organisationName: 'Les Jardins Partagés', role: 'lead', status: 'active' },
    { organisationId: 'org-partner', organisationName: 'Boulangerie Martin', role: 'partner', status: 'active' },
  ],
  myRoles: [{ organisationId: 'org-partner', role: 'partner', status: 'active' }],
  can: { edit: false, invite: false, writeCharter: true, sign: true },
} as unknown as Alliance;

export const INDICATOR: IndicatorDetail = {
  id: 'ind-1',
  objectiveId: 'obj-1',
  name: 'Personnes accompagnées vers l’emploi',
  unit: 'personnes',
  baseline: 0,
  target: 200,
  startDate: '2026-01-01',
  targetDate: '2026-12-31',
  direction: 'increase',
  ownerOrganisationId: 'org-lead',
  ownerOrganisationName: 'Les Jardins Partagés',
  latest: null,
  progress: null,
  elapsed: 0.5,
  status: 'no_data',
  version: 1,
  checkIns: [],
  planned: [
    { date: '2026-01-01', value: 0 },
    { date: '2026-07-01', value: 100 },
    { date: '2026-12-31', value: 200 },
  ],
};

export const OBJECTIVES: Objective[] = [
  {
    id: 'obj-1',
    allianceId: 'all-1',
    title: 'Accompagner 200 personnes',
    collectiveObjective: 'territory',
    description: 'Vers un emploi durable.',
    indicators: [{ ...INDICATOR, latest: { value: 130, date: '2026-06-01' }, progress: 0.65, status: 'on_track' }],
    milestones: [
      {
        id: 'm-1',
        objectiveId: 'obj-1',
        title: 'Forum de l’emploi',
        ownerOrganisationId: 'org-lead',
        dueDate: '2026-03-01',
        done: false,
        doneAt: null,
        overdue: true,
      },
    ],
    progress: 0.65,
    status: 'on_track',
    benefits: [],
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
  },
  {
    id: 'obj-2',
    allianceId: 'all-1',
    title: 'Dépasser les objectifs de vente locale',
    collectiveObjective: 'performance',
    description: '',
    indicators: [],
    milestones: [],
    progress: 1.4,
    status: 'achieved',
    benefits: [],
    version: 1,
    createdAt: '2026-01-02T00:00:00.000Z',
  },
];

export const MATRIX: BenefitMatrix = {
  partners: [
    { organisationId: 'org-lead', organisationName: 'Les Jardins Partagés', role: 'lead' },
    { organisationId: 'org-partner', organisationName: 'Boulangerie Martin', role: 'partner' },
  ],
  objectives: [{ id: 'obj-1', title: 'Accompagner 200 personnes', collectiveObjective: 'territory' }],
  cells: { 'obj-1': { 'org-lead': ['positioning', 'processes'] } },
  partnersWithoutBenefit: ['org-partner'],
};
