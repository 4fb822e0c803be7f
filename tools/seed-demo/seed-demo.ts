/**
 * `npm run seed:demo`: fills a database with realistic French demo alliances (docs/domain.md), through the
 * API itself so that every rule applies. Running it again adds nothing.
 *
 *   npm run seed:demo            the database of DATABASE_URL, or the embedded one in DATA_DIR (./.data);
 *                                the app must be stopped in embedded mode (one process at a time)
 *   seed-demo.ts --api <url>     a running API (what `SEED_DEMO=1 npm start` does on a new embedded
 *                                folder), signing in as SEED_ADMIN_EMAIL / SEED_ADMIN_PASSWORD and
 *                                reading invitation mails in SEED_DATA_DIR/outbox
 *
 * SEED_DEMO_PASSWORD sets the password of every demo account (default below, printed at the end).
 */
import { readOutbox, startApiProcess, workspaceRoot, type ApiProcess } from '@alliances/e2e/support';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ALLIANCES, DEFAULT_DEMO_PASSWORD, DEMO_DOMAIN, emailOf, GRANTS, ORGANISATIONS } from './demo-data';
import { DemoSeeder, type SeedReport } from './seeder';

const password = process.env['SEED_DEMO_PASSWORD'] || DEFAULT_DEMO_PASSWORD;

async function main(): Promise<void> {
  const at = process.argv.indexOf('--api');
  if (at >= 0) {
    const baseUrl = process.argv[at + 1];
    const email = process.env['SEED_ADMIN_EMAIL'];
    const adminPassword = process.env['SEED_ADMIN_PASSWORD'];
    const dataDir = process.env['SEED_DATA_DIR'];
    if (!baseUrl || !email || !adminPassword || !dataDir)
      throw new Error('--api <url> needs SEED_ADMIN_EMAIL, SEED_ADMIN_PASSWORD and SEED_DATA_DIR');
    await seed(baseUrl, { email, password: adminPassword }, dataDir, process.env['PUBLIC_URL'] || baseUrl);
    return;
  }

  if (!existsSync(join(workspaceRoot(), 'dist', 'apps', 'api', 'main.js')))
    throw new Error('Build the API first: npx nx build api (npm run seed:demo does it)');
  const dataDir = resolve(process.env['DATA_DIR'] || './.data');
  const databaseUrl = process.env['DATABASE_URL'] || undefined;
  // A platform administrator for this run only, to approve the demo organisations; its password is
  // random and never shown, so the seed leaves no known administrator password behind.
  const admin = { email: `seed-admin@${DEMO_DOMAIN}`, password: randomBytes(24).toString('base64url') };
  console.log(
    `Seeding the demo alliances into ${databaseUrl ? 'the PostgreSQL database of DATABASE_URL' : `the embedded database in ${dataDir}`}…`,
  );
  let api: ApiProcess;
  try {
    api = await startApiProcess({
      databaseUrl,
      dataDir,
      timeoutMs: 180_000,
      env: {
        NODE_ENV: 'development',
        ADMIN_EMAIL: admin.email,
        ADMIN_PASSWORD: admin.password,
        AUTH_THROTTLE_IP_PER_MINUTE: '100000',
        AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '100000',
        COMMENTS_PER_MINUTE: '1000',
        ...(process.env['PUBLIC_URL'] ? { PUBLIC_URL: process.env['PUBLIC_URL'] } : {}),
      },
    });
  } catch (error) {
    const text = String((error as Error).message);
    if (/already uses this embedded database/.test(text)) {
      throw new Error(`The embedded database in ${dataDir} is in use: stop the app (npm start) and run npm run seed:demo again.`);
    }
    throw error;
  }
  try {
    await seed(api.url, admin, dataDir, process.env['PUBLIC_URL'] || `http://localhost:${process.env['PORT'] || 3000}`);
  } finally {
    await api.stop();
  }
}

async function seed(baseUrl: string, admin: { email: string; password: string }, dataDir: string, publicUrl: string): Promise<void> {
  const before = new Set(readOutbox(dataDir).map((m) => m.file));
  const started = Date.now();
  let report: SeedReport;
  try {
    report = await new DemoSeeder({ baseUrl, admin, password, dataDir, log: (line) => console.log(line) }).run();
  } finally {
    // The invitation and evaluation mails to demo addresses were only a means: leave the outbox as it was.
    for (const mail of readOutbox(dataDir).filter((m) => !before.has(m.file) && m.to.includes(DEMO_DOMAIN)))
      rmSync(join(dataDir, 'outbox', mail.file), { force: true });
  }
  printSummary(report, publicUrl, Date.now() - started);
}

function printSummary(r: SeedReport, publicUrl: string, ms: number): void {
  const profiles = new Set(ORGANISATIONS.map((o) => o.profile)).size;
  const domains = new Set(ALLIANCES.flatMap((a) => a.domains)).size;
  const org = (key: string) => ORGANISATIONS.find((o) => o.key === key) ?? ORGANISATIONS[0];
  const lead = ALLIANCES[0];
  const funder = GRANTS[0].funder;
  const funded = new Set(GRANTS.filter((g) => g.funder === funder).map((g) => g.alliance)).size;
  const partner = lead.members.find((m) => m.role === 'partner')?.org ?? lead.lead;
  const rows: [string, string][] = [
    [emailOf(org(lead.lead).people[0]), `${org(lead.lead).name}, pilote de « ${lead.name} »`],
    [emailOf(org(partner).people[1] ?? org(partner).people[0]), `${org(partner).name}, signataire pour son organisation`],
    [emailOf(org(funder).people[0]), `${org(funder).name}, financeur de ${funded} alliances (portefeuille)`],
  ];
  console.log(
    [
      '',
      r.created
        ? `Demo data ready in ${Math.round(ms / 1000)} s (${r.created} objects created).`
        : `Demo data already there: nothing was added (${Math.round(ms / 1000)} s).`,
      `  ${r.organisations} organisations of ${profiles} profiles, ${r.people} people, ${r.alliances} alliances across ${domains} domains`,
      `  ${r.chartersInForce} charters in force, ${r.objectives} shared objectives with ${r.indicators} indicators and ${r.checkIns} check-ins,`,
      `  ${r.evaluations} closed evaluation campaigns, ${r.comments} comments, ${r.grants} grants, ${r.caseStudies} published case studies`,
      '',
      `Sign in at ${publicUrl} with any demo account (…@${DEMO_DOMAIN}); every one has the password: ${password}`,
      ...rows.map(([email, who]) => `  ${email.padEnd(40)} ${who}`),
      'The platform console needs an administrator of your own: ADMIN_EMAIL=… ADMIN_PASSWORD=… npm start',
    ].join('\n'),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`seed:demo failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
