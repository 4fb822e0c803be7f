import { createTestDatabase, runApiToExit, startApiProcess, withClient } from '@alliances/e2e/support';

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

  it('lets several instances start together on one database, migrating once', async () => {
    const db = await createTestDatabase();
    const apis = await Promise.all([0, 1, 2].map(() => startApiProcess({ databaseUrl: db.url })));
    try {
      for (const api of apis) expect((await fetch(`${api.url}/api/health`)).status).toBe(200);
      const rows = await withClient(db.url as string, (c) =>
        c.query('SELECT name, count(*)::int AS n FROM schema_migrations GROUP BY name'),
      );
      for (const row of rows.rows as { n: number }[]) expect(row.n).toBe(1);
    } finally {
      await Promise.all(apis.map((a) => a.stop()));
      await db.drop();
    }
  });
});
