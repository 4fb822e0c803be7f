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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';

/** Regression tests of the review of issue 17 (live documents, meetings, decisions and actions). */
const ADMIN = {
  JWT_SECRET: 'governance-review-secret-that-is-long-enough-1234',
  ADMIN_EMAIL: 'admin@governance-review.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
  SCHEDULER_INTERVAL_MS: '300',
};

interface People {
  lead: Session;
  partner: Session;
  observer: Session;
  funder: Session;
  leadOrg: string;
  partnerOrg: string;
  observerOrg: string;
  funderOrg: string;
}

const inDays = (days: number, hours = 9) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hours, 0, 0, 0);
  return d.toISOString();
};

describe(`governance review (${testServerName()})`, () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let p: People;
  let dataDir: string;
  const clients: CollabClient[] = [];
  const joinMinutes = async (s: Session, meetingId: string) => {
    const c = await CollabClient.joinMinutes(proc.url, s.accessToken, meetingId);
    clients.push(c);
    return c;
  };

  /** A fresh alliance of the same four organisations (lead, partner, observer, funder). */
  const newAlliance = async (): Promise<string> => {
    const created = await api.post(
      '/api/alliances',
      {
        name: 'Alliance revue',
        purpose: 'Soutenir les aidants salariés',
        category: 'societal_innovation',
        collectiveObjectives: ['engagement'],
        domains: ['carers'],
        scale: 'local',
        territoryCodes: ['69123'],
        organisationId: p.leadOrg,
      },
      { token: p.lead.accessToken },
    );
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (const [org, role, s] of [
      [p.partnerOrg, 'partner', p.partner],
      [p.observerOrg, 'observer', p.observer],
      [p.funderOrg, 'funder', p.funder],
    ] as const) {
      expect((await api.post(`/api/alliances/${id}/members`, { organisationId: org, role }, { token: p.lead.accessToken })).status).toBe(
        201,
      );
      expect((await api.post(`/api/alliances/${id}/members/${org}/accept`, undefined, { token: s.accessToken })).status).toBe(200);
    }
    return id;
  };
  const closeAlliance = async (allianceId: string) => {
    const current = await api.get(`/api/alliances/${allianceId}`, { token: p.lead.accessToken });
    const res = await api.patch(
      `/api/alliances/${allianceId}`,
      { status: 'closed', version: current.body.version },
      { token: p.lead.accessToken },
    );
    expect(res.status).toBe(200);
  };
  const schedule = async (allianceId: string, body: Record<string, unknown> = {}) => {
    const res = await api.post(
      `/api/alliances/${allianceId}/meetings`,
      { title: 'Comité de pilotage', startsAt: inDays(7), endsAt: inDays(7, 11), agenda: [{ title: 'Bilan' }], ...body },
      { token: p.lead.accessToken },
    );
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number };
  };
  /** The minutes as a fresh reader (the lead) gets them from the server. */
  const storedText = async (meetingId: string) => {
    const reader = await joinMinutes(p.lead, meetingId);
    await reader.synced;
    return reader.text('minutes');
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(joinPath(tmpdir(), 'alliances-governance-review-'));
    proc = await startApiProcess({ databaseUrl: db.url, dataDir, env: ADMIN });
    api = new ApiClient(proc.url);
    const admin = await api.login(ADMIN.ADMIN_EMAIL);
    const [lead, partner, observer, funder] = await Promise.all(
      ['lead', 'partner', 'observer', 'funder'].map((who) => api.signUp({ displayName: `${who} revue` })),
    );
    const orgOf = async (s: Session, name: string, profile = 'association') => {
      const o = await api.applyOrganisation(s, { name, profile });
      await api.approveOrganisation(admin, o.id);
      return o.id as string;
    };
    p = {
      lead,
      partner,
      observer,
      funder,
      leadOrg: await orgOf(lead, 'Réseau Pilote Revue'),
      partnerOrg: await orgOf(partner, 'Association Partenaire Revue'),
      observerOrg: await orgOf(observer, 'Association Observatrice Revue'),
      funderOrg: await orgOf(funder, 'Fondation Revue', 'foundation'),
    };
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(async () => {
    await proc?.stop();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves one live document per meeting whatever the case of its id: upper- and lower-case joiners see each other’s edits', async () => {
    const allianceId = await newAlliance();
    const m = await schedule(allianceId);
    const lower = await joinMinutes(p.lead, m.id);
    const upper = await joinMinutes(p.partner, m.id.toUpperCase());
    expect(await lower.change((c) => c.paragraph('minutes', 'Présents : tous.'))).toEqual({ ok: true });
    expect(await upper.change((c) => c.paragraph('minutes', 'Décision : lancer.'))).toEqual({ ok: true });
    const expected = 'Présents : tous.\nDécision : lancer.';
    expect(
      await eventually(
        () => upper.text('minutes'),
        (t) => t === expected,
      ),
    ).toBe(expected);
    expect(
      await eventually(
        () => lower.text('minutes'),
        (t) => t === expected,
      ),
    ).toBe(expected);
    // The charter too, by an upper-case alliance id.
    const charterUpper = await CollabClient.join(proc.url, p.partner.accessToken, allianceId.toUpperCase());
    clients.push(charterUpper);
    const charterLower = await CollabClient.join(proc.url, p.lead.accessToken, allianceId);
    clients.push(charterLower);
    expect(await charterUpper.change((c) => c.paragraph('values', 'Confiance'))).toEqual({ ok: true });
    expect(
      await eventually(
        () => charterLower.text('values'),
        (t) => t.includes('Confiance'),
      ),
    ).toContain('Confiance');
    // Not a strict UUID (36 characters of hex and dashes): answered like an unknown id.
    const loose = await CollabClient.join(proc.url, p.lead.accessToken, `${allianceId.replace(/-/g, '').slice(0, 32)}----`).then(
      () => 'joined',
      (e: { answer?: unknown }) => e.answer,
    );
    expect(loose).toEqual({ error: 'not_found' });
  });

  it('refuses the next live minutes update of a socket whose alliance was closed, or whose organisation was removed, and stores nothing', async () => {
    const allianceId = await newAlliance();
    const m = await schedule(allianceId);
    const partner = await joinMinutes(p.partner, m.id);
    expect(partner.readOnly).toBe(false);
    expect(await partner.change((c) => c.paragraph('minutes', 'Avant la clôture.'))).toEqual({ ok: true });
    await closeAlliance(allianceId);
    const refused = await partner.change((c) => c.paragraph('minutes', 'Après la clôture.'));
    expect(refused.error).toBeDefined();
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await partner.change((c) => c.paragraph('minutes', 'Encore après.'))).error).toBeDefined();
    expect(await storedText(m.id)).toBe('Avant la clôture.');

    // A partner removed from an open alliance loses write access within seconds.
    const other = await newAlliance();
    const m2 = await schedule(other);
    const removed = await joinMinutes(p.partner, m2.id);
    expect(await removed.change((c) => c.paragraph('minutes', 'Présent.'))).toEqual({ ok: true });
    expect((await api.delete(`/api/alliances/${other}/members/${p.partnerOrg}`, { token: p.lead.accessToken })).status).toBeLessThan(300);
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await removed.change((c) => c.paragraph('minutes', 'Parti.'))).error).toBeDefined();
    expect(await storedText(m2.id)).toBe('Présent.');
  });
  it('refuses to finalise minutes nobody could approve, and approves final minutes once the last awaited organisation is un-invited or leaves', async () => {
    const allianceId = await newAlliance();
    // Only an observer invited: nobody could ever approve.
    const observersOnly = await schedule(allianceId, { invitedOrganisationIds: [p.observerOrg] });
    const writer = await joinMinutes(p.lead, observersOnly.id);
    expect(await writer.change((c) => c.paragraph('minutes', 'Présents : observateurs.'))).toEqual({ ok: true });
    const refused = await api.post(`/api/meetings/${observersOnly.id}/minutes/finalise`, undefined, { token: p.lead.accessToken });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('minutes.no_approvers');
    expect((await api.get(`/api/meetings/${observersOnly.id}/minutes`, { token: p.lead.accessToken })).body.status).toBe('draft');

    const finalised = async (meetingId: string) => {
      const c = await joinMinutes(p.lead, meetingId);
      expect(await c.change((d) => d.paragraph('minutes', 'Relevé de décisions.'))).toEqual({ ok: true });
      const final = await api.post(`/api/meetings/${meetingId}/minutes/finalise`, undefined, { token: p.lead.accessToken });
      expect(final.status).toBe(200);
      expect(final.body.awaiting.sort()).toEqual([p.leadOrg, p.partnerOrg].sort());
      const approved = await api.post(
        `/api/meetings/${meetingId}/minutes/approve`,
        { sha256: final.body.current.sha256 },
        { token: p.lead.accessToken },
      );
      expect(approved.body).toMatchObject({ status: 'final', awaiting: [p.partnerOrg] });
    };
    // The partner, last awaited, is un-invited by a PATCH.
    const uninvited = await schedule(allianceId);
    await finalised(uninvited.id);
    const patched = await api.patch(
      `/api/meetings/${uninvited.id}`,
      { invitedOrganisationIds: [p.leadOrg] },
      { token: p.lead.accessToken },
    );
    expect(patched.status).toBe(200);
    expect((await api.get(`/api/meetings/${uninvited.id}/minutes`, { token: p.lead.accessToken })).body.status).toBe('approved');

    // The partner, last awaited, leaves the alliance.
    const left = await schedule(allianceId);
    await finalised(left.id);
    expect((await api.delete(`/api/alliances/${allianceId}/members/${p.partnerOrg}`, { token: p.lead.accessToken })).status).toBe(204);
    const read = await api.get(`/api/meetings/${left.id}/minutes`, { token: p.lead.accessToken });
    expect(read.body).toMatchObject({ status: 'approved', awaiting: [] });
  });

  it('lets a proposer who lost their partner seat no longer close early, and keeps the position of an organisation that left on the closed decision', async () => {
    const allianceId = await newAlliance();
    // The observer's person also runs a second organisation, a partner of the alliance.
    const admin = await api.login(ADMIN.ADMIN_EMAIL);
    const second = await api.applyOrganisation(p.observer, { name: 'Seconde Association Revue', profile: 'association' });
    await api.approveOrganisation(admin, second.id);
    expect(
      (
        await api.post(
          `/api/alliances/${allianceId}/members`,
          { organisationId: second.id, role: 'partner' },
          { token: p.lead.accessToken },
        )
      ).status,
    ).toBe(201);
    expect(
      (await api.post(`/api/alliances/${allianceId}/members/${second.id}/accept`, undefined, { token: p.observer.accessToken })).status,
    ).toBe(200);
    const proposed = await api.post(
      `/api/alliances/${allianceId}/decisions`,
      { title: 'Changer de nom', proposal: 'Un nom plus court', closesAt: inDays(7), rule: 'consent' },
      { token: p.observer.accessToken },
    );
    expect(proposed.status).toBe(201);
    const id = proposed.body.id as string;
    expect(
      (
        await api.call('PUT', `/api/decisions/${id}/positions/me`, {
          token: p.observer.accessToken,
          body: { organisationId: second.id, position: 'block', reason: 'Le nom est connu' },
        })
      ).status,
    ).toBe(200);
    expect((await api.delete(`/api/alliances/${allianceId}/members/${second.id}`, { token: p.lead.accessToken })).status).toBe(204);
    // Still an observer through their first organisation: reads the decision, may no longer close it.
    const seen = await api.get(`/api/decisions/${id}`, { token: p.observer.accessToken });
    expect(seen.status).toBe(200);
    expect(seen.body.canClose).toBe(false);
    const close = await api.post(`/api/decisions/${id}/close`, undefined, { token: p.observer.accessToken });
    expect(close.status).toBe(403);
    expect(close.body.code).toBe('decision.close_forbidden');
    const closed = await api.post(`/api/decisions/${id}/close`, undefined, { token: p.lead.accessToken });
    expect(closed.status).toBe(200);
    expect(closed.body.positions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          organisationId: second.id,
          role: 'former',
          position: 'block',
          reason: 'Le nom est connu',
          organisationName: 'Seconde Association Revue',
        }),
      ]),
    );
  });

  it('recalls due actions only while the assignee’s organisation holds its seat, not overdue ones forever', async () => {
    const allianceId = await newAlliance();
    const A = `/api/alliances/${allianceId}`;
    const action = async (title: string, at = A, extra: Record<string, unknown> = {}) => {
      const res = await api.post(
        at === A ? `${A}/actions` : `${at}/actions`,
        { title, assigneeUserId: p.partner.user.id, dueOn: '2099-01-01', ...extra },
        { token: p.lead.accessToken },
      );
      expect(res.status).toBe(201);
      return res.body;
    };
    const control = await action('Rappel attendu');
    const ancient = await action('En retard depuis longtemps');
    const other = await newAlliance();
    const gone = await action('Organisation partie', `/api/alliances/${other}`);
    expect((await api.delete(`/api/alliances/${other}/members/${p.partnerOrg}`, { token: p.lead.accessToken })).status).toBe(204);
    await sql(proc, db, 'UPDATE actions SET due_on = current_date - 90 WHERE id = $1', [ancient.id]);
    await sql(
      proc,
      db,
      'UPDATE actions SET due_on = current_date + 1, assignee_user_id = $2, assignee_organisation_id = $3 WHERE id = $1',
      [gone.id, p.partner.user.id, p.partnerOrg],
    );
    await sql(proc, db, 'UPDATE actions SET due_on = current_date + 1 WHERE id = $1', [control.id]);
    const dueNotes = async () =>
      ((await api.get('/api/notifications', { token: p.partner.accessToken })).body.items as { type: string; excerpt: string | null }[])
        .filter((n) => n.type === 'action_due')
        .map((n) => n.excerpt);
    expect(
      await eventually(
        async () => dueNotes(),
        () => true,
      ),
    ).toBeDefined();
    const deadline = Date.now() + 15_000;
    let notes: (string | null)[] = [];
    while (Date.now() < deadline && !notes.includes('Rappel attendu')) {
      await new Promise((r) => setTimeout(r, 300));
      notes = await dueNotes();
    }
    expect(notes).toContain('Rappel attendu');
    await new Promise((r) => setTimeout(r, 1_500));
    notes = await dueNotes();
    expect(notes).not.toContain('En retard depuis longtemps');
    expect(notes).not.toContain('Organisation partie');
  });

  it('names the evaluation an action comes from even when its campaign has no plan action', async () => {
    const allianceId = await newAlliance();
    const A = `/api/alliances/${allianceId}`;
    const action = async (title: string, at: string, extra: Record<string, unknown>) => {
      const res = await api.post(
        `${at}/actions`,
        { title, assigneeUserId: p.partner.user.id, dueOn: '2099-01-01', ...extra },
        { token: p.lead.accessToken },
      );
      expect(res.status).toBe(201);
      return res.body;
    };
    const campaign = await api.post(`${A}/evaluations`, { title: 'Bilan sans plan', closesAt: inDays(7) }, { token: p.lead.accessToken });
    expect(campaign.status).toBe(201);
    const sourced = await action('Depuis le bilan', A, { source: { type: 'evaluation', id: campaign.body.id } });
    expect(sourced.source).toEqual({ type: 'evaluation', id: campaign.body.id, title: 'Bilan sans plan' });
  });

  it('never answers 5xx to concurrent meeting PATCHes without a version that cross the times', async () => {
    const allianceId = await newAlliance();
    const m = await schedule(allianceId);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const current = (await api.get(`/api/meetings/${m.id}`, { token: p.lead.accessToken })).body;
      expect(
        (
          await api.patch(
            `/api/meetings/${m.id}`,
            { startsAt: inDays(7, 9), endsAt: inDays(7, 11), version: current.version },
            { token: p.lead.accessToken },
          )
        ).status,
      ).toBe(200);
      const [a, b] = await Promise.all([
        api.patch(`/api/meetings/${m.id}`, { startsAt: inDays(7, 10) }, { token: p.lead.accessToken }),
        api.patch(
          `/api/meetings/${m.id}`,
          { endsAt: new Date(new Date(inDays(7, 9)).getTime() + 30 * 60_000).toISOString() },
          { token: p.partner.accessToken },
        ),
      ]);
      for (const r of [a, b]) {
        statuses.push(r.status);
        if (r.status === 400) expect(r.body.details.map((d: { field: string }) => d.field)).toContain('endsAt');
      }
    }
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s === 200 || s === 400)).toBe(true);
  });

  it('answers a funder writing to a meeting or decision of a closed alliance with 404, as an outsider', async () => {
    const allianceId = await newAlliance();
    const m = await schedule(allianceId);
    const d = await api.post(
      `/api/alliances/${allianceId}/decisions`,
      { title: 'Décision', proposal: 'Texte', closesAt: inDays(7), rule: 'consent' },
      { token: p.lead.accessToken },
    );
    expect(d.status).toBe(201);
    await closeAlliance(allianceId);
    const probes = [
      api.post(`/api/meetings/${m.id}/minutes/finalise`, undefined, { token: p.funder.accessToken }),
      api.post(`/api/decisions/${d.body.id}/close`, undefined, { token: p.funder.accessToken }),
      api.post(
        `/api/alliances/${allianceId}/meetings`,
        { title: 'Comité', startsAt: inDays(8), endsAt: inDays(8, 11), agenda: [{ title: 'Bilan' }] },
        { token: p.funder.accessToken },
      ),
      api.post(
        `/api/alliances/${allianceId}/decisions`,
        { title: 'Décision', proposal: 'Texte', closesAt: inDays(8), rule: 'consent' },
        { token: p.funder.accessToken },
      ),
    ];
    expect((await Promise.all(probes)).map((r) => `${r.status} ${r.text.slice(0, 80)}`)).toEqual(
      Array(4).fill(expect.stringMatching(/^404 /)),
    );
    // A partner still gets the 409 of a closed alliance.
    const partner = await api.post(`/api/meetings/${m.id}/minutes/finalise`, undefined, { token: p.partner.accessToken });
    expect(partner.status).toBe(409);
    expect(partner.body.code).toBe('alliance.closed');
  });
});
