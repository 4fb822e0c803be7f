import {
  ApiClient,
  CollabClient,
  createTestDatabase,
  eventually,
  GOOD_PASSWORD,
  sql,
  startApiProcess,
  testServerName,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import * as Y from 'yjs';

const ADMIN = {
  JWT_SECRET: 'meetings-test-secret-that-is-long-enough-123456',
  ADMIN_EMAIL: 'admin@meetings.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};

interface World {
  lead: Session;
  partner: Session;
  observer: Session;
  funder: Session;
  outsider: Session;
  leadOrg: string;
  partnerOrg: string;
  observerOrg: string;
  funderOrg: string;
  outsiderOrg: string;
  allianceId: string;
  otherAllianceId: string;
}

/** A lead, a partner, an observer and a funder in one alliance; an outsider with an alliance of its own. */
async function buildWorld(api: ApiClient): Promise<World> {
  const admin = await api.login(ADMIN.ADMIN_EMAIL);
  const [lead, partner, observer, funder, outsider] = await Promise.all(
    ['lead', 'partner', 'observer', 'funder', 'outsider'].map((p) => api.signUp({ displayName: `${p} person` })),
  );
  const orgOf = async (s: Session, name: string, profile = 'association') => {
    const o = await api.applyOrganisation(s, { name, profile });
    await api.approveOrganisation(admin, o.id);
    return o.id as string;
  };
  const leadOrg = await orgOf(lead, 'Réseau Pilote');
  const partnerOrg = await orgOf(partner, 'Association Partenaire');
  const observerOrg = await orgOf(observer, 'Association Observatrice');
  const funderOrg = await orgOf(funder, 'Fondation Financeur', 'foundation');
  const outsiderOrg = await orgOf(outsider, 'Association Extérieure');
  const alliance = (organisationId: string) => ({
    name: 'Alliance des aidants',
    purpose: 'Soutenir les aidants salariés',
    category: 'societal_innovation',
    collectiveObjectives: ['engagement'],
    domains: ['carers'],
    scale: 'local',
    territoryCodes: ['69123'],
    organisationId,
  });
  const created = await api.post('/api/alliances', alliance(leadOrg), { token: lead.accessToken });
  expect(created.status).toBe(201);
  const allianceId = created.body.id as string;
  for (const [org, role, s] of [
    [partnerOrg, 'partner', partner],
    [observerOrg, 'observer', observer],
    [funderOrg, 'funder', funder],
  ] as const) {
    expect(
      (await api.post(`/api/alliances/${allianceId}/members`, { organisationId: org, role }, { token: lead.accessToken })).status,
    ).toBe(201);
    expect((await api.post(`/api/alliances/${allianceId}/members/${org}/accept`, undefined, { token: s.accessToken })).status).toBe(200);
  }
  const other = await api.post('/api/alliances', alliance(outsiderOrg), { token: outsider.accessToken });
  expect(other.status).toBe(201);
  return {
    lead,
    partner,
    observer,
    funder,
    outsider,
    leadOrg,
    partnerOrg,
    observerOrg,
    funderOrg,
    outsiderOrg,
    allianceId,
    otherAllianceId: other.body.id,
  };
}

const inDays = (days: number, hours = 9) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hours, 0, 0, 0);
  return d.toISOString();
};

describe(`meetings (${testServerName()})`, () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let w: World;
  let dataDir: string;
  const clients: CollabClient[] = [];
  const joinMinutes = async (s: Session, meetingId: string) => {
    const c = await CollabClient.joinMinutes(proc.url, s.accessToken, meetingId);
    clients.push(c);
    return c;
  };
  const refusal = async (s: Session, meetingId: string) =>
    CollabClient.joinMinutes(proc.url, s.accessToken, meetingId).then(
      (c) => {
        c.close();
        return { ok: true };
      },
      (e: { answer?: unknown }) => e.answer,
    );
  const meetingCount = async () => Number((await sql(proc, db, 'SELECT count(*)::int AS n FROM meetings'))[0].n);
  const schedule = async (body: Record<string, unknown> = {}, s: Session = w.lead) => {
    const res = await api.post(
      `/api/alliances/${w.allianceId}/meetings`,
      { title: 'Comité de pilotage', startsAt: inDays(7), endsAt: inDays(7, 11), agenda: [{ title: 'Bilan du trimestre' }], ...body },
      { token: s.accessToken },
    );
    return res;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(joinPath(tmpdir(), 'alliances-meetings-'));
    proc = await startApiProcess({ databaseUrl: db.url, dataDir, env: ADMIN });
    api = new ApiClient(proc.url);
    w = await buildWorld(api);
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(async () => {
    await proc?.stop();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('schedules, lists, reads, edits with a version and cancels a meeting; observers read, funders and outsiders get 404', async () => {
    const created = await schedule({ location: 'Maison des aidants, Lyon', videoUrl: 'https://visio.example.org/copil' });
    expect(created.status).toBe(201);
    const m = created.body;
    expect(m).toMatchObject({ title: 'Comité de pilotage', status: 'scheduled', minutesStatus: 'draft', version: 1, canEdit: true });
    // Invited by default: the lead and partner organisations, not the observer nor the funder.
    expect(m.invited.map((i: { organisationId: string }) => i.organisationId).sort()).toEqual([w.leadOrg, w.partnerOrg].sort());

    // The invited organisations' people hear of it; the observer's, not invited, do not.
    const inbox = async (s: Session) => JSON.stringify((await api.get('/api/notifications', { token: s.accessToken })).body);
    expect(await inbox(w.partner)).toContain('meeting_scheduled');
    expect(await inbox(w.observer)).not.toContain('meeting_scheduled');

    const past = await schedule({ title: 'Réunion de lancement', startsAt: inDays(-30), endsAt: inDays(-30, 11) });
    expect(past.status).toBe(201);
    const list = await api.get(`/api/alliances/${w.allianceId}/meetings`, { token: w.observer.accessToken });
    expect(list.status).toBe(200);
    expect(list.body.upcoming.map((x: { id: string }) => x.id)).toContain(m.id);
    expect(list.body.past.map((x: { id: string }) => x.id)).toEqual([past.body.id]);
    expect(list.body.upcoming[0].canEdit).toBe(false);

    expect((await api.get(`/api/meetings/${m.id}`, { token: w.partner.accessToken })).status).toBe(200);
    for (const s of [w.funder, w.outsider]) {
      expect((await api.get(`/api/meetings/${m.id}`, { token: s.accessToken })).body.code).toBe('meeting.not_found');
      expect((await api.get(`/api/alliances/${w.allianceId}/meetings`, { token: s.accessToken })).status).toBe(404);
    }
    const observerCreates = await schedule({}, w.observer);
    expect(observerCreates.status).toBe(403);
    expect(observerCreates.body.code).toBe('meetings.partner_required');

    const edited = await api.patch(`/api/meetings/${m.id}`, { title: 'COPIL T1', version: 1 }, { token: w.partner.accessToken });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'COPIL T1', version: 2 });
    const stale = await api.patch(`/api/meetings/${m.id}`, { title: 'Autre', version: 1 }, { token: w.lead.accessToken });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('meeting.stale_version');
    const withObserver = await api.patch(
      `/api/meetings/${m.id}`,
      { invitedOrganisationIds: [w.leadOrg, w.partnerOrg, w.observerOrg], version: 2 },
      { token: w.lead.accessToken },
    );
    expect(withObserver.status).toBe(200);
    expect(withObserver.body.invited).toHaveLength(3);
    expect((await api.patch(`/api/meetings/${m.id}`, { title: 'X' }, { token: w.outsider.accessToken })).status).toBe(404);

    const cancelled = await api.post(`/api/meetings/${past.body.id}/cancel`, undefined, { token: w.lead.accessToken });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const again = await api.patch(`/api/meetings/${past.body.id}`, { title: 'Trop tard' }, { token: w.lead.accessToken });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('meeting.cancelled');

    const journal = await api.get(`/api/alliances/${w.allianceId}/audit?kind=meetings`, { token: w.lead.accessToken });
    expect(journal.status).toBe(200);
    const actions = JSON.stringify(journal.body);
    for (const action of ['meeting.scheduled', 'meeting.updated', 'meeting.cancelled']) expect(actions).toContain(action);
  });

  it('refuses bad input with 400 naming the fields, storing nothing', async () => {
    const before = await meetingCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ startsAt: inDays(3, 12), endsAt: inDays(3, 10) }, 'endsAt'],
      [{ startsAt: inDays(3, 12), endsAt: inDays(3, 12) }, 'endsAt'],
      [{ title: '   ' }, 'title'],
      [{ title: '' }, 'title'],
      [{ invitedOrganisationIds: [w.partnerOrg, w.outsiderOrg] }, 'invitedOrganisationIds.1'],
      [{ invitedOrganisationIds: [w.funderOrg] }, 'invitedOrganisationIds.0'],
      [{ videoUrl: 'javascript:alert(1)' }, 'videoUrl'],
      [{ videoUrl: 'pas une adresse' }, 'videoUrl'],
      [{ startsAt: 'demain' }, 'startsAt'],
      [{ agenda: [{ title: '' }] }, 'agenda'],
      [{ agenda: undefined }, 'agenda'],
    ];
    for (const [body, field] of cases) {
      const res = await schedule(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.details.map((d: { field: string }) => d.field).join(' ')).toContain(field);
    }
    expect(await meetingCount()).toBe(before);
    const m = (await schedule()).body;
    const bad = await api.patch(`/api/meetings/${m.id}`, { endsAt: inDays(1) }, { token: w.lead.accessToken });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('endsAt');
    expect((await api.get(`/api/meetings/${m.id}`, { token: w.lead.accessToken })).body.version).toBe(1);
  });

  it('lets only the people of an invited organisation record its attendance, with people of that organisation', async () => {
    const m = (await schedule()).body;
    const set = await api.post(
      `/api/meetings/${m.id}/attendance`,
      { organisationId: w.partnerOrg, present: [w.partner.user.id] },
      { token: w.partner.accessToken },
    );
    expect(set.status).toBe(200);
    const partnerRow = set.body.invited.find((i: { organisationId: string }) => i.organisationId === w.partnerOrg);
    expect(partnerRow.present).toEqual([{ userId: w.partner.user.id, displayName: 'partner person' }]);
    expect(partnerRow.canRepresent).toBe(true);

    const forOther = await api.post(
      `/api/meetings/${m.id}/attendance`,
      { organisationId: w.leadOrg, present: [w.lead.user.id] },
      { token: w.partner.accessToken },
    );
    expect(forOther.status).toBe(403);
    expect(forOther.body.code).toBe('meetings.not_representative');

    const notTheirs = await api.post(
      `/api/meetings/${m.id}/attendance`,
      { organisationId: w.partnerOrg, present: [w.partner.user.id, w.lead.user.id] },
      { token: w.partner.accessToken },
    );
    expect(notTheirs.status).toBe(400);
    expect(notTheirs.body.details.map((d: { field: string }) => d.field)).toEqual(['present.1']);

    const notInvited = await api.post(
      `/api/meetings/${m.id}/attendance`,
      { organisationId: w.observerOrg, present: [] },
      { token: w.observer.accessToken },
    );
    expect(notInvited.status).toBe(400);
    expect(notInvited.body.details[0].field).toBe('organisationId');

    for (const s of [w.outsider, w.funder]) {
      const res = await api.post(
        `/api/meetings/${m.id}/attendance`,
        { organisationId: w.partnerOrg, present: [] },
        { token: s.accessToken },
      );
      expect(res.status).toBe(404);
    }
    const stored = await sql(proc, db, 'SELECT present FROM meeting_invitees WHERE meeting_id = $1 AND organisation_id = $2', [
      m.id,
      w.partnerOrg,
    ]);
    expect(stored[0].present).toEqual([w.partner.user.id]);
  });

  it('has two partners write the minutes live, each seeing the other’s edits; observers read only; outsiders and funders are refused like an unknown id', async () => {
    const m = (await schedule()).body;
    const a = await joinMinutes(w.lead, m.id);
    const b = await joinMinutes(w.partner, m.id);
    expect(a.readOnly).toBe(false);
    expect(b.readOnly).toBe(false);
    expect(await a.change((c) => c.paragraph('minutes', 'Présents : les deux partenaires.'))).toEqual({ ok: true });
    expect(await b.change((c) => c.paragraph('minutes', 'Décision : lancer la permanence.'))).toEqual({ ok: true });
    const expected = 'Présents : les deux partenaires.\nDécision : lancer la permanence.';
    expect(
      await eventually(
        () => a.text('minutes'),
        (t) => t === expected,
      ),
    ).toBe(expected);
    expect(
      await eventually(
        () => b.text('minutes'),
        (t) => t === expected,
      ),
    ).toBe(expected);

    const observer = await joinMinutes(w.observer, m.id);
    expect(observer.readOnly).toBe(true);
    expect(
      await eventually(
        () => observer.text('minutes'),
        (t) => t === expected,
      ),
    ).toBe(expected);
    const refused = await observer.change((c) => c.paragraph('minutes', 'Intrusion'));
    expect(refused.error).toBe('read_only');
    expect(observer.errors.map((e) => e.code)).toContain('minutes.read_only');

    const unknown = await refusal(w.lead, '00000000-0000-4000-8000-000000000000');
    expect(unknown).toEqual({ error: 'not_found' });
    expect(await refusal(w.outsider, m.id)).toEqual(unknown);
    expect(await refusal(w.funder, m.id)).toEqual(unknown);
    expect(await refusal(w.lead, 'not-a-uuid')).toEqual(unknown);

    // The charter still works on the same namespace, in the same connection machinery.
    const charter = await CollabClient.join(proc.url, w.partner.accessToken, w.allianceId);
    clients.push(charter);
    expect(await charter.change((c) => c.paragraph('values', 'Confiance'))).toEqual({ ok: true });
    await eventually(
      () => a.text('minutes'),
      (t) => t === expected,
    );
    expect(a.text('values')).toBe('');

    const rows = await sql(proc, db, 'SELECT count(*)::int AS n FROM minutes_updates WHERE meeting_id = $1', [m.id]);
    expect(rows[0].n).toBeGreaterThanOrEqual(2);
  });

  it('freezes the minutes, collects every invited organisation’s approval of that version, then keeps them read-only', async () => {
    const m = (await schedule()).body;
    const a = await joinMinutes(w.lead, m.id);
    expect(await a.change((c) => c.paragraph('minutes', 'Ordre du jour traité.'))).toEqual({ ok: true });
    const b = await joinMinutes(w.partner, m.id);

    expect((await api.post(`/api/meetings/${m.id}/minutes/finalise`, undefined, { token: w.observer.accessToken })).status).toBe(403);
    const final = await api.post(`/api/meetings/${m.id}/minutes/finalise`, undefined, { token: w.partner.accessToken });
    expect(final.status).toBe(200);
    expect(final.body.status).toBe('final');
    const text: string = final.body.current.text;
    expect(text).toContain('Ordre du jour traité.');
    expect(final.body.current.sha256).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(final.body.awaiting.sort()).toEqual([w.leadOrg, w.partnerOrg].sort());
    // A client still connected cannot change the frozen text.
    const late = await b.change((c) => c.paragraph('minutes', 'Ajout tardif'));
    expect(late.error).toBe('read_only');
    expect((await api.post(`/api/meetings/${m.id}/minutes/finalise`, undefined, { token: w.lead.accessToken })).body.code).toBe(
      'minutes.not_draft',
    );

    // Reopened, edited, finalised again: a new version, new hash.
    expect((await api.post(`/api/meetings/${m.id}/minutes/reopen`, undefined, { token: w.lead.accessToken })).body.status).toBe('draft');
    const c2 = await joinMinutes(w.partner, m.id);
    expect(await c2.change((c) => c.paragraph('minutes', 'Action : écrire au financeur.'))).toEqual({ ok: true });
    const v2 = await api.post(`/api/meetings/${m.id}/minutes/finalise`, undefined, { token: w.lead.accessToken });
    expect(v2.body.current.version).toBe(2);
    expect(v2.body.current.text).toContain('Action : écrire au financeur.');
    const hash = v2.body.current.sha256;

    const wrong = await api.post(
      `/api/meetings/${m.id}/minutes/approve`,
      { sha256: final.body.current.sha256 },
      { token: w.lead.accessToken },
    );
    expect(wrong.status).toBe(409);
    expect(wrong.body.code).toBe('minutes.hash_mismatch');
    const observerApproves = await api.post(`/api/meetings/${m.id}/minutes/approve`, { sha256: hash }, { token: w.observer.accessToken });
    expect(observerApproves.status).toBe(403);
    const outsiderApproves = await api.post(`/api/meetings/${m.id}/minutes/approve`, { sha256: hash }, { token: w.outsider.accessToken });
    expect(outsiderApproves.status).toBe(404);

    const first = await api.post(`/api/meetings/${m.id}/minutes/approve`, { sha256: hash }, { token: w.lead.accessToken });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'final', awaiting: [w.partnerOrg] });
    expect((await api.post(`/api/meetings/${m.id}/minutes/approve`, { sha256: hash }, { token: w.lead.accessToken })).body.code).toBe(
      'minutes.already_approved',
    );
    const last = await api.post(
      `/api/meetings/${m.id}/minutes/approve`,
      { sha256: hash, organisationId: w.partnerOrg },
      { token: w.partner.accessToken },
    );
    expect(last.status).toBe(200);
    expect(last.body.status).toBe('approved');
    expect(last.body.approvals.map((x: { organisationId: string }) => x.organisationId).sort()).toEqual([w.leadOrg, w.partnerOrg].sort());

    const read = await api.get(`/api/meetings/${m.id}/minutes`, { token: w.observer.accessToken });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ status: 'approved', current: { version: 2, sha256: hash, text: v2.body.current.text } });
    expect((await api.get(`/api/meetings/${m.id}/minutes`, { token: w.funder.accessToken })).status).toBe(404);

    // Approved: joins succeed read-only, updates are refused, reopening is refused.
    const after = await joinMinutes(w.lead, m.id);
    expect(after.readOnly).toBe(true);
    expect(after.text('minutes')).toContain('Action : écrire au financeur.');
    expect((await after.change((c) => c.paragraph('minutes', 'Réécriture'))).error).toBe('read_only');
    expect((await api.post(`/api/meetings/${m.id}/minutes/reopen`, undefined, { token: w.lead.accessToken })).body.code).toBe(
      'minutes.not_final',
    );
    const stored = await sql(proc, db, 'SELECT minutes_status FROM meetings WHERE id = $1', [m.id]);
    expect(stored[0].minutes_status).toBe('approved');

    const journal = JSON.stringify(
      (await api.get(`/api/alliances/${w.allianceId}/audit?kind=meetings`, { token: w.lead.accessToken })).body,
    );
    for (const action of ['minutes.finalised', 'minutes.reopened', 'minutes.approval_given', 'minutes.approved'])
      expect(journal).toContain(action);
  });

  it('anchors a comment on a passage of the minutes', async () => {
    const m = (await schedule()).body;
    const a = await joinMinutes(w.partner, m.id);
    expect(await a.change((c) => c.paragraph('minutes', 'Le budget est validé.'))).toEqual({ ok: true });
    const textNode = (a.doc.getXmlFragment('minutes').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const position = (i: number) =>
      Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(textNode, i))).toString('base64');
    const anchor = { section: 'minutes', start: position(3), end: position(9), quote: 'budget' };
    const posted = await api.post(
      '/api/comments',
      { allianceId: w.allianceId, target: { type: 'minutes', id: m.id, anchor }, body: 'Quel montant ?' },
      { token: w.lead.accessToken },
    );
    expect(posted.status).toBe(201);
    expect(posted.body.target).toEqual({ type: 'minutes', id: m.id, anchor });
    const listed = await api.get(`/api/comments?allianceId=${w.allianceId}&targetType=minutes&targetId=${m.id}`, {
      token: w.partner.accessToken,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.items[0]).toMatchObject({ body: 'Quel montant ?', anchorState: 'ok' });

    const noAnchor = await api.post(
      '/api/comments',
      { allianceId: w.allianceId, target: { type: 'minutes', id: m.id }, body: 'Sans passage' },
      { token: w.lead.accessToken },
    );
    expect(noAnchor.status).toBe(400);
    // A meeting of another alliance is not a target here.
    const foreign = (
      await api.post(
        `/api/alliances/${w.otherAllianceId}/meetings`,
        { title: 'Ailleurs', startsAt: inDays(2), endsAt: inDays(2, 10), agenda: [] },
        { token: w.outsider.accessToken },
      )
    ).body;
    const elsewhere = await api.post(
      '/api/comments',
      { allianceId: w.allianceId, target: { type: 'minutes', id: foreign.id, anchor }, body: 'Fuite ?' },
      { token: w.lead.accessToken },
    );
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.details[0].field).toBe('target.id');
  });
});
