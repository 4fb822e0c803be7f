import { randomUUID } from 'node:crypto';
import {
  ApiClient,
  createTestDatabase,
  GOOD_PASSWORD,
  sql,
  startApiProcess,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';

const ENV = {
  ADMIN_EMAIL: 'admin@objectives.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};
const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysFromNow = (n: number) => iso(new Date(Date.now() + n * 86_400_000));

describe('shared objectives', () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let lead: Session;
  let partner: Session;
  let observer: Session;
  let outsider: Session;
  let leadOrg: string;
  let partnerOrg: string;
  let allianceId: string;
  let objectiveId: string;
  let indicatorId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    api = new ApiClient(proc.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    [lead, partner, observer, outsider] = await Promise.all([api.signUp(), api.signUp(), api.signUp(), api.signUp()]);
    const org = async (s: Session, name: string) => {
      const o = await api.applyOrganisation(s, { name });
      await api.approveOrganisation(admin, o.id);
      return o.id as string;
    };
    leadOrg = await org(lead, 'Collectivité pilote');
    partnerOrg = await org(partner, 'Entreprise partenaire');
    const observerOrg = await org(observer, 'Observatoire');
    await org(outsider, 'Ailleurs');
    allianceId = (
      await api.post(
        '/api/alliances',
        {
          name: 'Alliance Emploi',
          purpose: 'Emploi local',
          category: 'economic_cooperation',
          collectiveObjectives: ['territory'],
          domains: ['employment'],
          scale: 'local',
          territoryCodes: [],
          organisationId: leadOrg,
        },
        { token: lead.accessToken },
      )
    ).body.id;
    for (const [o, role, s] of [
      [partnerOrg, 'partner', partner],
      [observerOrg, 'observer', observer],
    ] as const) {
      await api.post(`/api/alliances/${allianceId}/members`, { organisationId: o, role }, { token: lead.accessToken });
      await api.post(`/api/alliances/${allianceId}/members/${o}/accept`, undefined, { token: s.accessToken });
    }
  });
  afterAll(async () => {
    await proc?.stop();
    await db?.drop();
  });

  it('creates an objective tied to a collective objective, and validates indicators', async () => {
    const created = await api.post(
      `/api/alliances/${allianceId}/objectives`,
      { title: 'Retour à l’emploi', collectiveObjective: 'territory', description: 'Accompagner 200 personnes' },
      { token: lead.accessToken },
    );
    expect(created.status).toBe(201);
    objectiveId = created.body.id;
    expect(created.body).toMatchObject({ status: 'no_data', progress: null, indicators: [] });

    const bad = await api.post(
      `/api/objectives/${objectiveId}/indicators`,
      {
        name: 'Personnes',
        unit: 'pers.',
        baseline: 10,
        target: 10,
        startDate: '2026-06-01',
        targetDate: '2026-01-01',
        direction: 'increase',
        ownerOrganisationId: partnerOrg,
      },
      { token: lead.accessToken },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['target', 'targetDate']);
    const notFinite = await api.call('POST', `/api/objectives/${objectiveId}/indicators`, {
      token: lead.accessToken,
      body:
        '{"name":"x y","unit":"u","baseline":1e999,"target":"12","startDate":"2026-13-01","targetDate":"2027-01-01","direction":"up","ownerOrganisationId":"' +
        partnerOrg +
        '"}',
    });
    expect(notFinite.status).toBe(400);
    expect(notFinite.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['baseline', 'target', 'startDate', 'direction']),
    );
    const foreignOwner = await api.post(
      `/api/objectives/${objectiveId}/indicators`,
      {
        name: 'Personnes',
        unit: 'pers.',
        baseline: 0,
        target: 200,
        startDate: daysFromNow(-100),
        targetDate: daysFromNow(100),
        direction: 'increase',
        ownerOrganisationId: randomUUID(),
      },
      { token: lead.accessToken },
    );
    expect(foreignOwner.body.details).toEqual([expect.objectContaining({ field: 'ownerOrganisationId' })]);

    const ok = await api.post(
      `/api/objectives/${objectiveId}/indicators`,
      {
        name: 'Personnes accompagnées',
        unit: 'pers.',
        baseline: 0,
        target: 200,
        startDate: daysFromNow(-100),
        targetDate: daysFromNow(100),
        direction: 'increase',
        ownerOrganisationId: partnerOrg,
      },
      { token: lead.accessToken },
    );
    expect(ok.status).toBe(201);
    indicatorId = ok.body.id;
    expect(ok.body).toMatchObject({ status: 'no_data', progress: null, elapsed: expect.closeTo(0.5, 1) });
  });

  it('computes progress and status from the latest check-in and the elapsed time', async () => {
    const first = await api.post(
      `/api/indicators/${indicatorId}/checkins`,
      { value: 90, date: daysFromNow(-1), confidence: 4, note: 'Bon trimestre' },
      { token: partner.accessToken },
    );
    expect(first.status).toBe(201);
    let board = (await api.get(`/api/alliances/${allianceId}/objectives`, { token: observer.accessToken })).body;
    expect(board[0].indicators[0]).toMatchObject({ progress: 0.45, status: 'on_track', latest: { value: 90 } });
    expect(board[0]).toMatchObject({ status: 'on_track', progress: 0.45 });

    await api.post(`/api/indicators/${indicatorId}/checkins`, { value: 60, date: daysFromNow(0) }, { token: partner.accessToken });
    board = (await api.get(`/api/alliances/${allianceId}/objectives`, { token: lead.accessToken })).body;
    expect(board[0].indicators[0]).toMatchObject({ progress: 0.3, status: 'at_risk' });

    // An older measurement entered later does not replace the latest one.
    await api.post(`/api/indicators/${indicatorId}/checkins`, { value: 10, date: daysFromNow(-50) }, { token: lead.accessToken });
    expect((await api.get(`/api/indicators/${indicatorId}`, { token: lead.accessToken })).body).toMatchObject({
      progress: 0.3,
      status: 'at_risk',
    });

    await api.post(`/api/indicators/${indicatorId}/checkins`, { value: 250, date: daysFromNow(0) }, { token: lead.accessToken });
    const detail = (await api.get(`/api/indicators/${indicatorId}`, { token: lead.accessToken })).body;
    expect(detail).toMatchObject({ progress: 1.25, status: 'achieved' });
    expect(detail.checkIns).toHaveLength(4);
    expect(detail.planned[0]).toEqual({ date: daysFromNow(-100), value: 0 });
    expect(detail.planned.at(-1)).toEqual({ date: daysFromNow(100), value: 200 });
  });

  it('makes check-ins idempotent with a client id: a retry answers 200 with the original, never a second row', async () => {
    const id = randomUUID();
    const body = { id, value: 120, date: daysFromNow(0), note: 'réseau instable' };
    const [a, b] = await Promise.all([
      api.post(`/api/indicators/${indicatorId}/checkins`, body, { token: partner.accessToken }),
      api.post(`/api/indicators/${indicatorId}/checkins`, body, { token: partner.accessToken }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(id);
    expect(b.body.id).toBe(id);
    const retry = await api.post(`/api/indicators/${indicatorId}/checkins`, { ...body, value: 999 }, { token: partner.accessToken });
    expect(retry.status).toBe(200);
    expect(retry.body.value).toBe(120);
    expect(await sql(proc, db, 'SELECT count(*)::int AS n FROM checkins WHERE id = $1', [id])).toEqual([{ n: 1 }]);
    // Somebody else reusing the id cannot overwrite or read it.
    expect((await api.post(`/api/indicators/${indicatorId}/checkins`, body, { token: lead.accessToken })).status).toBe(409);
  });

  it('lets the author correct a check-in for 24 hours, then keeps history immutable', async () => {
    const created = (
      await api.post(`/api/indicators/${indicatorId}/checkins`, { value: 130, date: daysFromNow(0) }, { token: partner.accessToken })
    ).body;
    expect((await api.patch(`/api/checkins/${created.id}`, { value: 131 }, { token: lead.accessToken })).status).toBe(403);
    const fixed = await api.patch(`/api/checkins/${created.id}`, { value: 131, note: 'faute de frappe' }, { token: partner.accessToken });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ value: 131, note: 'faute de frappe' });
    await sql(proc, db, "UPDATE checkins SET created_at = now() - interval '25 hours' WHERE id = $1", [created.id]);
    const late = await api.patch(`/api/checkins/${created.id}`, { value: 132 }, { token: partner.accessToken });
    expect(late.status).toBe(409);
    expect(
      (await api.get(`/api/indicators/${indicatorId}`, { token: partner.accessToken })).body.checkIns.find(
        (c: { id: string }) => c.id === created.id,
      ).value,
    ).toBe(131);
  });

  it('shows overdue milestones', async () => {
    const late = await api.post(
      `/api/objectives/${objectiveId}/milestones`,
      { title: 'Forum emploi', ownerOrganisationId: leadOrg, dueDate: daysFromNow(-3) },
      { token: lead.accessToken },
    );
    expect(late.body).toMatchObject({ overdue: true, done: false });
    const done = await api.patch(`/api/milestones/${late.body.id}`, { done: true }, { token: partner.accessToken });
    expect(done.body).toMatchObject({ overdue: false, done: true });
  });

  it('builds the mutual-benefit matrix and shows who gets nothing yet', async () => {
    let matrix = (await api.get(`/api/alliances/${allianceId}/objectives/matrix`, { token: lead.accessToken })).body;
    expect(matrix.partnersWithoutBenefit.sort()).toEqual([leadOrg, partnerOrg].sort());
    expect(
      (
        await api.call('PUT', `/api/objectives/${objectiveId}/benefits/${leadOrg}`, {
          token: partner.accessToken,
          body: { squares: ['positioning'] },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api.call('PUT', `/api/objectives/${objectiveId}/benefits/${partnerOrg}`, {
          token: partner.accessToken,
          body: { squares: ['value_proposition', 'processes'] },
        })
      ).status,
    ).toBe(200);
    matrix = (await api.get(`/api/alliances/${allianceId}/objectives/matrix`, { token: observer.accessToken })).body;
    expect(matrix.cells[objectiveId][partnerOrg]).toEqual(['value_proposition', 'processes']);
    expect(matrix.partnersWithoutBenefit).toEqual([leadOrg]);
  });

  it('exports indicators and check-ins as CSV, neutralising formulas', async () => {
    await api.post(
      `/api/indicators/${indicatorId}/checkins`,
      { value: 140, date: daysFromNow(0), note: '=HYPERLINK("http://evil")' },
      { token: partner.accessToken },
    );
    const res = await api.get(`/api/alliances/${allianceId}/objectives/export`, { token: observer.accessToken });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^objective,collective_objective,indicator/);
    expect(lines.length).toBe(1 + 7);
    expect(res.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('keeps observers read-only and outsiders out (404 whatever the id)', async () => {
    expect(
      (await api.post(`/api/indicators/${indicatorId}/checkins`, { value: 1, date: daysFromNow(0) }, { token: observer.accessToken }))
        .status,
    ).toBe(403);
    expect(
      (
        await api.post(
          `/api/alliances/${allianceId}/objectives`,
          { title: 'Nope', collectiveObjective: 'innovation', description: '' },
          { token: observer.accessToken },
        )
      ).status,
    ).toBe(403);
    for (const [method, path, body] of [
      ['GET', `/api/alliances/${allianceId}/objectives`, undefined],
      ['GET', `/api/indicators/${indicatorId}`, undefined],
      ['POST', `/api/indicators/${indicatorId}/checkins`, { value: 1, date: daysFromNow(0) }],
      ['PATCH', `/api/objectives/${objectiveId}`, { title: 'Pris par un autre' }],
      ['GET', `/api/alliances/${allianceId}/objectives/export`, undefined],
    ] as const) {
      const res = await api.call(method, path, { token: outsider.accessToken, body });
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('Retour à l’emploi');
    }
  });

  it('keeps a note private to its author’s organisation: other partners and observers see the value only', async () => {
    const body = { value: 95, date: daysFromNow(0), note: 'Chiffre provisoire, à confirmer en interne', notePrivate: true };
    const created = await api.post(`/api/indicators/${indicatorId}/checkins`, body, { token: partner.accessToken });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ note: body.note, notePrivate: true });
    const seenBy = async (who: Session) =>
      (await api.get(`/api/indicators/${indicatorId}`, { token: who.accessToken })).body.checkIns.find(
        (c: { id: string }) => c.id === created.body.id,
      );
    expect(await seenBy(partner)).toMatchObject({ value: 95, note: body.note, notePrivate: true });
    expect(await seenBy(lead)).toMatchObject({ value: 95, note: null, notePrivate: true });
    expect(await seenBy(observer)).toMatchObject({ value: 95, note: null, notePrivate: true });
    const csv = (await api.get(`/api/alliances/${allianceId}/objectives/export`, { token: lead.accessToken })).text;
    expect(csv).not.toContain('à confirmer en interne');
    // Its author makes it public again: everyone reads it.
    const shared = await api.patch(`/api/checkins/${created.body.id}`, { notePrivate: false }, { token: partner.accessToken });
    expect(shared.status).toBe(200);
    expect(await seenBy(lead)).toMatchObject({ note: body.note, notePrivate: false });
  });
});
