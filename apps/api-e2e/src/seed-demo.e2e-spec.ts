import {
  ApiClient,
  createTestDatabase,
  sql,
  startApiProcess,
  testServerName,
  workspaceRoot,
  type ApiProcess,
  type TestDatabase,
} from '@alliances/e2e/support';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * DEMO DATA (`npm run seed:demo`, README "Demo data"): the seed fills a fresh database through the API,
 * a demo person signs in and finds their alliances, and a second run adds nothing. A brand-new embedded
 * folder offers the seed at start, and SEED_DEMO=1 runs it there without asking anything.
 */

const DEMO_PASSWORD = 'Alliances-demo-2026';
const LEAD = 'camille.martin@demo.alliances.test';
const FUNDER = 'isabelle.fontaine@demo.alliances.test';

const COUNTS = `
  SELECT (SELECT count(*) FROM organisations WHERE status = 'approved')::int AS organisations,
         (SELECT count(DISTINCT profile) FROM organisations)::int AS profiles,
         (SELECT count(*) FROM users)::int AS users,
         (SELECT count(*) FROM alliances)::int AS alliances,
         (SELECT count(DISTINCT d) FROM alliances, unnest(domains) d)::int AS domains,
         (SELECT count(*) FROM alliances WHERE in_force_version IS NOT NULL)::int AS "chartersInForce",
         (SELECT count(*) FROM charter_signatures)::int AS signatures,
         (SELECT count(*) FROM objectives)::int AS objectives,
         (SELECT count(*) FROM indicators)::int AS indicators,
         (SELECT count(*) FROM checkins)::int AS "checkIns",
         (SELECT count(*) FROM evaluation_campaigns WHERE status = 'closed')::int AS "closedEvaluations",
         (SELECT count(*) FROM evaluation_responses WHERE submitted_at IS NOT NULL)::int AS responses,
         (SELECT count(*) FROM comments)::int AS comments,
         (SELECT count(*) FROM grants)::int AS grants,
         (SELECT count(*) FROM grant_tranches WHERE status = 'paid')::int AS "paidTranches",
         (SELECT count(*) FROM contributions)::int AS contributions,
         (SELECT count(*) FROM case_studies WHERE published_at IS NOT NULL)::int AS "publishedCaseStudies"`;

/** Runs the seed CLI as `npm run seed:demo` does (after its build), on the given database. */
function runSeed(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'tools/seed-demo/seed-demo.ts'], {
      cwd: workspaceRoot(),
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '',
        TS_NODE_PROJECT: 'tools/seed-demo/tsconfig.json',
        TS_NODE_TRANSPILE_ONLY: 'true',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

async function waitFor(read: () => string, pattern: RegExp, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(read()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  return read();
}

describe(`demo data (${testServerName()})`, () => {
  let db: TestDatabase;
  let dataDir: string;
  let api: ApiProcess | undefined;
  let first: Record<string, number>;
  const env = () => ({ DATA_DIR: dataDir, ...(db.url ? { DATABASE_URL: db.url } : {}) });

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'alliances-seed-'));
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('fills a fresh database with French alliances of every profile and domain, through the API', async () => {
    const run = await runSeed(env());
    console.log(
      run.output
        .split('\n')
        .filter((l) => /Demo data|organisations of|charters in force|evaluation campaigns/.test(l))
        .join('\n'),
    );
    expect(run.output).toMatch(/Demo data ready in \d+ s/);
    expect(run.code).toBe(0);
    expect(run.output).toContain(`every one has the password: ${DEMO_PASSWORD}`);
    api = await startApiProcess({ databaseUrl: db.url, dataDir });
    [first] = await sql(api, db, COUNTS);
    console.log(`seed:demo (first run): ${JSON.stringify(first)}`);
    expect(first).toMatchObject({
      organisations: 20,
      profiles: 7,
      // 10 alliances at every stage, and 12 smaller ones for the observatory (issue 18).
      alliances: 22,
      domains: 12,
      chartersInForce: 12,
      grants: 5,
      publishedCaseStudies: 2,
      closedEvaluations: 16,
    });
    expect(first['checkIns']).toBeGreaterThanOrEqual(50);
    expect(first['comments']).toBeGreaterThanOrEqual(8);
    expect(first['paidTranches']).toBeGreaterThanOrEqual(5);
    // The invitation mails to demo addresses were a means only: none is left in the outbox.
    expect(readdirSync(join(dataDir, 'outbox')).filter((f) => f.includes('demo.alliances.test'))).toEqual([]);
  }, 300_000);

  it('lets a demo person sign in and find their alliances; the foundation sees its portfolio', async () => {
    const client = new ApiClient((api as ApiProcess).url);
    const lead = await client.login(LEAD, DEMO_PASSWORD);
    const alliances = await client.get('/api/alliances', { token: lead.accessToken });
    expect(alliances.body.items.map((a: { name: string; status: string }) => [a.name, a.status])).toEqual([
      ['Alliance Aidants Salariés du Rhône', 'active'],
    ]);
    const id = alliances.body.items[0].id;
    const charter = await client.get(`/api/alliances/${id}/charter`, { token: lead.accessToken });
    expect(charter.body).toMatchObject({ state: 'in_force', inForceVersion: 1 });
    expect(charter.body.sections[0].markdown).toMatch(/aide un proche/);
    const campaigns = await client.get(`/api/alliances/${id}/evaluations`, { token: lead.accessToken });
    const results = await client.get(`/api/evaluations/${campaigns.body[0].id}/results`, { token: lead.accessToken });
    expect(results.body.previous).toBeDefined();

    const funder = await client.login(FUNDER, DEMO_PASSWORD);
    const me = await client.get('/api/me', { token: funder.accessToken });
    const portfolio = await client.get(`/api/organisations/${me.body.memberships[0].organisationId}/portfolio`, {
      token: funder.accessToken,
    });
    expect(portfolio.body.entries.length).toBeGreaterThanOrEqual(4);
    expect(portfolio.body.totals.paid).toBeGreaterThan(0);
    expect((await client.get('/api/case-studies', { token: funder.accessToken })).body).toHaveLength(2);
    // The partner directory (issue 14): listed profiles in several régions, a company and an association in Lyon.
    const lyon = await client.get('/api/directory?territory=69123', { token: lead.accessToken });
    expect(lyon.body.items.map((c: { profile: string }) => c.profile)).toEqual(expect.arrayContaining(['association', 'company']));
    const map = await client.get('/api/directory/map', { token: lead.accessToken });
    expect(map.body.departements.length).toBeGreaterThanOrEqual(6);
    // The observatory (issue 18): two régions and two categories of at least 5 alliances each, all evaluated;
    // the lead's alliance is compared with alliances of its category.
    const byRegion = await client.get('/api/observatory?groupBy=region', { token: lead.accessToken });
    expect(byRegion.status).toBe(200);
    const regions = byRegion.body.groups.map((g: { key: string; alliances: number; evaluated: number }) => [
      g.key,
      g.alliances >= 5,
      g.evaluated >= 5,
    ]);
    expect(regions).toEqual(
      expect.arrayContaining([
        ['84', true, true],
        ['32', true, true],
      ]),
    );
    const byCategory = await client.get('/api/observatory?groupBy=category', { token: lead.accessToken });
    expect(byCategory.body.groups.map((g: { key: string }) => g.key)).toEqual(
      expect.arrayContaining(['philanthropy', 'societal_innovation']),
    );
    const benchmark = await client.get(`/api/alliances/${id}/benchmark`, { token: lead.accessToken });
    expect(benchmark.body.peers).toBeGreaterThanOrEqual(5);
    await api?.stop();
    api = undefined;
  }, 120_000);

  it('adds nothing when run a second time', async () => {
    const run = await runSeed(env());
    console.log(run.output.split('\n').find((l) => l.startsWith('Demo data')));
    expect(run.output).toContain('nothing was added');
    expect(run.code).toBe(0);
    api = await startApiProcess({ databaseUrl: db.url, dataDir });
    const [second] = await sql(api, db, COUNTS);
    console.log(`seed:demo (second run): ${JSON.stringify(second)}`);
    expect(second).toEqual(first);
    await api.stop();
    api = undefined;
  }, 300_000);

  it('offers the demo data when a new embedded folder starts, and seeds it with SEED_DEMO=1 without asking', async () => {
    const quiet = await startApiProcess({});
    try {
      const hint = await waitFor(quiet.output, /npm run seed:demo/, 10_000);
      expect(hint).toMatch(/new and empty.*npm run seed:demo.*SEED_DEMO=1 npm start/);
    } finally {
      await quiet.stop();
    }
    // Relaxed sign-in limits keep the test short; with the defaults the seed waits them out (about 1.5 min).
    const seeded = await startApiProcess({ env: { SEED_DEMO: '1', AUTH_THROTTLE_IP_PER_MINUTE: '100000' } });
    try {
      // The observatory's twelve alliances (issue 18) add about half a minute on a loaded machine.
      const log = await waitFor(seeded.output, /demo alliances are ready|demo seed stopped/, 270_000);
      expect(log).toMatch(/demo alliances are ready/);
      const client = new ApiClient(seeded.url);
      const lead = await client.login(LEAD, DEMO_PASSWORD);
      expect((await client.get('/api/alliances', { token: lead.accessToken })).body.items).toHaveLength(1);
    } finally {
      await seeded.stop();
    }
  }, 400_000);
});
