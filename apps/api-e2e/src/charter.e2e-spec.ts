import {
  ApiClient,
  createTestDatabase,
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
import { CollabClient, eventually } from '@alliances/e2e/support';

const ADMIN = {
  JWT_SECRET: 'charter-test-secret-that-is-long-enough-123456',
  ADMIN_EMAIL: 'admin@charter.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};

interface World {
  lead: Session;
  partner: Session;
  funder: Session;
  outsider: Session;
  leadOrg: string;
  partnerOrg: string;
  funderOrg: string;
  allianceId: string;
}

/** Two partner organisations, a funder and an outsider, and an alliance between them. */
async function buildWorld(api: ApiClient): Promise<World> {
  const admin = await api.login(ADMIN.ADMIN_EMAIL);
  const [lead, partner, funder, outsider] = await Promise.all(
    ['lead', 'partner', 'funder', 'outsider'].map((p) => api.signUp({ displayName: `${p} person` })),
  );
  const orgOf = async (s: Session, name: string, profile = 'association') => {
    const o = await api.applyOrganisation(s, { name, profile });
    await api.approveOrganisation(admin, o.id);
    return o.id as string;
  };
  const leadOrg = await orgOf(lead, 'Réseau Lead');
  const partnerOrg = await orgOf(partner, 'Entreprise Partenaire');
  const funderOrg = await orgOf(funder, 'Fondation Financeur', 'foundation');
  await orgOf(outsider, 'Outsider Org');
  const created = await api.post(
    '/api/alliances',
    {
      name: 'Alliance des aidants',
      purpose: 'Soutenir les aidants salariés',
      category: 'societal_innovation',
      collectiveObjectives: ['engagement', 'territory'],
      domains: ['carers'],
      scale: 'local',
      territoryCodes: ['69123'],
      organisationId: leadOrg,
    },
    { token: lead.accessToken },
  );
  expect(created.status).toBe(201);
  const allianceId = created.body.id as string;
  for (const [org, role] of [
    [partnerOrg, 'partner'],
    [funderOrg, 'funder'],
  ] as const) {
    expect(
      (await api.post(`/api/alliances/${allianceId}/members`, { organisationId: org, role }, { token: lead.accessToken })).status,
    ).toBe(201);
  }
  expect(
    (await api.post(`/api/alliances/${allianceId}/members/${partnerOrg}/accept`, undefined, { token: partner.accessToken })).status,
  ).toBe(200);
  expect(
    (await api.post(`/api/alliances/${allianceId}/members/${funderOrg}/accept`, undefined, { token: funder.accessToken })).status,
  ).toBe(200);
  return { lead, partner, funder, outsider, leadOrg, partnerOrg, funderOrg, allianceId };
}

describe(`live charter (${testServerName()})`, () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let w: World;
  let dataDir: string;
  const clients: CollabClient[] = [];
  const join = async (s: Session, url = proc.url) => {
    const c = await CollabClient.join(url, s.accessToken, w.allianceId);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(joinPath(tmpdir(), 'alliances-charter-'));
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

  it('fills a new charter with the nine sections of the template, in the reader’s language', async () => {
    const charter = await api.get(`/api/alliances/${w.allianceId}/charter`, { token: w.lead.accessToken });
    expect(charter.status).toBe(200);
    expect(charter.body.sections.map((s: { key: string }) => s.key)).toEqual([
      'context',
      'common_objective',
      'partners',
      'values',
      'governance',
      'resources',
      'evaluation',
      'communication',
      'duration',
    ]);
    expect(charter.body.sections[0].title).toBe('Contexte et diagnostic partagé');
    expect(charter.body.sections[0].markdown).toMatch(/^_Quel besoin/);
    expect(charter.body).toMatchObject({ state: 'draft', inForceVersion: null });
  });

  it('two partners typing in one section at the same time converge, with no lost edit', async () => {
    const [a, b] = await Promise.all([join(w.lead), join(w.partner)]);
    for (let i = 0; i < 20; i++) {
      a.type('governance', ` a${i}`);
      b.type('governance', ` b${i}`);
    }
    const acks = [...(await a.flush()), ...(await b.flush())];
    expect(acks.every((x) => x.ok)).toBe(true);
    const expected = (t: string) =>
      Array.from({ length: 20 }, (_, i) => [`a${i}`, `b${i}`])
        .flat()
        .every((token) => t.includes(` ${token}`));
    const ta = await eventually(() => a.text('governance'), expected);
    const tb = await eventually(
      () => b.text('governance'),
      (t) => t === ta,
    );
    expect(expected(ta)).toBe(true);
    expect(tb).toBe(ta);
    const rest = await api.get(`/api/alliances/${w.allianceId}/charter`, { token: w.partner.accessToken });
    const governance = rest.body.sections.find((s: { key: string }) => s.key === 'governance').markdown as string;
    for (let i = 0; i < 20; i++) expect(governance).toContain(`a${i}`);
  });

  it('ten clients editing concurrently converge to identical content', async () => {
    const people = [w.lead, w.partner];
    const editors = await Promise.all(Array.from({ length: 10 }, (_, i) => join(people[i % 2])));
    editors.forEach((c, i) => {
      for (let k = 0; k < 5; k++) c.paragraph('resources', `editor ${i} line ${k}`);
    });
    await Promise.all(editors.map((c) => c.flush()));
    const reference = await eventually(
      () => editors[0].text('resources'),
      (t) => t.split('\n').filter((l) => l.startsWith('editor')).length === 50,
    );
    expect(reference.split('\n').filter((l) => l.startsWith('editor'))).toHaveLength(50);
    for (const c of editors)
      expect(
        await eventually(
          () => c.text('resources'),
          (t) => t === reference,
        ),
      ).toBe(reference);
  });

  it('gives a client that joins late the whole document', async () => {
    const early = await join(w.lead);
    early.paragraph('values', 'Confiance et réciprocité, écrites tôt');
    await early.flush();
    const late = await join(w.partner);
    expect(late.text('values')).toContain('Confiance et réciprocité, écrites tôt');
    expect(late.text('governance')).toContain(' a19');
  });

  it('lets an observer read live but never write; refuses a funder (the draft is the partners’) and an outsider at the door', async () => {
    const observer = await api.signUp({ displayName: 'observer person' });
    const observerOrg = (await api.applyOrganisation(observer, { name: 'Observatoire' })).id as string;
    await api.approveOrganisation(await api.login(ADMIN.ADMIN_EMAIL), observerOrg);
    await api.post(
      `/api/alliances/${w.allianceId}/members`,
      { organisationId: observerOrg, role: 'observer' },
      { token: w.lead.accessToken },
    );
    await api.post(`/api/alliances/${w.allianceId}/members/${observerOrg}/accept`, undefined, { token: observer.accessToken });
    const reader = await join(observer);
    expect(reader.readOnly).toBe(true);
    const before = reader.text('context');
    reader.paragraph('context', 'L’observateur réécrit la charte');
    const acks = await reader.flush();
    expect(acks.some((x) => x.error === 'read_only')).toBe(true);
    expect(reader.errors.map((e) => e.code)).toContain('charter.read_only');
    const check = await api.get(`/api/alliances/${w.allianceId}/charter`, { token: w.lead.accessToken });
    expect(check.body.sections[0].markdown).not.toContain('L’observateur réécrit');
    expect(before).not.toContain('L’observateur');

    await expect(CollabClient.join(proc.url, w.funder.accessToken, w.allianceId)).rejects.toMatchObject({ answer: { error: 'not_found' } });
    await expect(CollabClient.join(proc.url, w.outsider.accessToken, w.allianceId)).rejects.toMatchObject({
      answer: { error: 'not_found' },
    });
    await expect(CollabClient.join(proc.url, 'not-a-token', w.allianceId)).rejects.toThrow(/unauthorized/);
  });

  it('refuses an oversized update and stores nothing of it', async () => {
    const c = await join(w.lead);
    c.paragraph('communication', 'x'.repeat(300 * 1024));
    const acks = await c.flush();
    expect(acks.some((x) => x.error === 'too_large')).toBe(true);
    const check = await api.get(`/api/alliances/${w.allianceId}/charter`, { token: w.lead.accessToken });
    expect(check.body.sections.find((s: { key: string }) => s.key === 'communication').markdown).not.toContain('xxxxxxxxxx');
  });

  it('keeps every acknowledged edit across an API restart', async () => {
    const c = await join(w.partner);
    c.paragraph('duration', 'Trois ans, renouvelables');
    expect((await c.flush()).every((x) => x.ok)).toBe(true);
    c.close();
    await proc.stop('SIGKILL');
    proc = await startApiProcess({ databaseUrl: db.url, dataDir, env: ADMIN });
    api = new ApiClient(proc.url);
    const again = await join(w.lead);
    expect(again.text('duration')).toContain('Trois ans, renouvelables');
    expect(again.text('governance')).toContain(' b19');
  });

  it('serves one charter consistently from two API instances on one database', async () => {
    const second = await startApiProcess({ databaseUrl: db.url, env: ADMIN });
    try {
      const onFirst = await join(w.lead);
      const onSecond = await join(w.partner, second.url);
      onFirst.paragraph('evaluation', 'écrit sur l’instance 1');
      onSecond.paragraph('evaluation', 'écrit sur l’instance 2');
      expect([...(await onFirst.flush()), ...(await onSecond.flush())].every((a) => a.ok)).toBe(true);
      const both = (t: string) => t.includes('écrit sur l’instance 1') && t.includes('écrit sur l’instance 2');
      const a = await eventually(() => onFirst.text('evaluation'), both);
      const b = await eventually(
        () => onSecond.text('evaluation'),
        (t) => t === a,
      );
      expect(both(a)).toBe(true);
      expect(b).toBe(a);
      // Both replicas and the database agree.
      const fromSecond = await api.get(`/api/alliances/${w.allianceId}/charter`, { token: w.lead.accessToken });
      expect(fromSecond.body.sections.find((s: { key: string }) => s.key === 'evaluation').markdown).toContain('écrit sur l’instance 2');
    } finally {
      await second.stop();
    }
  });

  describe('versions and signatures', () => {
    let version: { version: number; sha256: string };

    it('freezes the draft into a version with the SHA-256 of its Markdown', async () => {
      const res = await api.post(`/api/alliances/${w.allianceId}/charter/versions`, undefined, { token: w.lead.accessToken });
      expect(res.status).toBe(201);
      version = res.body;
      expect(version.version).toBe(1);
      expect(version.sha256).toMatch(/^[0-9a-f]{64}$/);
      const frozen = await api.get(`/api/alliances/${w.allianceId}/charter/versions/1`, { token: w.partner.accessToken });
      expect(frozen.body.sections.find((s: { key: string }) => s.key === 'duration').markdown).toContain('Trois ans');
      expect((await api.get(`/api/alliances/${w.allianceId}`, { token: w.lead.accessToken })).body.status).toBe('chartering');
    });

    it('refuses a signature on a text that is not that version (409), for another organisation (403), by a funder (403)', async () => {
      const base = `/api/alliances/${w.allianceId}/charter/versions/1/signatures`;
      expect((await api.post(base, { organisationId: w.leadOrg, sha256: 'a'.repeat(64) }, { token: w.lead.accessToken })).status).toBe(409);
      expect((await api.post(base, { organisationId: w.partnerOrg, sha256: version.sha256 }, { token: w.lead.accessToken })).status).toBe(
        403,
      );
      expect((await api.post(base, { organisationId: w.funderOrg, sha256: version.sha256 }, { token: w.funder.accessToken })).status).toBe(
        403,
      );
      expect((await api.post(base, { organisationId: w.leadOrg, sha256: version.sha256 }, { token: w.outsider.accessToken })).status).toBe(
        404,
      );
    });

    it('is in force only once every lead and partner organisation has signed', async () => {
      const base = `/api/alliances/${w.allianceId}/charter/versions/1/signatures`;
      const first = await api.post(base, { organisationId: w.leadOrg, sha256: version.sha256 }, { token: w.lead.accessToken });
      expect(first.status).toBe(201);
      expect(first.body.status).toBe('awaiting_signatures');
      let board = await api.get(`/api/alliances/${w.allianceId}/charter/signatures`, { token: w.partner.accessToken });
      expect(board.body.rows).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ organisationId: w.leadOrg, latest: 'signed' }),
          expect.objectContaining({ organisationId: w.partnerOrg, latest: 'awaited' }),
        ]),
      );
      expect((await api.get(`/api/alliances/${w.allianceId}/charter`, { token: w.lead.accessToken })).body.inForceVersion).toBeNull();
      expect((await api.post(base, { organisationId: w.leadOrg, sha256: version.sha256 }, { token: w.lead.accessToken })).status).toBe(409);

      const second = await api.post(base, { organisationId: w.partnerOrg, sha256: version.sha256 }, { token: w.partner.accessToken });
      expect(second.body.status).toBe('in_force');
      const charter = await api.get(`/api/alliances/${w.allianceId}/charter`, { token: w.funder.accessToken });
      expect(charter.body).toMatchObject({ inForceVersion: 1, state: 'in_force' });
      expect((await api.get(`/api/alliances/${w.allianceId}`, { token: w.lead.accessToken })).body.status).toBe('active');
      board = await api.get(`/api/alliances/${w.allianceId}/charter/signatures`, { token: w.partner.accessToken });
      expect(board.body.rows.every((r: { lastSignedVersion: number }) => r.lastSignedVersion === 1)).toBe(true);
    });

    it('starts an amendment when edited after it is in force; signing the new version supersedes the old', async () => {
      const c = await join(w.partner);
      c.paragraph('governance', 'Avenant : comité trimestriel');
      await c.flush();
      const charter = await api.get(`/api/alliances/${w.allianceId}/charter`, { token: w.lead.accessToken });
      expect(charter.body.state).toBe('amending');
      const diff = await api.get(`/api/alliances/${w.allianceId}/charter/diff?from=1&to=draft`, { token: w.lead.accessToken });
      const governance = diff.body.sections.find((s: { key: string }) => s.key === 'governance');
      expect(governance.changed).toBe(true);
      expect(governance.parts).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'added', text: expect.stringContaining('comité trimestriel') })]),
      );
      expect(diff.body.sections.find((s: { key: string }) => s.key === 'context').changed).toBe(false);

      const v2 = (await api.post(`/api/alliances/${w.allianceId}/charter/versions`, undefined, { token: w.partner.accessToken })).body;
      expect(v2.version).toBe(2);
      for (const [s, org] of [
        [w.lead, w.leadOrg],
        [w.partner, w.partnerOrg],
      ] as const) {
        expect(
          (
            await api.post(
              `/api/alliances/${w.allianceId}/charter/versions/2/signatures`,
              { organisationId: org, sha256: v2.sha256 },
              { token: s.accessToken },
            )
          ).status,
        ).toBe(201);
      }
      const versions = await api.get(`/api/alliances/${w.allianceId}/charter/versions`, { token: w.lead.accessToken });
      expect(versions.body.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
        [2, 'in_force'],
        [1, 'superseded'],
      ]);
      // Signatures are a legal record: the database refuses to change them.
      await expect(sql(proc, db, 'DELETE FROM charter_signatures')).rejects.toThrow(/immutable/);
    });

    it('exports any version as Markdown and as a PDF carrying its SHA-256', async () => {
      const md = await api.get(`/api/alliances/${w.allianceId}/charter/versions/1/export?format=md`, { token: w.lead.accessToken });
      expect(md.status).toBe(200);
      expect(md.text).toContain(version.sha256);
      expect(md.text).toContain('## Gouvernance');
      const pdf = await fetch(`${proc.url}/api/alliances/${w.allianceId}/charter/versions/2/export?format=pdf`, {
        headers: { authorization: `Bearer ${w.lead.accessToken}` },
      });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const bytes = Buffer.from(await pdf.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.length).toBeGreaterThan(2000);
    });

    it('records proposals and signatures in the alliance audit log', async () => {
      const audit = await api.get(`/api/alliances/${w.allianceId}/audit?limit=200`, { token: w.partner.accessToken });
      const actions = audit.body.items.map((i: { action: string }) => i.action);
      expect(actions).toEqual(
        expect.arrayContaining(['charter.version_proposed', 'charter.signed', 'charter.in_force', 'alliance.created']),
      );
    });
  });
});
