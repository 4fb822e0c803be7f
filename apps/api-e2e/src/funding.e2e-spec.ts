import {
  ApiClient,
  createTestDatabase,
  GOOD_PASSWORD,
  startApiProcess,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';

const ENV = {
  ADMIN_EMAIL: 'admin@funding.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};

describe('funders: grants, tranches, reports, contributions and the portfolio', () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let lead: Session;
  let foundation: Session;
  let outsider: Session;
  let leadOrg: string;
  let funderOrg: string;
  let allianceId: string;
  let grantId: string;
  const grant = () => ({
    funderOrganisationId: funderOrg,
    amount: 50_000,
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    conditions: 'Rapport annuel',
    reports: [{ title: 'Rapport intermédiaire', dueOn: '2026-06-30' }],
    tranches: [
      { amount: 20_000, dueOn: '2026-02-01' },
      { amount: 30_000, dueOn: '2026-09-01', requiresReport: 0 },
    ],
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    api = new ApiClient(proc.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    [lead, foundation, outsider] = await Promise.all([api.signUp(), api.signUp(), api.signUp()]);
    leadOrg = (await api.applyOrganisation(lead, { name: 'Association pilote' })).id;
    funderOrg = (await api.applyOrganisation(foundation, { name: 'Fondation Solidaire', profile: 'foundation' })).id;
    await api.approveOrganisation(admin, leadOrg);
    await api.approveOrganisation(admin, funderOrg);
    allianceId = (
      await api.post(
        '/api/alliances',
        {
          name: 'Alliance financée',
          purpose: 'Aidants',
          category: 'philanthropy',
          collectiveObjectives: ['engagement'],
          domains: ['carers'],
          scale: 'local',
          territoryCodes: ['69123'],
          organisationId: leadOrg,
        },
        { token: lead.accessToken },
      )
    ).body.id;
    await api.post(`/api/alliances/${allianceId}/members`, { organisationId: funderOrg, role: 'funder' }, { token: lead.accessToken });
    await api.post(`/api/alliances/${allianceId}/members/${funderOrg}/accept`, undefined, { token: foundation.accessToken });
  });
  afterAll(async () => {
    await proc?.stop();
    await db?.drop();
  });

  it('refuses negative amounts, inverted dates and tranches above the grant, listing the fields', async () => {
    const bad = await api.post(`/api/alliances/${allianceId}/grants`, { ...grant(), amount: -5 }, { token: foundation.accessToken });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toContain('amount');
    const inverted = await api.post(
      `/api/alliances/${allianceId}/grants`,
      { ...grant(), startsOn: '2027-01-01', endsOn: '2026-01-01', tranches: [{ amount: 60_000, dueOn: '2026-02-01' }] },
      { token: foundation.accessToken },
    );
    expect(inverted.status).toBe(400);
    expect(inverted.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['endsOn', 'tranches']);
  });

  it('lets only the funder organisation’s admin record a grant', async () => {
    expect((await api.post(`/api/alliances/${allianceId}/grants`, grant(), { token: lead.accessToken })).status).toBe(403);
    expect((await api.post(`/api/alliances/${allianceId}/grants`, grant(), { token: outsider.accessToken })).status).toBe(404);
    const ok = await api.post(`/api/alliances/${allianceId}/grants`, grant(), { token: foundation.accessToken });
    expect(ok.status).toBe(201);
    grantId = ok.body.id;
    expect(ok.body).toMatchObject({ amount: 50_000, currency: 'EUR', paid: 0, funderOrganisationName: 'Fondation Solidaire' });
    expect(ok.body.tranches[1].requiresReportId).toBe(ok.body.reports[0].id);
  });

  it('pays a tranche only after its report is approved', async () => {
    const g = (await api.get(`/api/alliances/${allianceId}/grants`, { token: lead.accessToken })).body[0];
    const [first, second] = g.tranches;
    const report = g.reports[0];
    expect((await api.patch(`/api/tranches/${first.id}`, { status: 'paid' }, { token: lead.accessToken })).status).toBe(403);
    expect((await api.patch(`/api/tranches/${first.id}`, { status: 'paid' }, { token: foundation.accessToken })).body.paid).toBe(20_000);
    expect((await api.patch(`/api/tranches/${second.id}`, { status: 'requested' }, { token: lead.accessToken })).status).toBe(200);
    expect((await api.patch(`/api/tranches/${second.id}`, { status: 'paid' }, { token: foundation.accessToken })).status).toBe(409);
    expect(
      (
        await api.post(
          `/api/reports/${report.id}/submission`,
          { submission: 'Nous avons accompagné 80 aidants.' },
          { token: lead.accessToken },
        )
      ).status,
    ).toBe(200);
    expect((await api.post(`/api/reports/${report.id}/review`, { approved: false }, { token: foundation.accessToken })).status).toBe(400);
    const back = await api.post(
      `/api/reports/${report.id}/review`,
      { approved: false, comment: 'Ajoutez les chiffres par commune' },
      { token: foundation.accessToken },
    );
    expect(back.body.reports[0]).toMatchObject({ status: 'returned', reviewComment: 'Ajoutez les chiffres par commune' });
    await api.post(`/api/reports/${report.id}/submission`, { submission: 'Version complétée' }, { token: lead.accessToken });
    await api.post(`/api/reports/${report.id}/review`, { approved: true }, { token: foundation.accessToken });
    const paid = await api.patch(`/api/tranches/${second.id}`, { status: 'paid' }, { token: foundation.accessToken });
    expect(paid.status).toBe(200);
    expect(paid.body.paid).toBe(50_000);
  });

  it('records partners’ non-financial contributions with their valuation', async () => {
    const c = await api.post(
      `/api/alliances/${allianceId}/contributions`,
      { organisationId: leadOrg, kind: 'volunteer_time', description: '200 heures de bénévolat', valuation: 4000 },
      { token: lead.accessToken },
    );
    expect(c.status).toBe(201);
    expect(
      (
        await api.post(
          `/api/alliances/${allianceId}/contributions`,
          { organisationId: funderOrg, kind: 'skills', description: 'x y z', valuation: 1 },
          { token: foundation.accessToken },
        )
      ).status,
    ).toBe(403);
    expect((await api.get(`/api/alliances/${allianceId}/contributions`, { token: foundation.accessToken })).body).toHaveLength(1);
  });

  it('shows the funder its portfolio, and nobody else', async () => {
    const res = await api.get(`/api/organisations/${funderOrg}/portfolio`, { token: foundation.accessToken });
    expect(res.status).toBe(200);
    expect(res.body.entries).toEqual([
      expect.objectContaining({ allianceId, committed: 50_000, paid: 50_000, contributionsValuation: 4000, nextReport: null }),
    ]);
    expect(res.body.totals).toEqual({ committed: 50_000, paid: 50_000, contributions: 4000 });
    expect(res.body.timeline.at(-1)).toMatchObject({ committed: 50_000, paid: 50_000 });
    expect(
      (await api.get(`/api/organisations/${funderOrg}/portfolio?domain=energy`, { token: foundation.accessToken })).body.entries,
    ).toEqual([]);
    expect(
      (
        await api.get(`/api/organisations/${funderOrg}/portfolio?domain=carers&territory=69123&status=draft`, {
          token: foundation.accessToken,
        })
      ).body.entries,
    ).toHaveLength(1);
    const csv = await api.get(`/api/organisations/${funderOrg}/portfolio?format=csv`, { token: foundation.accessToken });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text).toContain('Alliance financée');
    expect((await api.get(`/api/organisations/${funderOrg}/portfolio`, { token: outsider.accessToken })).status).toBe(404);
  });

  it('tells the funder’s people, in /api/me, which of their organisations has a portfolio', async () => {
    const me = (await api.get('/api/me', { token: foundation.accessToken })).body;
    expect(me.memberships).toContainEqual(expect.objectContaining({ organisationId: funderOrg, funds: true }));
    const partner = (await api.get('/api/me', { token: lead.accessToken })).body;
    expect(partner.memberships).toContainEqual(expect.objectContaining({ organisationId: leadOrg, funds: false }));
  });

  it('keeps the partners’ discussion away from the funder', async () => {
    await api.post(
      '/api/comments',
      { allianceId, target: { type: 'alliance', id: allianceId }, body: 'Entre nous' },
      { token: lead.accessToken },
    );
    expect((await api.get(`/api/comments?allianceId=${allianceId}`, { token: foundation.accessToken })).status).toBe(404);
  });
});
