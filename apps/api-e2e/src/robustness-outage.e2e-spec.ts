import { ApiClient, createTestDatabase, startApiProcess, type ApiProcess, type Session, type TestDatabase } from '@alliances/e2e/support';
import { percentile, SteadyLoad, tally, watchHealth, type Sample } from './support/steady-load';
import { TcpProxy } from './support/tcp-proxy';

const ENV = {
  JWT_SECRET: 'outage-test-secret-that-is-long-enough-1234567',
  AUTH_THROTTLE_IP_PER_MINUTE: '100000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '100000',
};
const OUTAGE_MS = 10_000;
/** Generous bounds for a loaded 2-core machine; what is measured is printed. */
const MAX_LATENCY_MS = 8000;
const MAX_RECOVERY_MS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const latency = (s: Sample) => s.end - s.start;
const succeeded = (s: Sample) => s.status === 200 || s.status === 201;

describe('database outage between one API process and PostgreSQL', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let proc: ApiProcess;
  let session: Session;

  beforeAll(async () => {
    db = await createTestDatabase();
    const direct = new URL(db.url as string);
    proxy = await TcpProxy.start({ host: direct.hostname, port: Number(direct.port || 5432) });
    proc = await startApiProcess({ databaseUrl: proxy.url(db.url as string), env: ENV });
    session = await new ApiClient(proc.url).signUp({ displayName: 'Outage Tester' });
  });
  afterAll(async () => {
    await proc?.stop();
    await proxy?.close();
    await db?.drop();
  });

  /** Steady load (reads and a write) through a 10 s outage and 6 s after it; returns what clients saw in each phase. */
  async function throughOutage(kind: 'refuse' | 'blackhole') {
    const load = new SteadyLoad(
      proc.url,
      6,
      (worker, n) =>
        n % 3 === 2
          ? {
              method: 'POST',
              path: '/api/organisations',
              token: session.accessToken,
              body: { name: `Association ${kind} ${worker}-${n}`, profile: 'association', rna: 'W751234567', territoryCode: '69123' },
            }
          : { method: 'GET', path: n % 3 === 0 ? '/api/me' : '/api/alliances', token: session.accessToken },
      { pauseMs: 20, tag: kind },
    );
    const health = watchHealth(proc.url, 200);
    await sleep(1500);
    const cutAt = Date.now();
    if (kind === 'refuse') await proxy.refuse();
    else proxy.blackhole();
    await sleep(OUTAGE_MS);
    const restoredAt = Date.now();
    await proxy.restore();
    await sleep(6000);
    const samples = await load.stop();
    const healthSamples = await health.stop();

    const before = samples.filter((s) => s.end < cutAt);
    const during = samples.filter((s) => s.start >= cutAt && s.start < restoredAt);
    const after = samples.filter((s) => s.start >= restoredAt);
    const failedAfter = after.filter((s) => !succeeded(s));
    const recoveredAt = failedAfter.length ? Math.max(...failedAfter.map((s) => s.end)) : restoredAt;
    // Health may take a probe or two to notice: judged from 3 s into the outage.
    const healthDuring = healthSamples.filter((h) => h.start >= cutAt + 3000 && h.start < restoredAt);
    const maxLatencyMs = Math.max(0, ...during.map(latency));
    console.log(
      `database outage (${kind === 'refuse' ? 'connections reset and refused' : 'network partition, nothing answers'}): ` +
        `${during.length} requests during the ${OUTAGE_MS / 1000} s outage: ${tally(during)}; ${during.filter((s) => s.status === 503).length} × 503, ` +
        `latency max ${maxLatencyMs} ms, p95 ${percentile(during.map(latency), 95)} ms; health ${tally(healthDuring)}; ` +
        `recovered ${recoveredAt - restoredAt} ms after the database came back (${tally(after)} after it, ${tally(before)} before the outage)`,
    );
    return { before, during, after, recoveredAt, restoredAt, healthDuring, maxLatencyMs, lastHealth: healthSamples.at(-1) };
  }

  for (const kind of ['refuse', 'blackhole'] as const) {
    it(`${kind === 'refuse' ? 'while the database restarts' : 'during a network partition'}: answers 503 fast, health says 503, and recovers by itself`, async () => {
      const pid = proc.child.pid;
      const r = await throughOutage(kind);

      expect(r.before.length).toBeGreaterThan(0);
      expect(tally(r.before.filter((s) => !succeeded(s)))).toBe('none');
      // Every request sent during the outage got an answer, and a 503 in the contract's shape when not a success: no 500, no hang.
      expect(tally(r.during.filter((s) => !succeeded(s) && s.status !== 503))).toBe('none');
      const unavailable = r.during.filter((s) => s.status === 503);
      expect(unavailable.length).toBeGreaterThan(0);
      for (const s of unavailable)
        expect(s.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable', code: 'service.unavailable' });
      expect(r.maxLatencyMs).toBeLessThan(MAX_LATENCY_MS);
      expect(r.healthDuring.length).toBeGreaterThan(0);
      expect(r.healthDuring.every((h) => h.status === 503)).toBe(true);
      // Back by itself, same process: requests succeed again and keep succeeding.
      expect(r.recoveredAt - r.restoredAt).toBeLessThan(MAX_RECOVERY_MS);
      expect(r.after.filter((s) => s.start > r.recoveredAt && succeeded(s)).length).toBeGreaterThan(10);
      expect(r.lastHealth?.status).toBe(200);
      expect(proc.child.exitCode).toBeNull();
      expect(proc.child.pid).toBe(pid);
    }, 60_000);
  }
});
