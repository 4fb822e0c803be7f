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
  ADMIN_EMAIL: 'admin@governance.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
  SCHEDULER_INTERVAL_MS: '300',
};
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('governance: decisions by organisation and actions', () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let lead: Session;
  let partnerA: Session;
  let partnerB: Session;
  let funder: Session;
  let outsider: Session;
  let leadOrg: string;
  let orgA: string;
  let orgB: string;
  let funderOrg: string;
  let allianceId: string;
  let A: string;
  /** A meeting of this alliance, and one of the outsider's own alliance (issue 17: checked through MeetingsReader). */
  let meetingId: string;
  let foreignMeetingId: string;

  const propose = (s: Session, body: Record<string, unknown>) =>
    api.post(
      `${A}/decisions`,
      { title: 'Décision', proposal: 'Texte de la proposition', closesAt: inDays(7), rule: 'consent', ...body },
      { token: s.accessToken },
    );
  const position = (s: Session, id: string, organisationId: string, p: string, reason?: string) =>
    api.call('PUT', `/api/decisions/${id}/positions/me`, {
      token: s.accessToken,
      body: { organisationId, position: p, ...(reason ? { reason } : {}) },
    });
  const hits = async (s: Session, query: string) =>
    (await api.get(`${A}/decisions?${query}`, { token: s.accessToken })).body.items.map((d: { title: string }) => d.title);
  const journal = async (action: string) =>
    (await api.get(`${A}/audit?kind=governance&limit=200`, { token: lead.accessToken })).body.items.filter(
      (e: { action: string }) => e.action === action,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    api = new ApiClient(proc.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    [lead, partnerA, partnerB, funder, outsider] = await Promise.all([
      api.signUp({ displayName: 'Léa Pilote' }),
      api.signUp({ displayName: 'Anaïs Partenaire' }),
      api.signUp({ displayName: 'Bruno Partenaire' }),
      api.signUp({ displayName: 'Fanny Fondation' }),
      api.signUp({ displayName: 'Olivier Dehors' }),
    ]);
    const org = async (s: Session, name: string, profile = 'association') => {
      const id = (await api.applyOrganisation(s, { name, profile })).id as string;
      await api.approveOrganisation(admin, id);
      return id;
    };
    [leadOrg, orgA, orgB, funderOrg] = await Promise.all([
      org(lead, 'Association Pilote'),
      org(partnerA, 'Association Alpha'),
      org(partnerB, 'Association Bêta'),
      org(funder, 'Fondation Gouvernance', 'foundation'),
    ]);
    const outsiderOrg = await org(outsider, 'Association Dehors');
    const createAlliance = async (s: Session, name: string, organisationId: string) =>
      (
        await api.post(
          '/api/alliances',
          {
            name,
            purpose: 'Décider ensemble',
            category: 'societal_innovation',
            collectiveObjectives: ['engagement'],
            domains: ['carers'],
            scale: 'local',
            territoryCodes: ['69123'],
            organisationId,
          },
          { token: s.accessToken },
        )
      ).body.id as string;
    allianceId = await createAlliance(lead, 'Alliance gouvernée', leadOrg);
    A = `/api/alliances/${allianceId}`;
    const schedule = async (s: Session, alliance: string, title: string) => {
      const res = await api.post(
        `/api/alliances/${alliance}/meetings`,
        { title, startsAt: inDays(10), endsAt: new Date(Date.parse(inDays(10)) + 7_200_000).toISOString(), agenda: [] },
        { token: s.accessToken },
      );
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    meetingId = await schedule(lead, allianceId, 'Comité de pilotage');
    foreignMeetingId = await schedule(outsider, await createAlliance(outsider, 'Alliance d’à côté', outsiderOrg), 'Réunion d’à côté');
    for (const [o, role, s] of [
      [orgA, 'partner', partnerA],
      [orgB, 'partner', partnerB],
      [funderOrg, 'funder', funder],
    ] as const) {
      expect((await api.post(`${A}/members`, { organisationId: o, role }, { token: lead.accessToken })).status).toBe(201);
      expect((await api.post(`${A}/members/${o}/accept`, undefined, { token: s.accessToken })).status).toBe(200);
    }
  });
  afterAll(async () => {
    await proc?.stop();
    await db?.drop();
  });

  it('refuses bad proposals with the failing fields and lets a funder propose nothing', async () => {
    const bad = await api.post(
      `${A}/decisions`,
      { title: '', proposal: 'x', closesAt: 'demain', rule: 'unanimity', meetingId: 'abc' },
      { token: lead.accessToken },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['closesAt', 'meetingId', 'proposal', 'rule', 'title']);
    const past = await propose(lead, { closesAt: inDays(-1) });
    expect(past.status).toBe(400);
    expect(past.body.details[0].field).toBe('closesAt');
    expect((await propose(funder, {})).status).toBe(404);
    expect((await propose(outsider, {})).status).toBe(404);
  });

  it('records a proposal with one row per lead and partner organisation and tells the partners', async () => {
    const res = await propose(lead, { title: 'Réunir le comité de pilotage', meetingId });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'open', rule: 'consent', meetingId, canClose: true, canPositionFor: [leadOrg] });
    expect(res.body.positions.map((p: { organisationId: string }) => p.organisationId).sort()).toEqual([leadOrg, orgA, orgB].sort());
    expect(res.body.positions[0]).toMatchObject({ organisationId: leadOrg, role: 'lead', position: null });
    expect(res.body.counts).toEqual({ agree: 0, abstain: 0, disagree: 0, block: 0, none: 3, organisations: 3 });
    const notes = (await api.get('/api/notifications', { token: partnerA.accessToken })).body.items;
    expect(notes.some((n: { type: string; link: string }) => n.type === 'decision_proposed' && n.link.endsWith(res.body.id))).toBe(true);
    expect(await journal('decision.proposed')).toHaveLength(1);
  });

  it('refuses a decision made at another alliance’s meeting, or an unknown one, naming meetingId (issue 17)', async () => {
    for (const other of [foreignMeetingId, UNKNOWN]) {
      const res = await propose(lead, { title: 'Décision d’ailleurs', meetingId: other });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['meetingId']);
    }
    expect(await hits(lead, 'q=ailleurs')).toEqual([]);
  });

  it('takes positions only for an organisation the caller represents, with a reason to disagree or block, until the close', async () => {
    const d = (await propose(lead, { title: 'Adopter le budget' })).body;
    expect((await position(partnerA, d.id, orgA, 'agree')).status).toBe(200);
    const other = await position(partnerA, d.id, orgB, 'agree');
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('decision.not_represented');
    expect((await position(funder, d.id, funderOrg, 'agree')).status).toBe(404);
    expect((await position(outsider, d.id, orgA, 'agree')).status).toBe(404);
    for (const p of ['block', 'disagree']) {
      const noReason = await position(partnerB, d.id, orgB, p);
      expect(noReason.status).toBe(400);
      expect(noReason.body.details[0].field).toBe('reason');
    }
    expect((await position(partnerB, d.id, orgB, 'disagree', 'Trop cher')).status).toBe(200);
    // Changed until the close.
    const changed = await position(partnerB, d.id, orgB, 'abstain');
    expect(changed.status).toBe(200);
    expect(changed.body.positions.find((p: { organisationId: string }) => p.organisationId === orgB)).toMatchObject({
      position: 'abstain',
      reason: null,
      setBy: 'Bruno Partenaire',
    });
    expect(changed.body.counts).toMatchObject({ agree: 1, abstain: 1, none: 1 });
    const closed = await api.post(`/api/decisions/${d.id}/close`, undefined, { token: lead.accessToken });
    expect(closed.status).toBe(200);
    // Consent: nobody blocked.
    expect(closed.body.status).toBe('adopted');
    const late = await position(partnerB, d.id, orgB, 'block', 'Trop tard');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('decision.closed');
    expect((await api.post(`/api/decisions/${d.id}/close`, undefined, { token: lead.accessToken })).status).toBe(409);
  });

  it('by consent, one block rejects; only the proposer or the lead closes early; the close is journaled with the counts', async () => {
    const d = (await propose(partnerA, { title: 'Changer de nom' })).body;
    await position(lead, d.id, leadOrg, 'agree');
    await position(partnerA, d.id, orgA, 'agree');
    await position(partnerB, d.id, orgB, 'block', 'Le nom actuel est connu');
    const forbidden = await api.post(`/api/decisions/${d.id}/close`, undefined, { token: partnerB.accessToken });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('decision.close_forbidden');
    const closed = await api.post(`/api/decisions/${d.id}/close`, undefined, { token: partnerA.accessToken });
    expect(closed.body).toMatchObject({ status: 'rejected', canClose: false, canPositionFor: [] });
    const entry = (await journal('decision.closed')).find((e: { objectId: string }) => e.objectId === d.id);
    expect(entry.details).toMatchObject({ outcome: 'rejected', by: 'early', counts: { agree: 2, block: 1, organisations: 3 } });
    const notes = (await api.get('/api/notifications', { token: partnerB.accessToken })).body.items;
    expect(notes.some((n: { type: string }) => n.type === 'decision_closed')).toBe(true);
  });

  it('by majority, more than half of the lead and partner organisations must agree', async () => {
    const half = (await propose(lead, { title: 'Majorité manquée', rule: 'majority' })).body;
    await position(lead, half.id, leadOrg, 'agree');
    await position(partnerA, half.id, orgA, 'disagree', 'Pas maintenant');
    const rejected = (await api.post(`/api/decisions/${half.id}/close`, undefined, { token: lead.accessToken })).body;
    expect(rejected).toMatchObject({ status: 'rejected', counts: { agree: 1, disagree: 1, none: 1, organisations: 3 } });
    const most = (await propose(lead, { title: 'Majorité atteinte', rule: 'majority' })).body;
    await position(lead, most.id, leadOrg, 'agree');
    await position(partnerA, most.id, orgA, 'agree');
    await position(partnerB, most.id, orgB, 'block', 'Je bloque');
    expect((await api.post(`/api/decisions/${most.id}/close`, undefined, { token: lead.accessToken })).body.status).toBe('adopted');
  });

  it('closes a decision at its date through the scheduled job', async () => {
    const d = (await propose(lead, { title: 'Fermée par le calendrier' })).body;
    await position(partnerA, d.id, orgA, 'agree');
    await sql(proc, db, "UPDATE decisions SET closes_at = now() - interval '1 second' WHERE id = $1", [d.id]);
    expect((await position(partnerA, d.id, orgA, 'abstain')).status).toBe(409);
    const deadline = Date.now() + 15_000;
    let status = 'open';
    while (status === 'open' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await api.get(`/api/decisions/${d.id}`, { token: lead.accessToken })).body.status;
    }
    expect(status).toBe('adopted');
    const entry = (await journal('decision.closed')).find((e: { objectId: string }) => e.objectId === d.id);
    expect(entry.details).toMatchObject({ outcome: 'adopted', by: 'schedule' });
    const jobs = (await api.get('/api/admin/jobs', { token: (await api.login(ENV.ADMIN_EMAIL)).accessToken })).body;
    const names = (Array.isArray(jobs) ? jobs : jobs.items).map((j: { name: string }) => j.name);
    expect(names).toEqual(expect.arrayContaining(['decision_closing', 'action_reminders']));
  });

  it('searches the register without accents or case, filters by status and meeting, pages with a cursor', async () => {
    await propose(lead, { title: 'Élargir le comité aux habitants', proposal: 'Ouvrir deux sièges' });
    const searched = (query: string) => hits(partnerB, query);
    expect(await searched('q=elargir')).toEqual(['Élargir le comité aux habitants']);
    expect(await searched('q=COMITE%20AUX')).toEqual(['Élargir le comité aux habitants']);
    expect(await searched('q=sieges')).toEqual(['Élargir le comité aux habitants']);
    expect(await searched('q=%25')).toEqual([]);
    expect(await searched('status=rejected')).toEqual(expect.arrayContaining(['Changer de nom', 'Majorité manquée']));
    expect((await searched('status=rejected')).length).toBe(2);
    expect(await searched(`meetingId=${meetingId}`)).toEqual(['Réunir le comité de pilotage']);
    expect(await searched(`meetingId=${foreignMeetingId}`)).toEqual([]);
    const first = (await api.get(`${A}/decisions?limit=2`, { token: lead.accessToken })).body;
    expect(first.items).toHaveLength(2);
    const second = (await api.get(`${A}/decisions?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`, { token: lead.accessToken }))
      .body;
    expect(second.items[0].id).not.toBe(first.items[1].id);
    expect((await api.get(`${A}/decisions?status=maybe`, { token: lead.accessToken })).status).toBe(400);
    expect((await api.get(`${A}/decisions?cursor=nope`, { token: lead.accessToken })).status).toBe(400);
  });

  it('exports the register as CSV', async () => {
    const res = await api.get(`${A}/decisions/export?format=csv`, { token: lead.accessToken });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Titre,Règle,Statut');
    expect(lines.some((l) => l.startsWith('Changer de nom,Consentement,Rejetée'))).toBe(true);
    expect((await api.get(`${A}/decisions/export?format=xls`, { token: lead.accessToken })).status).toBe(400);
  });

  it('assigns actions to a person of a lead or partner organisation only, and lets the assignee mark them done', async () => {
    const people = (await api.get(`${A}/people`, { token: lead.accessToken })).body;
    expect(people.map((p: { name: string }) => p.name).sort()).toEqual(['Anaïs Partenaire', 'Bruno Partenaire', 'Léa Pilote']);
    const create = (body: Record<string, unknown>, s = lead) =>
      api.post(
        `${A}/actions`,
        { title: 'Préparer le comité', assigneeUserId: partnerA.user.id, dueOn: '2027-03-01', ...body },
        { token: s.accessToken },
      );
    for (const who of [outsider, funder]) {
      const res = await create({ assigneeUserId: who.user.id });
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe('assigneeUserId');
    }
    expect((await create({ dueOn: '2027-02-30' })).status).toBe(400);
    expect((await create({ source: { type: 'decision', id: UNKNOWN } })).body.details[0].field).toBe('source.id');
    expect((await create({}, funder)).status).toBe(404);
    const decision = (await api.get(`${A}/decisions?q=budget`, { token: lead.accessToken })).body.items[0];
    const res = await create({ source: { type: 'decision', id: decision.id } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'open',
      assignee: { userId: partnerA.user.id, name: 'Anaïs Partenaire' },
      organisationName: 'Association Alpha',
      source: { type: 'decision', id: decision.id, title: 'Adopter le budget' },
      version: 1,
      origin: 'governance',
    });
    // A meeting source is checked through the meetings domain (issue 17): another alliance's meeting is refused.
    for (const other of [foreignMeetingId, UNKNOWN]) {
      const foreign = await create({ title: 'Compte rendu d’ailleurs', source: { type: 'meeting', id: other } });
      expect(foreign.status).toBe(400);
      expect(foreign.body.details.map((d: { field: string }) => d.field)).toEqual(['source.id']);
    }
    const fromMeeting = await create({ title: 'Compte rendu', source: { type: 'meeting', id: meetingId } });
    expect(fromMeeting.status).toBe(201);
    expect(fromMeeting.body.source).toMatchObject({ type: 'meeting', id: meetingId });
    const bySourceMeeting = (await api.get(`${A}/actions?sourceType=meeting&sourceId=${meetingId}`, { token: partnerB.accessToken })).body
      .items;
    expect(bySourceMeeting.map((a: { id: string }) => a.id)).toEqual([fromMeeting.body.id]);
    // The meeting an action came from is named, as a decision or an evaluation is.
    expect(bySourceMeeting[0].source).toEqual({ type: 'meeting', id: meetingId, title: 'Comité de pilotage' });
    const mine = (await api.get(`${A}/actions?assignee=me`, { token: partnerA.accessToken })).body.items;
    expect(mine.map((a: { title: string }) => a.title).sort()).toEqual(['Compte rendu', 'Préparer le comité']);
    expect((await api.get(`${A}/actions?assignee=me`, { token: partnerB.accessToken })).body.items).toEqual([]);
    const bySource = (await api.get(`${A}/actions?sourceType=decision&sourceId=${decision.id}`, { token: partnerB.accessToken })).body
      .items;
    expect(bySource.map((a: { id: string }) => a.id)).toEqual([res.body.id]);

    const forbidden = await api.patch(`/api/actions/${res.body.id}`, { status: 'done', version: 1 }, { token: partnerB.accessToken });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('action.edit_forbidden');
    const done = await api.patch(`/api/actions/${res.body.id}`, { status: 'done', version: 1 }, { token: partnerA.accessToken });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', version: 2 });
    const stale = await api.patch(`/api/actions/${res.body.id}`, { title: 'Autre', version: 1 }, { token: lead.accessToken });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('action.stale_version');
    const reassigned = await api.patch(
      `/api/actions/${res.body.id}`,
      { assigneeUserId: outsider.user.id, version: 2 },
      { token: lead.accessToken },
    );
    expect(reassigned.status).toBe(400);
    expect(
      (
        await api.patch(
          `/api/actions/${res.body.id}`,
          { assigneeUserId: partnerB.user.id, status: 'open', version: 2 },
          { token: lead.accessToken },
        )
      ).body,
    ).toMatchObject({
      status: 'open',
      organisationName: 'Association Bêta',
      version: 3,
    });
    expect(await journal('action.created')).toHaveLength(2);
    expect(await journal('action.done')).toHaveLength(1);
    expect((await journal('action.updated')).length).toBeGreaterThanOrEqual(1);
    const open = (await api.get(`${A}/actions?status=done`, { token: lead.accessToken })).body.items;
    expect(open).toEqual([]);
  });

  it('shows the evaluation action plan in the same list, while the evaluation routes answer as before', async () => {
    const campaign = (await api.post(`${A}/evaluations`, { title: 'Bilan annuel', closesAt: inDays(3) }, { token: lead.accessToken })).body;
    await api.post(`/api/evaluations/${campaign.id}/close`, undefined, { token: lead.accessToken });
    const planned = await api.post(
      `/api/evaluations/${campaign.id}/actions`,
      { title: 'Clarifier les rôles', ownerOrganisationId: orgB, dueDate: '2027-01-15' },
      { token: partnerB.accessToken },
    );
    expect(planned.status).toBe(201);
    expect(Object.keys(planned.body).sort()).toEqual([
      'campaignId',
      'charterSection',
      'done',
      'dueDate',
      'id',
      'objectiveId',
      'ownerOrganisationId',
      'title',
    ]);
    const list = (await api.get(`${A}/actions`, { token: partnerA.accessToken })).body.items;
    const row = list.find((a: { id: string }) => a.id === planned.body.id);
    expect(row).toMatchObject({
      origin: 'evaluation',
      status: 'open',
      assignee: null,
      organisationName: 'Association Bêta',
      source: { type: 'evaluation', id: campaign.id, title: 'Bilan annuel' },
    });
    // By due date: the plan's action (2027-01-15) comes before the others (2027-03-01).
    expect(list[0].id).toBe(planned.body.id);
    const filtered = (await api.get(`${A}/actions?sourceType=evaluation&sourceId=${campaign.id}`, { token: lead.accessToken })).body.items;
    expect(filtered.map((a: { id: string }) => a.id)).toEqual([planned.body.id]);
    const toggled = await api.patch(`/api/evaluation-actions/${planned.body.id}`, { done: true }, { token: partnerA.accessToken });
    expect(toggled.status).toBe(200);
    expect(toggled.body.done).toBe(true);
    const done = (await api.get(`${A}/actions?status=done`, { token: lead.accessToken })).body.items;
    expect(done.map((a: { id: string }) => a.id)).toEqual([planned.body.id]);
    expect((await api.get(`/api/evaluations/${campaign.id}/actions`, { token: lead.accessToken })).body).toHaveLength(1);
    // Pages across both kinds keep the order.
    const page1 = (await api.get(`${A}/actions?limit=1`, { token: lead.accessToken })).body;
    const page2 = (await api.get(`${A}/actions?limit=5&cursor=${encodeURIComponent(page1.nextCursor)}`, { token: lead.accessToken })).body;
    expect([...page1.items, ...page2.items].map((a: { id: string }) => a.id)).toEqual(list.map((a: { id: string }) => a.id));
  });

  it('answers 404 to an outsider and to a funder on every route, whatever the id', async () => {
    const decision = (await api.get(`${A}/decisions`, { token: lead.accessToken })).body.items[0].id;
    const action = (await api.get(`${A}/actions?sourceType=meeting`, { token: lead.accessToken })).body.items[0].id;
    for (const s of [outsider, funder]) {
      const t = { token: s.accessToken };
      const answers = [
        await api.post(`${A}/decisions`, { title: 'x x', proposal: 'y y', closesAt: inDays(2), rule: 'consent' }, t),
        await api.get(`${A}/decisions`, t),
        await api.get(`${A}/decisions/export?format=csv`, t),
        await api.get(`/api/decisions/${decision}`, t),
        await api.call('PUT', `/api/decisions/${decision}/positions/me`, { ...t, body: { organisationId: orgA, position: 'agree' } }),
        await api.post(`/api/decisions/${decision}/close`, undefined, t),
        await api.get(`${A}/people`, t),
        await api.post(`${A}/actions`, { title: 'x x', assigneeUserId: partnerA.user.id, dueOn: '2027-01-01' }, t),
        await api.get(`${A}/actions`, t),
        await api.patch(`/api/actions/${action}`, { status: 'done', version: 1 }, t),
        await api.get(`/api/decisions/${UNKNOWN}`, t),
        await api.patch(`/api/actions/${UNKNOWN}`, { status: 'done', version: 1 }, t),
      ];
      expect(answers.map((r) => r.status)).toEqual(answers.map(() => 404));
    }
  });
});
