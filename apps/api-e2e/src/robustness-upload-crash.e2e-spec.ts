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
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesUnder, pdfBytes, sha256, upload } from './support/uploads';

const ENV = {
  JWT_SECRET: 'upload-crash-secret-that-is-long-enough-123456789',
  ADMIN_EMAIL: 'admin@upload-crash.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * An API instance SIGKILLed in the middle of a large upload (issue 17): the bytes were going to a
 * temporary file beside their final name; after a restart on the same DATA_DIR there is no row for
 * that upload and no half-written file left under DATA_DIR/files (the start-up sweep removed it),
 * and a document completed before the kill is intact.
 */
describe('an API instance killed during a file upload', () => {
  let db: TestDatabase;
  let dataDir: string;
  let victim: ApiProcess;
  let restarted: ApiProcess | undefined;
  let lead: Session;
  let allianceId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'alliances-upload-crash-'));
    victim = await startApiProcess({ databaseUrl: db.url, dataDir, env: ENV });
    const api = new ApiClient(victim.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    lead = await api.signUp({ displayName: 'Léa Pilote' });
    const org = await api.applyOrganisation(lead);
    await api.approveOrganisation(admin, org.id);
    const alliance = await api.post(
      '/api/alliances',
      {
        name: 'Alliance des archives',
        purpose: 'Garder ses fichiers malgré les pannes',
        category: 'societal_innovation',
        collectiveObjectives: ['engagement'],
        domains: ['carers'],
        scale: 'local',
        territoryCodes: ['69123'],
        organisationId: org.id,
      },
      { token: lead.accessToken },
    );
    allianceId = alliance.body.id;
  }, 180_000);

  afterAll(async () => {
    await victim?.stop('SIGKILL');
    await restarted?.stop();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves no row and no half-written file for the interrupted upload; the completed one is intact', async () => {
    const url = `${victim.url}/api/alliances/${allianceId}/documents`;
    const done = pdfBytes(500_000);
    const completed = await upload(url, lead.accessToken, { visibility: 'alliance' }, { name: 'avant-la-panne.pdf', bytes: done });
    expect(completed.status).toBe(201);

    // A large body sent slowly: the instance is killed once its bytes are on disk under a temporary name.
    const boundary = '----alliancescrash';
    const req = request(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${lead.accessToken}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    req.on('error', () => undefined);
    req.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="visibility"\r\n\r\nalliance\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="gros.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    req.write(pdfBytes(256 * 1024));
    const temporary = () => filesUnder(join(dataDir, 'files')).filter((f) => f.endsWith('.part'));
    let sent = 0;
    while (!temporary().length || sent < 8) {
      req.write(Buffer.alloc(256 * 1024, 0x41));
      sent++;
      await sleep(50);
      if (sent > 400) throw new Error('the upload never reached the disk');
    }
    expect(temporary()).toHaveLength(1);
    await victim.stop('SIGKILL');
    req.destroy();
    // The killed instance left its temporary file behind, under a name that is not a document's.
    expect(temporary()).toHaveLength(1);

    restarted = await startApiProcess({ databaseUrl: db.url, dataDir, env: ENV });
    expect(temporary()).toEqual([]);
    const files = filesUnder(join(dataDir, 'files'));
    expect(files).toHaveLength(1);
    const rows: { name: string }[] = await sql(restarted, db, 'SELECT name FROM document_versions');
    expect(rows.map((r) => r.name)).toEqual(['avant-la-panne.pdf']);
    const res = await fetch(`${restarted.url}/api/documents/${completed.body.id}/content`, {
      headers: { authorization: `Bearer ${lead.accessToken}` },
    });
    expect(res.status).toBe(200);
    expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(sha256(done));
    expect(restarted.output()).toMatch(/Removed 1 half-written file/);
  }, 180_000);
});
