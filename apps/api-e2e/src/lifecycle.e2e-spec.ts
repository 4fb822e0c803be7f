import { createTestDatabase, runApiToExit, startApiProcess, usingRealPostgres, withClient } from '@alliances/e2e/support';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('API lifecycle', () => {
  it('refuses to start on an invalid configuration and names every faulty variable', async () => {
    const { code, output } = await runApiToExit({ PORT: 'eighty', PUBLIC_URL: 'not a url', ADMIN_EMAIL: 'admin@example.org' });
    expect(code).toBe(1);
    expect(output).toContain('PORT');
    expect(output).toContain('PUBLIC_URL');
    expect(output).toContain('ADMIN_EMAIL and ADMIN_PASSWORD go together');
  });

  it('on SIGTERM answers health with 503 while draining, then exits cleanly', async () => {
    const db = await createTestDatabase();
    const api = await startApiProcess({ databaseUrl: db.url, env: { SHUTDOWN_DRAIN_MS: '1500' } });
    try {
      expect((await fetch(`${api.url}/api/health`)).status).toBe(200);
      api.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 400));
      const draining = await fetch(`${api.url}/api/health`);
      expect(draining.status).toBe(503);
      expect(await api.exited).not.toBe(1);
    } finally {
      await api.stop();
      await db.drop();
    }
  });

  // Several instances need a server; embedded mode is single-instance by design (see the lock test below).
  if (usingRealPostgres()) it('lets several instances start together on one database, migrating once', async () => {
    const db = await createTestDatabase();
    const apis = await Promise.all([0, 1, 2].map(() => startApiProcess({ databaseUrl: db.url })));
    try {
      for (const api of apis) expect((await fetch(`${api.url}/api/health`)).status).toBe(200);
      const rows = await withClient(db.url as string, (c) => c.query('SELECT name, count(*)::int AS n FROM schema_migrations GROUP BY name'));
      for (const row of rows.rows as { n: number }[]) expect(row.n).toBe(1);
    } finally {
      await Promise.all(apis.map((a) => a.stop()));
      await db.drop();
    }
  });
});

describe('embedded PostgreSQL', () => {
  let dataDir: string;
  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), 'alliances-embedded-'))));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps data across a restart, and survives a SIGKILL', async () => {
    const socketDir = join(dataDir, 'pg');
    const first = await startApiProcess({ dataDir });
    expect(first.output()).toMatch(/embedded PostgreSQL/);
    await withClient(`postgres://postgres@/postgres?host=${socketDir}`, async (c) => {
      await c.query('CREATE TABLE restart_probe (v text)');
      await c.query("INSERT INTO restart_probe VALUES ('kept')");
    });
    await first.stop('SIGKILL');

    const second = await startApiProcess({ dataDir });
    try {
      expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
      const rows = await withClient(`postgres://postgres@/postgres?host=${socketDir}`, (c) => c.query('SELECT v FROM restart_probe'));
      expect(rows.rows).toEqual([{ v: 'kept' }]);
    } finally {
      await second.stop();
    }
  });

  it('refuses a second instance on the same data folder with a clear message', async () => {
    const first = await startApiProcess({ dataDir });
    try {
      const { code, output } = await runApiToExit({ PORT: '0', DATA_DIR: dataDir });
      expect(code).toBe(1);
      expect(output).toMatch(/Embedded mode serves one instance; set DATABASE_URL/);
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    } finally {
      await first.stop();
    }
  });
});
