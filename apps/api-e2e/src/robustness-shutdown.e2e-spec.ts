import {
  ApiClient,
  createTestDatabase,
  GOOD_PASSWORD,
  startApiProcess,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import { SteadyLoad, tally, watchHealth, type LoadRequest, type Sample } from './support/steady-load';

const DRAIN_MS = 2000;
const ENV = {
  JWT_SECRET: 'shutdown-test-secret-that-is-long-enough-123456',
  SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
  AUTH_THROTTLE_IP_PER_MINUTE: '100000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '100000',
  LOG_LEVEL: 'info',
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Request ids the server logged (pino-http logs every request it handled, answered or aborted). */
const loggedRequestIds = (output: string): Set<string> => new Set([...output.matchAll(/"requestId":"([^"]+)"/g)].map((m) => m[1]));

// The lifecycle spec proves health turns 503 on SIGTERM and the exit is clean; this one keeps clients
// busy through the whole shutdown and accounts for every request they sent.
describe('graceful shutdown under steady load', () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let session: Session;

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    session = await new ApiClient(proc.url).signUp({ displayName: 'Shutdown Tester' });
  });
  afterAll(async () => {
    await proc?.stop();
    await db?.drop();
  });

  it('on SIGTERM turns health 503 first, answers every request it accepted, then refuses new connections', async () => {
    // Reads, a write and a slow sign-in (password hashing), so requests are in flight at every instant.
    const mix = (worker: number, n: number): LoadRequest => {
      switch ((worker + n) % 4) {
        case 0:
          return { method: 'GET', path: '/api/me', token: session.accessToken };
        case 1:
          return { method: 'GET', path: '/api/alliances', token: session.accessToken };
        case 2:
          return {
            method: 'POST',
            path: '/api/organisations',
            token: session.accessToken,
            body: { name: `Association ${worker}-${n}`, profile: 'association', rna: 'W751234567', territoryCode: '69123' },
          };
        default:
          return { method: 'POST', path: '/api/auth/login', body: { email: session.email, password: GOOD_PASSWORD } };
      }
    };
    const kept = new SteadyLoad(proc.url, 6, mix, { tag: 'kept', pauseMs: 5 });
    const fresh = new SteadyLoad(proc.url, 2, mix, { tag: 'fresh', pauseMs: 25, keepAlive: false });
    const health = watchHealth(proc.url, 50);
    await sleep(1500);

    const sigtermAt = Date.now();
    proc.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const exitCode = await Promise.race([
      proc.exited,
      new Promise((resolve) => (timer = setTimeout(() => resolve('still running'), 30_000))),
    ]);
    clearTimeout(timer);
    const exitedAt = Date.now();
    await sleep(300);
    const samples = [...(await kept.stop()), ...(await fresh.stop())].sort((a, b) => a.start - b.start);
    const healthSamples = await health.stop();
    const afterExit = await fetch(`${proc.url}/api/health`).then(
      (r) => `status ${r.status}`,
      (e: { cause?: { code?: string } }) => e.cause?.code ?? 'error',
    );

    const logged = loggedRequestIds(proc.output());
    const answered = (s: Sample) => s.status !== undefined;
    const refusedAtDoor = (s: Sample) => s.error === 'ECONNREFUSED' || s.status === 503;
    // Accepted: the server read it (it is in the server's log). Accepted and not answered is a drop.
    const dropped = samples.filter((s) => !answered(s) && logged.has(s.id));
    // A kept-alive connection the server closed while idle, or a new one still in the listen queue when the
    // server stopped listening: the request never reached the server and the client may send it again.
    const unread = samples.filter((s) => !answered(s) && s.error !== 'ECONNREFUSED' && !logged.has(s.id));
    const firstHealth503 = healthSamples.find((h) => h.start >= sigtermAt && h.status === 503);
    const firstRefusal = samples.find((s) => s.start >= sigtermAt && (refusedAtDoor(s) || !answered(s)));
    const servedWhileDraining = samples.filter((s) => firstHealth503 && s.start >= firstHealth503.end && answered(s) && s.status !== 503);
    const inFlightAtClose = firstRefusal ? samples.filter((s) => s.start < firstRefusal.start && s.end > firstRefusal.start) : [];
    const duringShutdown = samples.filter((s) => s.end >= sigtermAt);

    console.log(
      `graceful shutdown: ${samples.length} requests (${tally(samples.filter((s) => s.end < sigtermAt))} before SIGTERM), ` +
        `${duringShutdown.length} during the shutdown: ${tally(duringShutdown)}; ` +
        `health 503 after ${firstHealth503 ? firstHealth503.end - sigtermAt : '-'} ms, first refusal after ${firstRefusal ? firstRefusal.start - sigtermAt : '-'} ms, ` +
        `${servedWhileDraining.length} served while draining, ${inFlightAtClose.length} in flight at close (${tally(inFlightAtClose)}), ` +
        `${dropped.length} dropped, ${unread.length} closed unread; exit ${exitCode} after ${exitedAt - sigtermAt} ms; after exit: ${afterExit}`,
    );

    // A clean exit: Nest re-raises the signal once closed, or the process ends on an empty event loop.
    expect([0, 'SIGTERM']).toContain(exitCode);
    expect(dropped.map((s) => `${s.method} ${s.path} ${s.error}`)).toEqual([]);
    // Readiness first: health says 503 while the load is still served, before anyone is turned away.
    expect(firstHealth503).toBeDefined();
    expect(servedWhileDraining.length).toBeGreaterThan(0);
    if (firstRefusal && firstHealth503) expect(firstHealth503.end).toBeLessThanOrEqual(firstRefusal.start + 50);
    // Every answer is a success, or a clean 503 once the shutdown began; nothing else (no 500, no hang).
    for (const s of samples.filter(answered)) {
      if (s.status === 503) expect(s.start).toBeGreaterThanOrEqual(sigtermAt);
      else expect([200, 201]).toContain(s.status);
    }
    for (const s of inFlightAtClose) expect(answered(s)).toBe(true);
    expect(afterExit).toBe('ECONNREFUSED');
  }, 60_000);
});
