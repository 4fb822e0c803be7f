import type { Alliance, Contribution, Grant, Portfolio } from '@alliances/shared/contracts';

export const ALLIANCE = {
  id: 'all-1',
  name: 'Aidants du Rhône',
  members: [
    {
      organisationId: 'org-lead',
      organisationName: 'Association Pilote',
      organisationProfile: 'association',
      role: 'lead',
      status: 'active',
    },
    {
      organisationId: 'org-fund',
      organisationName: 'Fondation Solidaire',
      organisationProfile: 'foundation',
      role: 'funder',
      status: 'active',
    },
  ],
  myRoles: [{ organisationId: 'org-fund', role: 'funder', status: 'active' }],
  can: { edit: false, invite: false, writeCharter: false, sign: false },
} as unknown as Alliance;

export const PARTNER_VIEW = {
  ...ALLIANCE,
  myRoles: [{ organisationId: 'org-lead', role: 'lead', status: 'active' }],
  can: { edit: true, invite: true, writeCharter: true, sign: true },
} as unknown as Alliance;

export const GRANT: Grant = {
  id: 'g-1',
  allianceId: 'all-1',
  funderOrganisationId: 'org-fund',
  funderOrganisationName: 'Fondation Solidaire',
  amount: 50_000,
  currency: 'EUR',
  startsOn: '2026-01-01',
  endsOn: '2027-12-31',
  conditions: 'Rapport annuel',
  tranches: [
    { id: 't-1', amount: 20_000, dueOn: '2026-02-01', status: 'paid', requiresReportId: null, paidAt: '2026-02-03T10:00:00.000Z' },
    { id: 't-2', amount: 30_000, dueOn: '2026-09-01', status: 'requested', requiresReportId: 'r-1', paidAt: null },
  ],
  reports: [
    {
      id: 'r-1',
      title: 'Rapport intermédiaire',
      dueOn: '2026-06-30',
      status: 'submitted',
      submission: 'Nous avons accompagné 80 aidants.',
      submittedAt: '2026-06-20T10:00:00.000Z',
      reviewComment: null,
      reviewedAt: null,
      overdue: false,
    },
  ],
  paid: 20_000,
  createdAt: '2026-01-01T00:00:00.000Z',
};

export const CONTRIBUTIONS: Contribution[] = [
  {
    id: 'c-1',
    allianceId: 'all-1',
    organisationId: 'org-lead',
    organisationName: 'Association Pilote',
    kind: 'volunteer_time',
    description: '200 heures de bénévolat',
    valuation: 4000,
    currency: 'EUR',
    createdAt: '2026-03-01T00:00:00.000Z',
  },
];

export const PORTFOLIO: Portfolio = {
  organisationId: 'org-fund',
  entries: [
    {
      allianceId: 'all-2',
      allianceName: 'Mobilité solidaire',
      status: 'active',
      domains: ['mobility'],
      territoryCodes: ['69'],
      committed: 10_000,
      paid: 0,
      currency: 'EUR',
      nextTranche: { amount: 10_000, dueOn: '2026-03-01', status: 'planned' },
      nextReport: { title: 'Bilan de lancement', dueOn: '2026-02-01', overdue: true },
      objectiveStatus: { off_track: 1 },
      latestEvaluation: null,
      contributionsValuation: 0,
    },
    {
      allianceId: 'all-1',
      allianceName: 'Aidants du Rhône',
      status: 'active',
      domains: ['carers'],
      territoryCodes: ['69123'],
      committed: 50_000,
      paid: 20_000,
      currency: 'EUR',
      nextTranche: { amount: 30_000, dueOn: '2026-09-01', status: 'requested' },
      nextReport: { title: 'Rapport intermédiaire', dueOn: '2026-06-30', overdue: false },
      objectiveStatus: { achieved: 2, on_track: 1 },
      latestEvaluation: { campaignId: 'c-2', title: 'Évaluation 2026', mean: 3.84, delta: 0.42 },
      contributionsValuation: 4000,
    },
  ],
  totals: { committed: 60_000, paid: 20_000, contributions: 4000 },
  timeline: [
    { month: '2026-01', committed: 50_000, paid: 0 },
    { month: '2026-02', committed: 60_000, paid: 20_000 },
  ],
};
