import {
  ApiClient,
  GOOD_PASSWORD,
  apiEntry,
  createTestDatabase,
  startApiProcess,
  withClient,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildAllianceWorld, type AllianceWorld } from './support/alliance-world';

/**
 * BACKUP AND RESTORE (README "Backups (self-hosting)", decision 0011): `main.js backup <file>` writes
 * one snapshot of the app's database while people keep posting; `main.js restore <file>` loads it into
 * a new embedded database (a fresh DATA_DIR, no DATABASE_URL), which the app then serves with the same
 * people, comments and signed charters. The file is read here by its documented format, independently
 * of the code that writes it.
 */

const ENV = {
  ADMIN_EMAIL: 'admin@backup.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
  COMMENTS_PER_MINUTE: '100000',
};

interface Cli {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `node dist/apps/api/main.js <args>` as `npm run backup|restore` does after its build. */
function runCli(args: string[], env: Record<string, string>): Promise<Cli> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [apiEntry(), ...args], {
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

interface BackupFile {
  manifest: { format: string; version: number; migrations: string[]; tables: { name: string; columns: string[]; rows: number }[] };
  rows: Map<string, string[]>;
  trailer: { end: string; tables: number; rows: number };
}

/** The documented format: a JSON manifest line; per table a `{"table"}` line, COPY text rows, `\.`; a trailer line. */
function readBackup(file: string): BackupFile {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  const manifest = JSON.parse(lines[0]);
  const rows = new Map<string, string[]>();
  let i = 1;
  for (const table of manifest.tables) {
    expect(JSON.parse(lines[i++])).toEqual({ table: table.name });
    const start = i;
    while (lines[i] !== '\\.') i++;
    rows.set(table.name, lines.slice(start, i++));
  }
  expect(lines.slice(i + 1)).toEqual(['']);
  return { manifest, rows, trailer: JSON.parse(lines[i]) };
}

/** One column of a table of a backup, as COPY text. */
const column = (backup: BackupFile, table: string, name: string): string[] => {
  const index = backup.manifest.tables.find((t) => t.name === table)?.columns.indexOf(name) ?? -1;
  return (backup.rows.get(table) ?? []).map((row) => row.split('\t')[index]);
};
const counts = (backup: BackupFile) => Object.fromEntries(backup.manifest.tables.map((t) => [t.name, t.rows]));
/** A table's rows whatever their order. */
const digests = (backup: BackupFile) =>
  Object.fromEntries(
    [...backup.rows].map(([table, rows]) => [
      table,
      createHash('sha256')
        .update([...rows].sort().join('\n'))
        .digest('hex'),
    ]),
  );

/** The embedded server of a running app, as a tool beside it reaches it: port from postmaster.pid, password from DATA_DIR. */
const embeddedUrl = (dataDir: string) => {
  const port = readFileSync(join(dataDir, 'postgres', 'data', 'postmaster.pid'), 'utf8').split('\n')[3];
  return `postgres://alliances:${encodeURIComponent(readFileSync(join(dataDir, 'postgres', 'password'), 'utf8').trim())}@127.0.0.1:${port}/alliances`;
};

/** The hashed and signed text of a charter version (charter.service canonicalMarkdown). */
const charterSha256 = (sections: { key: string; markdown: string }[]) =>
  createHash('sha256')
    .update(sections.map((s) => `## ${s.key}\n\n${s.markdown.trim()}\n`).join('\n'), 'utf8')
    .digest('hex');

const noStackTrace = (output: string) => expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);

/** People posting comments and check-ins in every alliance, as fast as the API answers, until stopped. */
function startTraffic(api: ApiClient, worlds: AllianceWorld[]) {
  let running = true;
  const acked: string[] = [];
  const failures: string[] = [];
  let checkIns = 0;
  const loop = async (step: (n: number) => Promise<void>) => {
    for (let n = 0; running; n++) await step(n).catch((error: Error) => void failures.push(error.message));
  };
  const workers = worlds.flatMap((w) => [
    ...[w.partner, w.lead].map((who: Session) =>
      loop(async (n) => {
        const res = await api.post(
          '/api/comments',
          {
            allianceId: w.allianceId,
            target: { type: 'alliance', id: w.allianceId },
            body: `Pendant la sauvegarde ${n} — ${who.user.displayName}`,
          },
          { token: who.accessToken },
        );
        if (res.status === 201) acked.push(res.body.id);
        else failures.push(`comment: ${res.status} ${res.text.slice(0, 200)}`);
      }),
    ),
    loop(async (n) => {
      const res = await api.post(
        `/api/indicators/${w.ids['indicator']}/checkins`,
        { value: 60 + n, date: '2026-07-01', note: `Point ${n}`, confidence: 3 },
        { token: w.partner.accessToken },
      );
      if (res.status === 201) checkIns++;
      else failures.push(`check-in: ${res.status} ${res.text.slice(0, 200)}`);
    }),
  ]);
  return {
    acked,
    failures,
    checkIns: () => checkIns,
    stop: async () => {
      running = false;
      await Promise.all(workers);
    },
  };
}

describe('backup and restore', () => {
  const folders: string[] = [];
  const newFolder = (label: string) => {
    const dir = mkdtempSync(join(tmpdir(), `alliances-${label}-`));
    folders.push(dir);
    return dir;
  };
  let db: TestDatabase;
  let sourceDir: string;
  let source: ApiProcess | undefined;
  let restored: ApiProcess | undefined;
  let sourceUrl: string;
  let worlds: AllianceWorld[];
  let backupFile: string;
  let snapshot: BackupFile;
  let ackedBefore: string[];
  let restoredDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    sourceDir = newFolder('backup-source');
    source = await startApiProcess({ databaseUrl: db.url, dataDir: sourceDir, env: ENV });
    sourceUrl = db.url ?? embeddedUrl(sourceDir);
    const api = new ApiClient(source.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    worlds = [
      await buildAllianceWorld(api, source, admin, 'Sauvegarde'),
      await buildAllianceWorld(api, source, admin, 'Restauration', { publishCaseStudy: true }),
    ];
  }, 180_000);
  afterAll(async () => {
    await restored?.stop();
    await source?.stop();
    await db?.drop();
    folders.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  it('writes one consistent snapshot while comments and check-ins keep coming, readable by its owner only', async () => {
    const api = new ApiClient((source as ApiProcess).url);
    const traffic = startTraffic(api, worlds);
    const deadline = Date.now() + 30_000;
    while (traffic.acked.length < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // Every comment acknowledged before the command starts is committed before its snapshot.
    ackedBefore = [...traffic.acked];
    backupFile = join(newFolder('backups'), 'alliances.backup');
    const run = await runCli(['backup', backupFile], db.url ? { DATABASE_URL: db.url, DATA_DIR: sourceDir } : { DATA_DIR: sourceDir });
    const ackedDuring = traffic.acked.length - ackedBefore.length;
    await new Promise((r) => setTimeout(r, 300));
    await traffic.stop();

    expect(run.stderr).toMatch(/backup: \d+\/\d+ tables, [\d,]+\/[\d,]+ rows/);
    expect(run.stdout).toMatch(/^Backup written to .*alliances\.backup: \d+ tables, [\d,]+ rows/);
    expect(run.code).toBe(0);
    expect(traffic.failures).toEqual([]);
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(existsSync(`${backupFile}.partial`)).toBe(false);

    snapshot = readBackup(backupFile);
    const tables = snapshot.manifest.tables.map((t) => t.name);
    expect(snapshot.manifest).toMatchObject({ format: 'alliances-backup', version: 1 });
    expect(tables).toEqual(
      expect.arrayContaining([
        'schema_migrations',
        'users',
        'organisations',
        'alliances',
        'charter_versions',
        'charter_signatures',
        'objectives',
        'comments',
        'checkins',
      ]),
    );
    expect(tables.some((t) => /^(job|schedule|queue|archive|version)$/.test(t))).toBe(false); // pg-boss's schema is left out
    expect(snapshot.manifest.migrations.length).toBe(
      (await withClient(sourceUrl, (c) => c.query('SELECT count(*)::int AS n FROM schema_migrations'))).rows[0].n,
    );
    for (const t of snapshot.manifest.tables) expect([t.name, snapshot.rows.get(t.name)?.length]).toEqual([t.name, t.rows]);
    const total = snapshot.manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    expect(snapshot.trailer).toEqual({ end: 'alliances-backup', tables: tables.length, rows: total });

    // One snapshot: each comment, its outbox event and its alliance's sequence are written in one
    // transaction, so the three tables agree in the backup even though comments kept coming.
    const comments = column(snapshot, 'comments', 'id');
    expect(comments).toEqual(expect.arrayContaining(ackedBefore));
    const created = column(snapshot, 'comment_events', 'comment_id').filter(
      (_, i) => column(snapshot, 'comment_events', 'type')[i] === 'comment:created',
    );
    expect([...created].sort()).toEqual([...comments].sort());
    const lastSeq = Object.fromEntries(
      column(snapshot, 'alliance_sequences', 'alliance_id').map((a, i) => [
        a,
        Number(column(snapshot, 'alliance_sequences', 'last_seq')[i]),
      ]),
    );
    for (const w of worlds) {
      const seqs = column(snapshot, 'comment_events', 'seq')
        .filter((_, i) => column(snapshot, 'comment_events', 'alliance_id')[i] === w.allianceId)
        .map(Number);
      expect(lastSeq[w.allianceId]).toBe(Math.max(...seqs));
    }
    // …and traffic went on after it: the source holds comments the snapshot does not.
    const after = (await withClient(sourceUrl, (c) => c.query('SELECT count(*)::int AS n FROM comments'))).rows[0].n;
    expect(after).toBeGreaterThan(comments.length);
    console.log(
      `backup during traffic: ${tables.length} tables, ${total} rows (${comments.length} comments), ${statSync(backupFile).size} bytes, ` +
        `${run.ms} ms for the command (${/in ([\d.]+ s)/.exec(run.stdout)?.[1]} from connection to rename); comments acknowledged before it ${ackedBefore.length}, during it ${ackedDuring}, in the source at the end ${after}; check-ins posted ${traffic.checkIns()}`,
    );
  }, 90_000);

  it('restores into a new embedded database: every table holds the same rows as the snapshot; a second restore there is refused and changes nothing', async () => {
    restoredDir = newFolder('restored');
    const run = await runCli(['restore', backupFile], { DATA_DIR: restoredDir });
    expect(run.stderr).toMatch(/restore: \d+\/\d+ tables, [\d,]+\/[\d,]+ rows/);
    expect(run.stdout).toMatch(
      /^Restored .* into a new embedded database of .*: \d+ tables, [\d,]+ rows, row counts checked table by table/,
    );
    expect(run.code).toBe(0);

    const again = await runCli(['restore', backupFile], { DATA_DIR: restoredDir });
    expect(again.stderr).toMatch(
      /The target database is not empty: its public schema already holds \d+ tables .*nothing was changed\. Restore into a new DATA_DIR/,
    );
    expect(again.code).toBe(1);
    noStackTrace(again.stderr);

    // The restored folder, backed up in turn (its embedded server started for the command): the same rows, table by table.
    const copyFile = join(newFolder('backups'), 'restored.backup');
    const copy = await runCli(['backup', copyFile], { DATA_DIR: restoredDir });
    expect(copy.stderr).toContain('started for the backup');
    expect(copy.code).toBe(0);
    const restoredBackup = readBackup(copyFile);
    expect(restoredBackup.manifest.migrations).toEqual(snapshot.manifest.migrations);
    expect(counts(restoredBackup)).toEqual(counts(snapshot));
    expect(digests(restoredBackup)).toEqual(digests(snapshot));
    console.log(`restore into a new embedded database: ${run.ms} ms for the command; ${run.stdout.trim()}`);
  }, 120_000);

  it('serves the restored folder: same rows and charter SHA-256s, every acknowledged comment, and the people of the source sign in', async () => {
    restored = await startApiProcess({ dataDir: restoredDir });
    const url = embeddedUrl(restoredDir);
    const rowCounts = await withClient(url, async (c) => {
      const found: Record<string, number> = {};
      for (const t of snapshot.manifest.tables) found[t.name] = (await c.query(`SELECT count(*)::int AS n FROM "${t.name}"`)).rows[0].n;
      return found;
    });
    expect(rowCounts).toEqual(counts(snapshot));
    const present = await withClient(url, (c) =>
      c.query('SELECT count(*)::int AS n FROM comments WHERE id = ANY($1::uuid[])', [ackedBefore]),
    );
    expect(present.rows[0].n).toBe(ackedBefore.length);
    const charters = 'SELECT alliance_id, version, sha256 FROM charter_versions ORDER BY alliance_id, version';
    const sourceCharters = (await withClient(sourceUrl, (c) => c.query(charters))).rows;
    expect(sourceCharters.length).toBeGreaterThanOrEqual(worlds.length);
    expect((await withClient(url, (c) => c.query(charters))).rows).toEqual(sourceCharters);

    const api = new ApiClient(restored.url);
    for (const w of worlds) {
      const lead = await api.login(w.lead.email, w.lead.password);
      const alliances = await api.get('/api/alliances', { token: lead.accessToken });
      expect(alliances.body.items.map((a: { id: string }) => a.id)).toContain(w.allianceId);
      const version = await api.get(`/api/alliances/${w.allianceId}/charter/versions/1`, { token: lead.accessToken });
      const signed = sourceCharters.find((c) => c.alliance_id === w.allianceId && c.version === 1);
      expect(version.body.sha256).toBe(signed.sha256);
      expect(charterSha256(version.body.sections)).toBe(signed.sha256); // the frozen text itself came back intact
      expect(version.body.signatures.map((s: { organisationId: string }) => s.organisationId)).toEqual([w.leadOrg]);
    }

    // While the app runs on it, the folder is not restored into.
    const refused = await runCli(['restore', backupFile], { DATA_DIR: restoredDir });
    expect(refused.stderr).toMatch(/The app is running on .*Stop the app before restoring/);
    expect(refused.code).toBe(1);
    noStackTrace(refused.stderr);
    await restored.stop();
    restored = undefined;
  }, 120_000);

  it('refuses a truncated backup, a file that is not a backup and a missing one, with a clear message and nothing created', async () => {
    const dir = newFolder('backups');
    const bytes = readFileSync(backupFile);
    writeFileSync(join(dir, 'cut.backup'), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    writeFileSync(join(dir, 'notes.txt'), 'not a backup\n');
    const target = newFolder('restore-target');
    for (const [file, message] of [
      [
        'cut.backup',
        /cannot be restored: it ends before its last table is complete \(the backup was interrupted, or the file was cut short while copied\)\. Nothing was changed\./,
      ],
      ['notes.txt', /is not an Alliances backup \(not a gzip file\)/],
      ['missing.backup', /No such backup file: .*missing\.backup/],
    ] as const) {
      const run = await runCli(['restore', join(dir, file)], { DATA_DIR: target });
      expect(run.stderr).toMatch(message);
      expect(run.code).toBe(1);
      noStackTrace(run.stderr);
    }
    // The file is read to its end before any database is touched: no embedded server was even created.
    expect(existsSync(join(target, 'postgres'))).toBe(false);
  }, 60_000);
});
