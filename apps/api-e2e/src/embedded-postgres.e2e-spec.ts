import { ApiClient, apiEntry, runApiToExit, startApiProcess, withClient, workspaceRoot, type ApiProcess } from '@alliances/e2e/support';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm start` without DATABASE_URL: a real PostgreSQL server in DATA_DIR/postgres (decision 0009).
 * Each test starts the built API as a process on its own DATA_DIR, as a newcomer's machine would.
 */
describe('embedded PostgreSQL server (no DATABASE_URL)', () => {
  const folders: string[] = [];
  const newDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'alliances-embedded-'));
    folders.push(dir);
    return dir;
  };
  afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** The postmaster serving a DATA_DIR, found by its command line (-D …/postgres/data). */
  const serversOf = (dataDir: string): number[] =>
    readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
          return command[0]?.endsWith('/postgres') && command.includes(join(dataDir, 'postgres', 'data'));
        } catch {
          return false; // gone meanwhile
        }
      })
      .map(Number);
  const eventually = async (check: () => boolean, ms = 20_000) => {
    const deadline = Date.now() + ms;
    while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    return check();
  };
  /** The connection string a tool beside the app would use: port from postmaster.pid, password from DATA_DIR. */
  const urlOf = (dataDir: string) => {
    const port = readFileSync(join(dataDir, 'postgres', 'data', 'postmaster.pid'), 'utf8').split('\n')[3];
    const password = readFileSync(join(dataDir, 'postgres', 'password'), 'utf8').trim();
    return `postgres://alliances:${encodeURIComponent(password)}@127.0.0.1:${port}/alliances`;
  };

  it('serves a new DATA_DIR on a real PostgreSQL with row-level security, pg_trgm and unaccent, reachable only from this machine', async () => {
    const dataDir = newDataDir();
    const api = await startApiProcess({ dataDir, env: { LOG_LEVEL: 'info' } });
    try {
      expect(api.output()).toMatch(/embedded PostgreSQL 17\.\d+/);
      expect(api.output()).toMatch(/Row-level security enforced/);
      expect(api.output()).toMatch(/socket\.io fan-out through PostgreSQL/);
      const health = await (await fetch(`${api.url}/api/health`)).json();
      expect(health).toMatchObject({ status: 'ok', database: { engine: 'postgresql', embedded: true } });
      expect(health.database.version).toMatch(/^17\./);

      const password = statSync(join(dataDir, 'postgres', 'password'));
      expect(password.mode & 0o077).toBe(0);
      if (process.getuid?.() === 0) expect(statSync(join(dataDir, 'postgres', 'data')).uid).not.toBe(0); // PostgreSQL refuses root
      await withClient(urlOf(dataDir), async (c) => {
        const settings = await c.query(
          `SELECT name, setting FROM pg_settings WHERE name IN ('listen_addresses', 'unix_socket_directories', 'password_encryption')`,
        );
        expect(Object.fromEntries(settings.rows.map((r) => [r.name, r.setting]))).toEqual({
          listen_addresses: '127.0.0.1',
          unix_socket_directories: '',
          password_encryption: 'scram-sha-256',
        });
        const extensions = (await c.query(`SELECT extname FROM pg_extension`)).rows.map((r) => r.extname);
        expect(extensions).toEqual(expect.arrayContaining(['pg_trgm', 'unaccent']));
        const indexes = (await c.query(`SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%'`)).rows.map(
          (r) => r.indexname,
        );
        expect(indexes).toEqual(expect.arrayContaining(['organisations_name_trgm_idx', 'users_search_trgm_idx']));
        // Several pooled connections at once, each its own session (PGlite served one).
        const sessions = await c.query(
          `SELECT count(DISTINCT pid)::int AS n FROM pg_stat_activity WHERE datname = 'alliances' AND application_name = 'alliances-api'`,
        );
        expect(sessions.rows[0].n).toBeGreaterThanOrEqual(1);
      });
      // Without the password, the server refuses.
      await expect(withClient(urlOf(dataDir).replace(/:[^:@]+@/, ':wrong@'), (c) => c.query('SELECT 1'))).rejects.toThrow(
        /password authentication failed/,
      );
    } finally {
      await api.stop();
    }
    expect(serversOf(dataDir)).toEqual([]);
    expect(readFileSync(join(dataDir, 'postgres', 'server.log'), 'utf8')).toMatch(/database system is shut down/);
  });

  it('keeps data across a clean restart; after a SIGKILL no server outlives the app and the next start recovers', async () => {
    const dataDir = newDataDir();
    const first = await startApiProcess({ dataDir });
    await withClient(urlOf(dataDir), async (c) => {
      await c.query('CREATE TABLE restart_probe (v text)');
      await c.query("INSERT INTO restart_probe VALUES ('kept')");
    });
    expect(serversOf(dataDir)).toHaveLength(1);
    await first.stop('SIGKILL');
    expect(await eventually(() => serversOf(dataDir).length === 0)).toBe(true);

    const second = await startApiProcess({ dataDir });
    try {
      expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
      const rows = await withClient(urlOf(dataDir), (c) => c.query('SELECT v FROM restart_probe'));
      expect(rows.rows).toEqual([{ v: 'kept' }]);
    } finally {
      await second.stop('SIGTERM');
    }
    expect(serversOf(dataDir)).toEqual([]);
  });

  it('recovers a server orphaned when the app and its supervisor were both killed', async () => {
    const dataDir = newDataDir();
    const first = await startApiProcess({ dataDir });
    const [apiPid, supervisorPid] = readFileSync(join(dataDir, 'postgres', 'instance.lock'), 'utf8')
      .split(' ')
      .map(Number);
    expect(apiPid).toBe(first.child.pid);
    process.kill(supervisorPid, 'SIGKILL');
    await first.stop('SIGKILL');
    const [orphan] = serversOf(dataDir);
    expect(orphan).toBeGreaterThan(0); // still running: nothing watched it any more

    const second = await startApiProcess({ dataDir });
    try {
      expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
      expect(second.output()).toMatch(/left running by a previous run/);
      expect(serversOf(dataDir)).not.toContain(orphan);
    } finally {
      await second.stop();
    }
    expect(serversOf(dataDir)).toEqual([]);
  });

  it('refuses a second app on the same DATA_DIR with a clear message, leaving the first one serving', async () => {
    const dataDir = newDataDir();
    const first = await startApiProcess({ dataDir });
    try {
      const { code, output } = await runApiToExit({ PORT: '0', DATA_DIR: dataDir });
      expect(code).toBe(1);
      expect(output).toMatch(/Another Alliances process \(pid \d+\) already uses the embedded database in .*Stop it first/);
      expect(output).not.toMatch(/at \w+ \(/); // a message, not a stack trace
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
      expect(serversOf(dataDir)).toHaveLength(1);
    } finally {
      await first.stop();
    }
  });

  it('creates a platform administrator from the command line (npm run admin), the app stopped', async () => {
    const dataDir = newDataDir();
    const run = (args: string[]) =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, [apiEntry(), ...args], {
          env: { PATH: process.env['PATH'] ?? '', DATA_DIR: dataDir, ADMIN_PASSWORD: 'Une phrase de passe assez longue' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (c: Buffer) => (output += c.toString()));
        child.stderr.on('data', (c: Buffer) => (output += c.toString()));
        child.once('exit', (code) => resolve({ code, output }));
      });
    const created = await run(['admin', 'create', 'admin-cli@example.org', 'Alix', 'Admin']);
    expect(created).toEqual({ code: 0, output: expect.stringContaining('Platform administrator admin-cli@example.org created.') });
    expect(serversOf(dataDir)).toEqual([]);
    const api = await startApiProcess({ dataDir });
    try {
      const session = await new ApiClient(api.url).login('admin-cli@example.org', 'Une phrase de passe assez longue');
      expect(session.user).toMatchObject({ displayName: 'Alix Admin', isPlatformAdmin: true });
    } finally {
      await api.stop();
    }
  });

  describe('a data folder written by the previous embedded database (PGlite)', () => {
    let dataDir: string;
    let api: ApiProcess | undefined;
    const expected: Record<string, number> = {};

    beforeAll(async () => {
      dataDir = newDataDir();
      // PGlite 0.5.14's folder after `npm run seed:demo`, written by the API before decision 0009.
      execFileSync('tar', ['xzf', join(workspaceRoot(), 'apps', 'api-e2e', 'fixtures', 'pglite-0.5.14-demo.tgz'), '-C', dataDir]);
      // The counts to find again, read from a copy with PGlite itself (the original must stay untouched).
      const copy = mkdtempSync(join(tmpdir(), 'alliances-pglite-copy-'));
      folders.push(copy);
      cpSync(join(dataDir, 'pg', 'pgdata'), copy, { recursive: true });
      // PGlite in its own Node process (it loads WebAssembly through dynamic imports Jest's sandbox refuses).
      const counts = execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { PGlite } from '@electric-sql/pglite';
           const db = await PGlite.create({ dataDir: process.argv[1] });
           const tables = await db.query("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'");
           const counts = {};
           for (const { name } of tables.rows) counts[name] = (await db.query('SELECT count(*)::int AS n FROM public."' + name + '"')).rows[0].n;
           await db.close();
           console.log(JSON.stringify(counts));`,
          copy,
        ],
        { cwd: workspaceRoot(), encoding: 'utf8' },
      );
      Object.assign(expected, JSON.parse(counts.trim().split('\n').pop() as string));
    }, 120_000);
    afterAll(() => api?.stop());

    it('moves every row into the new server on first start, checks the counts and keeps the old folder renamed', async () => {
      api = await startApiProcess({ dataDir, env: { LOG_LEVEL: 'info' }, timeoutMs: 180_000 });
      const total = Object.values(expected).reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThan(500);
      expect(api.output()).toContain(`Moved ${total} rows in ${Object.keys(expected).length} tables from PGlite`);
      expect(existsSync(join(dataDir, 'pg'))).toBe(false);
      const kept = readdirSync(dataDir).find((entry) => entry.startsWith('pg.pglite-migrated-'));
      expect(kept).toBeDefined();
      expect(existsSync(join(dataDir, kept as string, 'pgdata', 'PG_VERSION'))).toBe(true);

      await withClient(urlOf(dataDir), async (c) => {
        for (const [table, rows] of Object.entries(expected)) {
          const found = (await c.query(`SELECT count(*)::int AS n FROM public."${table}"`)).rows[0].n;
          expect({ table, rows: found }).toEqual({ table, rows });
        }
      });
      // The people of the old database sign in and find their alliances.
      const client = new ApiClient(api.url);
      const session = await client.login('camille.martin@demo.alliances.test', 'Alliances-demo-2026');
      const alliances = await client.get('/api/alliances', { token: session.accessToken });
      expect(alliances.status).toBe(200);
      expect(alliances.body.items.map((a: { name: string }) => a.name)).toContain('Alliance Aidants Salariés du Rhône');
    }, 180_000);

    it('does not migrate again on the next start', async () => {
      await api?.stop();
      api = await startApiProcess({ dataDir, env: { LOG_LEVEL: 'info' } });
      expect(api.output()).not.toMatch(/from PGlite/);
      expect(readdirSync(dataDir).filter((entry) => entry.startsWith('pg.pglite-migrated-'))).toHaveLength(1);
    });
  });
});
