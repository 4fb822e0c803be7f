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
  ADMIN_EMAIL: 'admin@alliances-spec.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};

describe('alliances', () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let lead: Session;
  let partner: Session;
  let outsider: Session;
  let leadOrg: string;
  let partnerOrg: string;
  let pendingOrg: string;
  let allianceId: string;

  const valid = () => ({
    name: 'Alliance Mobilité Solidaire',
    purpose: 'Faciliter la mobilité des demandeurs d’emploi du territoire',
    category: 'economic_cooperation',
    collectiveObjectives: ['territory', 'performance'],
    domains: ['mobility', 'employment'],
    scale: 'departmental',
    territoryCodes: ['69'],
    innovationStage: 'experimentation',
    organisationId: leadOrg,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    api = new ApiClient(proc.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    [lead, partner, outsider] = await Promise.all([api.signUp(), api.signUp(), api.signUp()]);
    leadOrg = (await api.applyOrganisation(lead, { name: 'Pilote' })).id;
    partnerOrg = (await api.applyOrganisation(partner, { name: 'Partenaire' })).id;
    pendingOrg = (await api.applyOrganisation(lead, { name: 'Pas encore validée' })).id;
    await api.approveOrganisation(admin, leadOrg);
    await api.approveOrganisation(admin, partnerOrg);
    await api.approveOrganisation(admin, (await api.applyOrganisation(outsider)).id);
  });
  afterAll(async () => {
    await proc?.stop();
    await db?.drop();
  });

  it('creates an alliance with the caller’s approved organisation as lead', async () => {
    const res = await api.post('/api/alliances', valid(), { token: lead.accessToken });
    expect(res.status).toBe(201);
    allianceId = res.body.id;
    expect(res.body).toMatchObject({
      status: 'draft',
      category: 'economic_cooperation',
      territories: [{ code: '69', name: 'Rhône' }],
      can: { edit: true, invite: true, writeCharter: true, sign: true },
    });
    expect(res.body.members).toEqual([expect.objectContaining({ organisationId: leadOrg, role: 'lead', status: 'active' })]);
  });

  it('lists every failing field of a bad alliance at once, and never with a 500', async () => {
    const res = await api.post(
      '/api/alliances',
      {
        ...valid(),
        category: 'charity',
        collectiveObjectives: [],
        scale: 'galactic',
        domains: ['Not A Slug'],
        innovationStage: 'done',
        organisationId: 'nope',
      },
      { token: lead.accessToken },
    );
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'category',
      'collectiveObjectives',
      'domains',
      'innovationStage',
      'organisationId',
      'scale',
    ]);
    const territory = await api.post('/api/alliances', { ...valid(), territoryCodes: ['69', '99999'] }, { token: lead.accessToken });
    expect(territory.status).toBe(400);
    expect(territory.body.details).toEqual([expect.objectContaining({ field: 'territoryCodes.1', codes: ['invalidTerritory'] })]);
  });

  it('refuses to create for an organisation that is not approved, or not the caller’s', async () => {
    expect((await api.post('/api/alliances', { ...valid(), organisationId: pendingOrg }, { token: lead.accessToken })).status).toBe(409);
    expect((await api.post('/api/alliances', { ...valid(), organisationId: partnerOrg }, { token: lead.accessToken })).status).toBe(400);
  });

  it('lists only the caller’s alliances; everything else is 404 to outsiders', async () => {
    expect((await api.get('/api/alliances', { token: lead.accessToken })).body.items.map((a: { id: string }) => a.id)).toContain(
      allianceId,
    );
    expect((await api.get('/api/alliances', { token: outsider.accessToken })).body.items).toEqual([]);
    for (const path of [`/api/alliances/${allianceId}`, `/api/alliances/${allianceId}/audit`, `/api/alliances/${allianceId}/charter`]) {
      const res = await api.get(path, { token: outsider.accessToken });
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('Mobilité');
    }
  });

  it('invites an organisation, whose admin accepts; the partner then records its own objective', async () => {
    const invited = await api.post(
      `/api/alliances/${allianceId}/members`,
      { organisationId: partnerOrg, role: 'partner' },
      { token: lead.accessToken },
    );
    expect(invited.status).toBe(201);
    expect(
      (await api.post(`/api/alliances/${allianceId}/members`, { organisationId: partnerOrg, role: 'partner' }, { token: lead.accessToken }))
        .status,
    ).toBe(409);
    // Before accepting, the invited organisation's admin sees the alliance to decide, but cannot act in it.
    const preview = await api.get(`/api/alliances/${allianceId}`, { token: partner.accessToken });
    expect(preview.status).toBe(200);
    expect(preview.body.can).toEqual({ edit: false, invite: false, writeCharter: false, sign: false });
    expect((await api.get(`/api/alliances/${allianceId}/charter`, { token: partner.accessToken })).status).toBe(404);
    expect(
      (await api.post(`/api/alliances/${allianceId}/members/${partnerOrg}/accept`, undefined, { token: outsider.accessToken })).status,
    ).toBe(404);

    const accepted = await api.post(`/api/alliances/${allianceId}/members/${partnerOrg}/accept`, undefined, { token: partner.accessToken });
    expect(accepted.status).toBe(200);
    expect(accepted.body.members.find((m: { organisationId: string }) => m.organisationId === partnerOrg)).toMatchObject({
      role: 'partner',
      status: 'active',
    });

    const objective = {
      square: ['value_proposition', 'processes'],
      expectations: 'Recruter localement',
      contributions: { human: '2 mentors', skills: 'logistique' },
    };
    const own = await api.call('PUT', `/api/alliances/${allianceId}/members/${partnerOrg}/objective`, {
      token: partner.accessToken,
      body: objective,
    });
    expect(own.status).toBe(200);
    expect(own.body.members.find((m: { organisationId: string }) => m.organisationId === partnerOrg).objective).toEqual(objective);
    // Nobody records another organisation's objective.
    expect(
      (await api.call('PUT', `/api/alliances/${allianceId}/members/${leadOrg}/objective`, { token: partner.accessToken, body: objective }))
        .status,
    ).toBe(403);
    expect(
      (
        await api.call('PUT', `/api/alliances/${allianceId}/members/${partnerOrg}/objective`, {
          token: partner.accessToken,
          body: { ...objective, square: ['everything'] },
        })
      ).status,
    ).toBe(400);
  });

  it('lets only the lead edit, and exactly one of two writers with the same version win', async () => {
    const current = (await api.get(`/api/alliances/${allianceId}`, { token: lead.accessToken })).body;
    expect(
      (
        await api.patch(
          `/api/alliances/${allianceId}`,
          { name: 'Partner renames', version: current.version },
          { token: partner.accessToken },
        )
      ).status,
    ).toBe(403);
    const results = await Promise.all([
      api.patch(`/api/alliances/${allianceId}`, { name: 'Nom A', version: current.version }, { token: lead.accessToken }),
      api.patch(`/api/alliances/${allianceId}`, { name: 'Nom B', version: current.version }, { token: lead.accessToken }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const after = (await api.get(`/api/alliances/${allianceId}`, { token: lead.accessToken })).body;
    expect(after.version).toBe(current.version + 1);
    expect(['Nom A', 'Nom B']).toContain(after.name);
  });

  it('keeps an audit log of the alliance, visible to its members only', async () => {
    const audit = await api.get(`/api/alliances/${allianceId}/audit`, { token: partner.accessToken });
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((i: { action: string }) => i.action)).toEqual(
      expect.arrayContaining([
        'alliance.created',
        'alliance.organisation_invited',
        'alliance.invitation_accepted',
        'alliance.partner_objective_updated',
        'alliance.updated',
      ]),
    );
    const page = await api.get(`/api/alliances/${allianceId}/audit?limit=2`, { token: partner.accessToken });
    expect(page.body.items).toHaveLength(2);
    const next = await api.get(`/api/alliances/${allianceId}/audit?limit=2&cursor=${page.body.nextCursor}`, { token: partner.accessToken });
    expect(next.body.items[0].id).not.toBe(page.body.items[1].id);
  });

  it('closes the alliance: read only afterwards', async () => {
    const current = (await api.get(`/api/alliances/${allianceId}`, { token: lead.accessToken })).body;
    const closed = await api.patch(
      `/api/alliances/${allianceId}`,
      { status: 'closed', version: current.version },
      { token: lead.accessToken },
    );
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', can: { edit: false, writeCharter: false } });
    expect(closed.body.closedAt).not.toBeNull();
  });
});
