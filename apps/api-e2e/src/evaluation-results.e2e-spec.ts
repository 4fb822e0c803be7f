import {
  ApiClient,
  createTestDatabase,
  GOOD_PASSWORD,
  startApiProcess,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';

/**
 * Results by focus (produit, équilibre, valorisation), by dimension group and by actor profile, the
 * multi-year trend and the value created (issue 18). Every expected figure below is worked out by hand
 * from the answers given, never read back from the API.
 */
const ENV = {
  ADMIN_EMAIL: 'admin@evaluation-results.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

/** The questionnaire: two questions on the relationship, one on results, one on partner impacts. */
const QUESTIONS = [
  { dimension: 'shared_vision', focus: 'product', text: { fr: 'Nous partageons une vision commune.', en: 'We share a vision.' } },
  { dimension: 'balance', focus: 'balance', text: { fr: 'La relation est équilibrée.', en: 'The relationship is balanced.' } },
  {
    dimension: 'common_results',
    focus: 'contribution_value',
    text: { fr: 'Les apports de chacun sont reconnus.', en: 'Each contribution is recognised.' },
  },
  { dimension: 'partner_performance', focus: 'product', text: { fr: 'Nous y gagnons en performance.', en: 'We perform better.' } },
];

interface Mean {
  organisationId: string;
  mean: number | null;
  respondents: number;
}

describe('evaluation results by focus, group and profile; trend; value created', () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let lead: Session[];
  let company: Session[];
  let town: Session[];
  let funder: Session;
  let otherFunder: Session;
  let outsider: Session;
  let leadOrg: string;
  let companyOrg: string;
  let townOrg: string;
  let funderOrg: string;
  let otherFunderOrg: string;
  let allianceId: string;
  let templateId: string;
  const campaigns: string[] = [];

  const ok = async <T = any>(res: Promise<{ status: number; body: T; text: string }>): Promise<T> => {
    const r = await res;
    if (r.status >= 300) throw new Error(`setup call answered ${r.status}: ${r.text.slice(0, 300)}`);
    return r.body;
  };

  /**
   * Launches a campaign of the alliance's questionnaire, without the blocks of its collective objectives (the
   * figures below are worked out on the template's own questions), has each person answer `scores` (one per
   * question), closes it.
   */
  const runCampaign = async (title: string, answers: [Session, number[]][]): Promise<string> => {
    const campaign = await ok(
      // Without the objective blocks (issue 18): the four questions of the template only, as the figures below assume.
      api.post(
        `/api/alliances/${allianceId}/evaluations`,
        { title, templateId, closesAt: inDays(7), blocks: [] },
        { token: lead[0].accessToken },
      ),
    );
    for (const [s, scores] of answers)
      await ok(
        api.call('PUT', `/api/evaluations/${campaign.id}/responses/me`, {
          token: s.accessToken,
          body: {
            answers: campaign.questions.map((q: { id: string }, i: number) => ({ questionId: q.id, score: scores[i] })),
            submit: true,
          },
        }),
      );
    await ok(api.post(`/api/evaluations/${campaign.id}/close`, undefined, { token: lead[0].accessToken }));
    campaigns.push(campaign.id);
    return campaign.id;
  };
  const byOrg = (list: Mean[], organisationId: string) => list.find((o) => o.organisationId === organisationId);

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    api = new ApiClient(proc.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    const [leadAdmin, companyAdmin, townAdmin] = await Promise.all([api.signUp(), api.signUp(), api.signUp()]);
    [funder, otherFunder, outsider] = await Promise.all([api.signUp(), api.signUp(), api.signUp()]);
    const approve = async (s: Session, name: string, profile: string, ident: Record<string, unknown> = {}) => {
      const o = await api.applyOrganisation(s, { name, profile, ...ident });
      await api.approveOrganisation(admin, o.id);
      return o.id as string;
    };
    leadOrg = await approve(leadAdmin, 'Association Pilote', 'association');
    companyOrg = await approve(companyAdmin, 'Entreprise Partenaire', 'company', { rna: undefined, siren: '732829320' });
    townOrg = await approve(townAdmin, 'Commune Partenaire', 'local_authority', { rna: undefined, siren: '552081317' });
    funderOrg = await approve(funder, 'Fondation Visible', 'foundation', { rna: undefined, siren: '775672272' });
    otherFunderOrg = await approve(otherFunder, 'Fondation Voisine', 'foundation', { rna: undefined });
    await approve(outsider, 'Ailleurs', 'association');
    // Three people in the lead and the company (threshold reached), two in the town (below it, for now).
    lead = [
      leadAdmin,
      await api.addMember(leadAdmin, leadOrg, 'member', proc.dataDir),
      await api.addMember(leadAdmin, leadOrg, 'member', proc.dataDir),
    ];
    company = [
      companyAdmin,
      await api.addMember(companyAdmin, companyOrg, 'member', proc.dataDir),
      await api.addMember(companyAdmin, companyOrg, 'member', proc.dataDir),
    ];
    town = [townAdmin, await api.addMember(townAdmin, townOrg, 'member', proc.dataDir)];
    allianceId = (
      await ok(
        api.post(
          '/api/alliances',
          {
            name: 'Alliance mesurée',
            purpose: 'Mesurer la valeur créée',
            category: 'societal_innovation',
            collectiveObjectives: ['territory'],
            domains: ['employment'],
            scale: 'local',
            territoryCodes: ['69123'],
            organisationId: leadOrg,
          },
          { token: leadAdmin.accessToken },
        ),
      )
    ).id;
    for (const [org, role, s] of [
      [companyOrg, 'partner', companyAdmin],
      [townOrg, 'partner', townAdmin],
      [funderOrg, 'funder', funder],
      [otherFunderOrg, 'funder', otherFunder],
    ] as const) {
      await ok(api.post(`/api/alliances/${allianceId}/members`, { organisationId: org, role }, { token: leadAdmin.accessToken }));
      await ok(api.post(`/api/alliances/${allianceId}/members/${org}/accept`, undefined, { token: s.accessToken }));
    }
    const template = await ok(
      api.post(`/api/alliances/${allianceId}/evaluation-templates`, { title: 'Grille courte' }, { token: leadAdmin.accessToken }),
    );
    templateId = template.id;
    await ok(
      api.call('PUT', `/api/evaluation-templates/${templateId}/questions`, {
        token: leadAdmin.accessToken,
        body: { questions: QUESTIONS },
      }),
    );
  }, 180_000);
  afterAll(async () => {
    await proc?.stop();
    await db?.drop();
  });

  it('gives the focus, group and profile means of known answers, hiding an organisation and a profile of 2 respondents', async () => {
    // Lead: 4 everywhere; company: 2, 3, 4, 5; town (2 people): 1 everywhere.
    const id = await runCampaign('Bilan 2025', [
      ...lead.map((s): [Session, number[]] => [s, [4, 4, 4, 4]]),
      ...company.map((s): [Session, number[]] => [s, [2, 3, 4, 5]]),
      ...town.map((s): [Session, number[]] => [s, [1, 1, 1, 1]]),
    ]);
    const r = (await api.get(`/api/evaluations/${id}/results`, { token: company[1].accessToken })).body;
    expect(r.respondents).toBe(8);
    expect(r.dimensions.map((d: { key: string }) => d.key)).toEqual(['shared_vision', 'balance', 'common_results', 'partner_performance']);

    // Produit (questions 1 and 4): (6×4 + 3×(2+5) + 4×1) / 16 = 49/16.
    const focus = (key: string) => r.focuses.find((f: { key: string }) => f.key === key);
    expect(r.focuses.map((f: { key: string }) => f.key)).toEqual(['product', 'balance', 'valorisation']);
    expect(focus('product').mean).toBeCloseTo(49 / 16, 6);
    expect(focus('balance').mean).toBeCloseTo(23 / 8, 6); // (3×4 + 3×3 + 2×1) / 8
    expect(focus('valorisation').mean).toBeCloseTo(26 / 8, 6); // (3×4 + 3×4 + 2×1) / 8
    expect(byOrg(focus('product').byOrganisation, leadOrg)).toMatchObject({ mean: 4, respondents: 3 });
    expect(byOrg(focus('product').byOrganisation, companyOrg)).toMatchObject({ mean: 3.5, respondents: 3 });
    // Two people of the town answered: its mean is never shown, only that two answered.
    expect(byOrg(focus('product').byOrganisation, townOrg)).toMatchObject({ mean: null, respondents: 2 });
    expect(focus('product').gap).toBeCloseTo(0.5, 6);

    // Groups: relationship (questions 1 and 2) = (6×4 + 3×(2+3) + 4×1) / 16 = 43/16; company 2.5, gap 1.5.
    const group = (key: string) => r.groups.find((g: { key: string }) => g.key === key);
    expect(r.groups.map((g: { key: string }) => g.key)).toEqual(['relationship', 'results', 'partner_impacts']);
    expect(group('relationship').mean).toBeCloseTo(43 / 16, 6);
    expect(byOrg(group('relationship').byOrganisation, companyOrg)?.mean).toBeCloseTo(2.5, 6);
    expect(byOrg(group('relationship').byOrganisation, townOrg)?.mean).toBeNull();
    expect(group('relationship').gap).toBeCloseTo(1.5, 6);
    expect(group('partner_impacts').mean).toBeCloseTo(29 / 8, 6); // (3×4 + 3×5 + 2×1) / 8

    // By actor profile: association and company from 3 respondents; the town's 2 are withheld.
    const profile = (p: string) => r.byProfile.find((b: { profile: string }) => b.profile === p);
    expect(profile('association')).toMatchObject({ mean: 4, respondents: 3 });
    expect(profile('company').mean).toBeCloseTo(3.5, 6);
    expect(profile('company').focuses).toEqual([
      { key: 'product', mean: 3.5 },
      { key: 'balance', mean: 3 },
      { key: 'valorisation', mean: 4 },
    ]);
    // The town (2 people) is hidden on its own, so it enters no profile: no respondent is counted for its profile.
    expect(profile('local_authority')).toEqual({
      profile: 'local_authority',
      mean: null,
      respondents: 0,
      focuses: [
        { key: 'product', mean: null },
        { key: 'balance', mean: null },
        { key: 'valorisation', mean: null },
      ],
    });
    // The funder is no respondent: no foundation row.
    expect(profile('foundation')).toBeUndefined();

    // A funder reads the same figures, still without the comments; an outsider gets 404.
    const seen = (await api.get(`/api/evaluations/${id}/results`, { token: funder.accessToken })).body;
    expect(seen.focuses).toEqual(r.focuses);
    expect(seen.byProfile).toEqual(r.byProfile);
    expect((await api.get(`/api/evaluations/${id}/results`, { token: outsider.accessToken })).status).toBe(404);
  });

  it('shows a profile once 3 of its people answer, and draws the trend over both closed campaigns', async () => {
    town.push(await api.addMember(town[0], townOrg, 'member', proc.dataDir));
    // Everyone 5, the town (now 3 people) 2 everywhere.
    const id = await runCampaign('Bilan 2026', [
      ...[...lead, ...company].map((s): [Session, number[]] => [s, [5, 5, 5, 5]]),
      ...town.map((s): [Session, number[]] => [s, [2, 2, 2, 2]]),
    ]);
    const r = (await api.get(`/api/evaluations/${id}/results`, { token: lead[0].accessToken })).body;
    expect(r.byProfile.find((b: { profile: string }) => b.profile === 'local_authority')).toMatchObject({ mean: 2, respondents: 3 });
    expect(byOrg(r.focuses[0].byOrganisation, townOrg)).toMatchObject({ mean: 2, respondents: 3 });

    const trend = (await api.get(`/api/alliances/${allianceId}/evaluation-trend`, { token: funder.accessToken })).body;
    expect(trend.campaigns.map((c: { campaignId: string; title: string }) => [c.campaignId, c.title])).toEqual([
      [campaigns[0], 'Bilan 2025'],
      [campaigns[1], 'Bilan 2026'],
    ]);
    const [first, second] = trend.campaigns;
    expect(first.respondents).toBe(8);
    expect(first.focuses.find((f: { key: string }) => f.key === 'product').mean).toBeCloseTo(49 / 16, 6);
    expect(first.dimensions.find((d: { key: string }) => d.key === 'shared_vision').mean).toBeCloseTo(20 / 8, 6); // (3×4 + 3×2 + 2×1) / 8
    expect(first.groups.find((g: { key: string }) => g.key === 'relationship').mean).toBeCloseTo(43 / 16, 6);
    expect(second.focuses.find((f: { key: string }) => f.key === 'product').mean).toBeCloseTo(72 / 18, 6); // (12×5 + 6×2) / 18
    expect(second.groups.find((g: { key: string }) => g.key === 'results').mean).toBeCloseTo(36 / 9, 6); // (6×5 + 3×2) / 9
    expect(Date.parse(first.closedAt)).toBeLessThan(Date.parse(second.closedAt));
    expect((await api.get(`/api/alliances/${allianceId}/evaluation-trend`, { token: outsider.accessToken })).status).toBe(404);
  });

  it('adds up the value created per organisation and in all, beside objectives reached and the latest focus means', async () => {
    const A = `/api/alliances/${allianceId}`;
    const grant = await ok(
      api.post(
        `${A}/grants`,
        {
          funderOrganisationId: funderOrg,
          amount: 10_000,
          startsOn: '2026-01-01',
          endsOn: '2027-12-31',
          reports: [],
          tranches: [
            { amount: 4_000, dueOn: '2026-02-01' },
            { amount: 6_000, dueOn: '2026-09-01' },
          ],
        },
        { token: funder.accessToken },
      ),
    );
    await ok(api.call('PATCH', `/api/tranches/${grant.tranches[0].id}`, { token: funder.accessToken, body: { status: 'paid' } }));
    await ok(
      api.post(
        `${A}/grants`,
        { funderOrganisationId: otherFunderOrg, amount: 5_000, startsOn: '2026-01-01', endsOn: '2026-12-31', reports: [], tranches: [] },
        { token: otherFunder.accessToken },
      ),
    );
    for (const [s, organisationId, kind, valuation] of [
      [company[0], companyOrg, 'skills', 1500.5],
      [company[0], companyOrg, 'in_kind', 499.5],
      [lead[0], leadOrg, 'volunteer_time', 1000],
    ] as const)
      await ok(
        api.post(`${A}/contributions`, { organisationId, kind, description: `Apport ${kind}`, valuation }, { token: s.accessToken }),
      );
    // One indicator reached, one without a check-in.
    const objective = await ok(
      api.post(
        `${A}/objectives`,
        { title: 'Emplois créés', collectiveObjective: 'territory', description: '' },
        { token: lead[0].accessToken },
      ),
    );
    const indicator = (name: string) =>
      ok(
        api.post(
          `/api/objectives/${objective.id}/indicators`,
          {
            name,
            unit: 'emplois',
            baseline: 0,
            target: 10,
            startDate: '2026-01-01',
            targetDate: '2027-12-31',
            direction: 'increase',
            ownerOrganisationId: leadOrg,
          },
          { token: lead[0].accessToken },
        ),
      );
    const reached = await indicator('Emplois créés');
    await indicator('Emplois pérennisés');
    await ok(api.post(`/api/indicators/${reached.id}/checkins`, { value: 12, date: '2026-06-30' }, { token: lead[0].accessToken }));

    const partnerView = (await api.get(`${A}/value-created`, { token: company[2].accessToken })).body;
    expect(partnerView.totals).toEqual({ contributions: 3000, grantsCommitted: 15_000, grantsPaid: 4000, total: 18_000 });
    const row = (view: { organisations: { organisationId: string }[] }, id: string) =>
      view.organisations.find((o) => o.organisationId === id);
    expect(row(partnerView, companyOrg)).toMatchObject({
      contributions: 2000,
      contributionsByKind: { skills: 1500.5, in_kind: 499.5, volunteer_time: 0 },
      grantsCommitted: 0,
    });
    expect(row(partnerView, leadOrg)).toMatchObject({ contributions: 1000 });
    expect(row(partnerView, funderOrg)).toMatchObject({ grantsCommitted: 10_000, grantsPaid: 4000, contributions: 0 });
    expect(row(partnerView, otherFunderOrg)).toMatchObject({ grantsCommitted: 5000, grantsPaid: 0 });
    expect(partnerView.organisations[0].organisationId).toBe(leadOrg);
    expect(partnerView.indicators.total).toBe(2);
    expect(partnerView.indicators.byStatus).toMatchObject({ achieved: 1, no_data: 1, on_track: 0 });
    // The latest closed campaign is Bilan 2026: produit (12×5 + 6×2) / 18 = 4.
    expect(partnerView.evaluation.campaignId).toBe(campaigns[1]);
    expect(partnerView.evaluation.focuses.find((f: { key: string }) => f.key === 'product').mean).toBeCloseTo(4, 6);

    // A funder counts its own grant, never another funder's; every contribution stays visible.
    const funderView = (await api.get(`${A}/value-created`, { token: funder.accessToken })).body;
    expect(funderView.totals).toEqual({ contributions: 3000, grantsCommitted: 10_000, grantsPaid: 4000, total: 13_000 });
    expect(row(funderView, otherFunderOrg)).toBeUndefined();
    expect(row(funderView, funderOrg)).toMatchObject({ grantsCommitted: 10_000 });
    expect((await api.get(`${A}/value-created`, { token: outsider.accessToken })).status).toBe(404);
  });

  it('leaves a campaign answered by fewer than 3 people without means in the trend', async () => {
    await runCampaign('Point d’étape', [
      [lead[0], [5, 5, 5, 5]],
      [company[0], [1, 1, 1, 1]],
    ]);
    const trend = (await api.get(`/api/alliances/${allianceId}/evaluation-trend`, { token: lead[1].accessToken })).body;
    expect(trend.campaigns).toHaveLength(3);
    const small = trend.campaigns[2];
    expect(small).toMatchObject({ title: 'Point d’étape', respondents: 2, minRespondents: 3 });
    expect([...small.dimensions, ...small.groups, ...small.focuses].every((m: { mean: number | null }) => m.mean === null)).toBe(true);
    expect(small.focuses).toHaveLength(3);
  });

  it('builds a profile only from organisations shown on their own, so that a hidden one cannot be derived', async () => {
    // A second company, one person: its answer would be 4 × profile − 3 × first company if it entered the profile.
    const secondAdmin = await api.signUp();
    const admin = await api.login(ENV.ADMIN_EMAIL);
    const second = await api.applyOrganisation(secondAdmin, {
      name: 'Entreprise Seule',
      profile: 'company',
      rna: undefined,
      siren: '412345670',
    });
    await api.approveOrganisation(admin, second.id);
    await ok(
      api.post(`/api/alliances/${allianceId}/members`, { organisationId: second.id, role: 'partner' }, { token: lead[0].accessToken }),
    );
    await ok(api.post(`/api/alliances/${allianceId}/members/${second.id}/accept`, undefined, { token: secondAdmin.accessToken }));
    const id = await runCampaign('Bilan entreprises', [
      ...company.map((s): [Session, number[]] => [s, [3, 3, 3, 3]]),
      [secondAdmin, [5, 5, 5, 5]],
    ]);
    const r = (await api.get(`/api/evaluations/${id}/results`, { token: lead[0].accessToken })).body;
    expect(r.respondents).toBe(4);
    expect(byOrg(r.focuses[0].byOrganisation, companyOrg)).toMatchObject({ mean: 3, respondents: 3 });
    expect(byOrg(r.focuses[0].byOrganisation, second.id)).toMatchObject({ mean: null, respondents: 1 });
    // The company profile: the first company's 3 people only (3, not (3×3 + 5) / 4 = 3.5).
    expect(r.byProfile.find((b: { profile: string }) => b.profile === 'company')).toEqual({
      profile: 'company',
      mean: 3,
      respondents: 3,
      focuses: [
        { key: 'product', mean: 3 },
        { key: 'balance', mean: 3 },
        { key: 'valorisation', mean: 3 },
      ],
    });
  });
});
