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
import { join } from 'node:path';
import { buildAllianceWorld, type AllianceWorld } from './support/alliance-world';
import { exeBytes, filesUnder, pdfBytes, sha256, startTestS3, upload, type TestS3 } from './support/uploads';

/**
 * DOCUMENTS (issue 17, docs/decisions/0024-document-storage.md): streamed uploads and downloads,
 * versions, visibility per audience, types from the bytes, the size limit and file-name tricks with
 * nothing stored, the RGPD export, and an alliance's erasure removing its files; against the local
 * storage and against an S3-compatible server (s3rver) started here.
 */
const LIMIT = 1024 * 1024;
const ENV = {
  ADMIN_EMAIL: 'admin@documents.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
  MAX_UPLOAD_BYTES: String(LIMIT),
};

describe.each(['local', 's3'] as const)(`documents on %s storage (${testServerName()})`, (storage) => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let s3: TestS3 | undefined;
  let admin: Session;
  let w: AllianceWorld;
  let outsider: Session;
  let A: string;

  const stored = async (): Promise<number> => (s3 ? (await s3.keys()).length : filesUnder(join(proc.dataDir, 'files')).length);
  const rows = async (): Promise<number> => Number((await sql(proc, db, 'SELECT count(*)::int AS n FROM document_versions'))[0].n);
  const download = async (path: string, token: string) => {
    const res = await fetch(`${proc.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const expectNothingStoredBy = async (attempt: () => Promise<{ status: number; body: any }>, status: number, code: string) => {
    const [before, beforeRows] = [await stored(), await rows()];
    const res = await attempt();
    expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
    expect(await rows()).toBe(beforeRows);
    expect(await stored()).toBe(before);
    if (!s3) expect(filesUnder(join(proc.dataDir, 'files')).filter((f) => f.endsWith('.part'))).toEqual([]);
  };

  beforeAll(async () => {
    if (storage === 's3') s3 = await startTestS3();
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: { ...ENV, ...(s3 ? { S3_URL: s3.url } : {}) } });
    api = new ApiClient(proc.url);
    admin = await api.login(ENV.ADMIN_EMAIL);
    w = await buildAllianceWorld(api, proc, admin, `Documents ${storage}`);
    outsider = await api.signUp({ displayName: 'Personne extérieure' });
    A = `${proc.url}/api/alliances/${w.allianceId}/documents`;
  }, 240_000);

  afterAll(async () => {
    await proc?.stop();
    await db?.drop();
    await s3?.close();
  });

  it('round-trips a PDF: 201 with its SHA-256, the same bytes back with safe headers, new versions kept', async () => {
    const v1 = pdfBytes(300_000);
    const created = await upload(
      A,
      w.partner.accessToken,
      { visibility: 'alliance' },
      { name: 'Compte rendu «été».pdf', bytes: v1, type: 'text/html' },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Compte rendu «été».pdf',
      size: v1.length,
      contentType: 'application/pdf',
      sha256: sha256(v1),
      version: 1,
      visibility: 'alliance',
      organisationId: w.partnerOrg,
      target: { type: 'alliance', id: w.allianceId },
    });
    const id = created.body.id;
    const got = await download(`/api/documents/${id}/content`, w.lead.accessToken);
    expect(got.status).toBe(200);
    expect(sha256(got.bytes)).toBe(sha256(v1));
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-length')).toBe(String(v1.length));
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-disposition')).toBe(
      `attachment; filename="Compte rendu ete.pdf"; filename*=UTF-8''Compte%20rendu%20%C2%AB%C3%A9t%C3%A9%C2%BB.pdf`,
    );

    const v2 = pdfBytes(5000);
    const second = await upload(
      `${proc.url}/api/documents/${id}/versions`,
      w.lead.accessToken,
      {},
      { name: 'compte-rendu-v2.pdf', bytes: v2 },
    );
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ version: 2, name: 'compte-rendu-v2.pdf', sha256: sha256(v2), size: v2.length });
    expect(second.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(sha256((await download(`/api/documents/${id}/content`, w.partner.accessToken)).bytes)).toBe(sha256(v2));
    expect(sha256((await download(`/api/documents/${id}/content?version=1`, w.partner.accessToken)).bytes)).toBe(sha256(v1));
    expect((await download(`/api/documents/${id}/content?version=3`, w.partner.accessToken)).status).toBe(404);
    const listed = await api.get(`/api/alliances/${w.allianceId}/documents`, { token: w.lead.accessToken });
    expect(listed.body.find((d: { id: string }) => d.id === id)).toMatchObject({ version: 2, name: 'compte-rendu-v2.pdf' });
  });

  it('shows each document to its audience only: alliance, organisation, funders; 404 for everyone else', async () => {
    const make = async (visibility: string, extra: Record<string, string> = {}) => {
      const r = await upload(A, w.partner.accessToken, { visibility, ...extra }, { name: `${visibility}.pdf`, bytes: pdfBytes() });
      expect(r.status).toBe(201);
      return r.body.id as string;
    };
    const docs = {
      alliance: await make('alliance'),
      organisation: await make('organisation'),
      funders: await make('funders', { targetType: 'grant_report', targetId: w.ids['report'] }),
    };
    const sees: Record<string, Record<keyof typeof docs, boolean>> = {
      partner: { alliance: true, organisation: true, funders: true },
      lead: { alliance: true, organisation: false, funders: true },
      funder: { alliance: false, organisation: false, funders: true },
      outsider: { alliance: false, organisation: false, funders: false },
    };
    const sessions: Record<string, Session> = { partner: w.partner, lead: w.lead, funder: w.funder, outsider };
    for (const [who, expected] of Object.entries(sees)) {
      const token = sessions[who].accessToken;
      for (const [visibility, id] of Object.entries(docs) as [keyof typeof docs, string][]) {
        const want = expected[visibility] ? 200 : 404;
        expect({ who, visibility, detail: (await api.get(`/api/documents/${id}`, { token })).status }).toEqual({
          who,
          visibility,
          detail: want,
        });
        expect({ who, visibility, content: (await download(`/api/documents/${id}/content`, token)).status }).toEqual({
          who,
          visibility,
          content: want,
        });
      }
      const list = await api.get(`/api/alliances/${w.allianceId}/documents`, { token });
      if (who === 'outsider') expect(list.status).toBe(404);
      else {
        const ids = list.body.map((d: { id: string }) => d.id);
        for (const [visibility, id] of Object.entries(docs) as [keyof typeof docs, string][])
          expect({ who, visibility, listed: ids.includes(id) }).toEqual({ who, visibility, listed: expected[visibility] });
      }
    }
    // The grant report's documents, as the funder's page asks for them; the funder downloads the bytes.
    const forReport = await api.get(`/api/alliances/${w.allianceId}/documents?targetType=grant_report&targetId=${w.ids['report']}`, {
      token: w.funder.accessToken,
    });
    expect(forReport.body.map((d: { id: string }) => d.id)).toEqual([docs.funders]);
    // Funders and outsiders upload nothing; a document of another alliance is not a target.
    expect((await upload(A, w.funder.accessToken, { visibility: 'funders' }, { name: 'x.pdf', bytes: pdfBytes() })).status).toBe(404);
    expect((await upload(A, outsider.accessToken, { visibility: 'alliance' }, { name: 'x.pdf', bytes: pdfBytes() })).status).toBe(404);
    expect((await api.delete(`/api/documents/${docs.alliance}`, { token: w.funder.accessToken })).status).toBe(404);
    expect((await api.delete(`/api/documents/${docs.organisation}`, { token: w.lead.accessToken })).status).toBe(404);
  });

  it('attaches to a report, a comment or a meeting of the alliance only, and validates the fields', async () => {
    const file = () => ({ name: 'a.pdf', bytes: pdfBytes() });
    // A meeting of the alliance (checked through the meetings domain's reader): listed under it.
    const toMeeting = await upload(
      A,
      w.partner.accessToken,
      { visibility: 'alliance', targetType: 'meeting', targetId: w.ids['meeting'] },
      file(),
    );
    expect(toMeeting.status).toBe(201);
    const underMeeting = await api.get(`/api/alliances/${w.allianceId}/documents?targetType=meeting&targetId=${w.ids['meeting']}`, {
      token: w.lead.accessToken,
    });
    expect(underMeeting.body.map((d: { id: string }) => d.id)).toEqual([toMeeting.body.id]);
    expect(
      (await upload(A, w.partner.accessToken, { visibility: 'alliance', targetType: 'comment', targetId: w.ids['comment'] }, file()))
        .status,
    ).toBe(201);
    await expectNothingStoredBy(
      () => upload(A, w.partner.accessToken, { visibility: 'alliance', targetType: 'grant_report', targetId: w.ids['objective'] }, file()),
      400,
      'document.unknown_target',
    );
    await expectNothingStoredBy(
      () => upload(A, w.partner.accessToken, { visibility: 'alliance', targetType: 'meeting', targetId: w.ids['objective'] }, file()),
      400,
      'document.unknown_target',
    );
    await expectNothingStoredBy(() => upload(A, w.partner.accessToken, { visibility: 'everyone' }, file()), 400, 'validation.failed');
    await expectNothingStoredBy(
      () => upload(A, w.partner.accessToken, { visibility: 'alliance', organisationId: w.leadOrg }, file()),
      400,
      'validation.failed',
    );
    await expectNothingStoredBy(() => upload(A, w.partner.accessToken, { visibility: 'alliance' }), 400, 'document.file_required');
    const json = await api.post(`/api/alliances/${w.allianceId}/documents`, { visibility: 'alliance' }, { token: w.partner.accessToken });
    expect(json.status).toBe(400);
  });

  it('decides the type from the bytes: an .exe renamed .pdf, random bytes as .txt → 415; UTF-8 CSV accepted; nothing stored', async () => {
    await expectNothingStoredBy(
      () =>
        upload(A, w.partner.accessToken, { visibility: 'alliance' }, { name: 'rapport.pdf', bytes: exeBytes(), type: 'application/pdf' }),
      415,
      'document.unsupported_type',
    );
    await expectNothingStoredBy(
      () =>
        upload(
          A,
          w.partner.accessToken,
          { visibility: 'alliance' },
          { name: 'notes.txt', bytes: Buffer.from([0x00, 0xff, 0xfe, 0x01, 0x02, 0x03]) },
        ),
      415,
      'document.unsupported_type',
    );
    // Text that turns binary far past the first bytes is refused too, while streaming.
    const late = Buffer.concat([Buffer.from('a;b\n'.repeat(40_000)), Buffer.from([0, 1, 2])]);
    await expectNothingStoredBy(
      () => upload(A, w.partner.accessToken, { visibility: 'alliance' }, { name: 'late.csv', bytes: late }),
      415,
      'document.unsupported_type',
    );
    const csv = await upload(
      A,
      w.partner.accessToken,
      { visibility: 'alliance' },
      { name: 'budget.csv', bytes: Buffer.from('poste;montant\nsalaires;12 000 €\n') },
    );
    expect(csv.status).toBe(201);
    expect(csv.body.contentType).toBe('text/csv');
    expect((await download(`/api/documents/${csv.body.id}/content`, w.lead.accessToken)).headers.get('content-type')).toBe(
      'text/csv; charset=utf-8',
    );
  });

  it('refuses a file over MAX_UPLOAD_BYTES with 413 and stores nothing, neither row nor file', async () => {
    await expectNothingStoredBy(
      () => upload(A, w.partner.accessToken, { visibility: 'alliance' }, { name: 'gros.pdf', bytes: pdfBytes(LIMIT + 1) }),
      413,
      'document.too_large',
    );
    await expectNothingStoredBy(
      () => upload(A, w.partner.accessToken, { visibility: 'alliance' }, { name: 'tres-gros.pdf', bytes: pdfBytes(3 * LIMIT) }),
      413,
      'document.too_large',
    );
    const exact = await upload(A, w.partner.accessToken, { visibility: 'alliance' }, { name: 'juste.pdf', bytes: pdfBytes(LIMIT) });
    expect(exact.status).toBe(201);
  });

  it('keeps only the last segment of a path in a name, refuses control characters; the storage key never comes from the name', async () => {
    for (const [sent, kept] of [
      ['../../../etc/passwd.pdf', 'passwd.pdf'],
      ['/var/lib/alliances/files/x.pdf', 'x.pdf'],
      ['..\\..\\windows\\win.pdf', 'win.pdf'],
    ]) {
      const r = await upload(A, w.partner.accessToken, { visibility: 'alliance' }, { name: sent, bytes: pdfBytes() });
      expect({ sent, status: r.status, name: r.body.name }).toEqual({ sent, status: 201, name: kept });
    }
    for (const bad of ['a\u0000b.pdf', 'rapport\u202efdp.exe', '..', 'x\u0007.pdf'])
      await expectNothingStoredBy(
        () => upload(A, w.partner.accessToken, { visibility: 'alliance' }, { name: bad, bytes: pdfBytes() }),
        400,
        'document.bad_name',
      );
    const keys: { storage_key: string }[] = await sql(proc, db, 'SELECT storage_key FROM document_versions');
    for (const { storage_key } of keys) expect(storage_key).toMatch(/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
    if (!s3) for (const f of filesUnder(join(proc.dataDir, 'files'))) expect(f).not.toMatch(/passwd|win|\.pdf/);
  });

  it('lets the uploader organisation’s admin or the lead delete, removing the files of every version', async () => {
    const r = await upload(A, w.partner.accessToken, { visibility: 'alliance' }, { name: 'a-supprimer.pdf', bytes: pdfBytes() });
    await upload(
      `${proc.url}/api/documents/${r.body.id}/versions`,
      w.partner.accessToken,
      {},
      { name: 'a-supprimer.pdf', bytes: pdfBytes() },
    );
    const before = await stored();
    expect((await api.delete(`/api/documents/${r.body.id}`, { token: w.lead.accessToken })).status).toBe(204);
    expect(await stored()).toBe(before - 2);
    expect((await api.get(`/api/documents/${r.body.id}`, { token: w.partner.accessToken })).status).toBe(404);
    const journal = await api.get(`/api/alliances/${w.allianceId}/audit?kind=documents`, { token: w.lead.accessToken });
    expect(journal.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['document.uploaded', 'document.version_added', 'document.deleted']),
    );
  });

  it('lists the person’s uploaded files in their RGPD export', async () => {
    const exported = await api.get('/api/me/export', { token: w.partner.accessToken });
    expect(exported.status).toBe(200);
    const names = JSON.parse(exported.text).files.map((f: { name: string }) => f.name);
    expect(names).toEqual(expect.arrayContaining(['budget.csv', 'juste.pdf']));
    expect(JSON.parse(exported.text).files[0]).toEqual(
      expect.objectContaining({ allianceId: w.allianceId, allianceName: w.name, size: expect.any(Number), uploadedAt: expect.any(String) }),
    );
    const lead = JSON.parse((await api.get('/api/me/export', { token: w.lead.accessToken })).text);
    expect(lead.files.map((f: { name: string }) => f.name)).not.toContain('budget.csv');
  });

  it('erases a closed alliance with its files (platform administrator), journaled; one with charter signatures is kept', async () => {
    // The world's alliance has a signed charter: its signatures are a legal record.
    const signedCurrent = await api.get(`/api/alliances/${w.allianceId}`, { token: w.lead.accessToken });
    expect((await api.delete(`/api/admin/alliances/${w.allianceId}`, { token: admin.accessToken })).status).toBe(409);
    // A second alliance of the same lead and partner, without a signed charter.
    const created = await api.post(
      '/api/alliances',
      {
        name: `Alliance éphémère ${storage}`,
        purpose: 'Un projet court',
        category: 'societal_innovation',
        collectiveObjectives: ['engagement'],
        domains: ['carers'],
        scale: 'local',
        territoryCodes: ['69123'],
        organisationId: w.leadOrg,
      },
      { token: w.lead.accessToken },
    );
    const id = created.body.id as string;
    expect(
      (await api.post(`/api/alliances/${id}/members`, { organisationId: w.partnerOrg, role: 'partner' }, { token: w.lead.accessToken }))
        .status,
    ).toBe(201);
    expect(
      (await api.post(`/api/alliances/${id}/members/${w.partnerOrg}/accept`, undefined, { token: w.partner.accessToken })).status,
    ).toBeLessThan(300);
    const url = `${proc.url}/api/alliances/${id}/documents`;
    const kept = await stored();
    for (const visibility of ['alliance', 'organisation'])
      expect((await upload(url, w.partner.accessToken, { visibility }, { name: `${visibility}.pdf`, bytes: pdfBytes() })).status).toBe(201);
    expect(await stored()).toBe(kept + 2);
    const keptRows = await rows();

    expect((await api.delete(`/api/admin/alliances/${id}`, { token: admin.accessToken })).status).toBe(409);
    expect((await api.delete(`/api/admin/alliances/${id}`, { token: w.lead.accessToken })).status).toBe(404);
    const current = await api.get(`/api/alliances/${id}`, { token: w.lead.accessToken });
    expect(
      (await api.patch(`/api/alliances/${id}`, { status: 'closed', version: current.body.version }, { token: w.lead.accessToken })).status,
    ).toBe(200);
    expect((await api.delete(`/api/admin/alliances/${id}`, { token: admin.accessToken })).status).toBe(204);
    expect(await stored()).toBe(kept);
    expect(await rows()).toBe(keptRows - 2);
    expect((await api.get(`/api/alliances/${id}`, { token: w.lead.accessToken })).status).toBe(404);
    const audit: { action: string }[] = await sql(
      proc,
      db,
      `SELECT action FROM audit_log WHERE action = 'alliance.erased' AND object_id = $1`,
      [id],
    );
    expect(audit).toHaveLength(1);
    expect(signedCurrent.status).toBe(200);
  });
});
