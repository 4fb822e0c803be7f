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
import { SCHEDULED_JOB_NAMES, type ScheduledJobName, type ScheduledJobStatus } from '@alliances/shared/contracts';

/** A run every second: pg-boss's cron ticks once a minute at the most, shorter intervals go into one-second slots. */
const ENV = {
  JWT_SECRET: 'jobs-test-secret-that-is-long-enough-12345678',
  ADMIN_EMAIL: 'admin@jobs.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
  SCHEDULER_INTERVAL_MS: '1000',
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads until `check` holds or the time is up; returns the last value read. */
async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await sleep(250);
    value = await read();
  }
  return value;
}

async function jobsOf(api: ApiClient, admin: Session): Promise<Record<ScheduledJobName, ScheduledJobStatus>> {
  const res = await api.get('/api/admin/jobs', { token: admin.accessToken });
  if (res.status !== 200) throw new Error(`GET /api/admin/jobs: ${res.status} ${res.text}`);
  return Object.fromEntries((res.body.items as ScheduledJobStatus[]).map((j) => [j.name, j])) as Record<
    ScheduledJobName,
    ScheduledJobStatus
  >;
}

describe(`scheduled jobs on two API instances, one database (${testServerName()})`, () => {
  let db: TestDatabase;
  let first: ApiProcess;
  let second: ApiProcess;
  let api: ApiClient;
  let admin: Session;
  let person: Session;

  beforeAll(async () => {
    db = await createTestDatabase();
    [first, second] = await Promise.all([
      startApiProcess({ databaseUrl: db.url, env: ENV }),
      startApiProcess({ databaseUrl: db.url, env: ENV }),
    ]);
    api = new ApiClient(first.url);
    admin = await api.login(ENV.ADMIN_EMAIL);
    person = await api.signUp({ displayName: 'Paul Personne' });
  }, 120_000);
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await db?.drop();
  });

  /** Jobs sent into slots since `since`: how many were stored a slot, and how many of them ran to completion. */
  const slots = (since: string) =>
    sql<{ name: ScheduledJobName; slot: string; runs: number; sent: number }>(
      second,
      db,
      `SELECT name, singleton_on::text AS slot, count(*) FILTER (WHERE state = 'completed')::int AS runs, count(*)::int AS sent
         FROM pgboss.job WHERE name = ANY($1) AND singleton_on >= $2::timestamptz GROUP BY name, singleton_on`,
      [[...SCHEDULED_JOB_NAMES], since],
    );
  const dbNow = async () => (await sql<{ now: string }>(second, db, 'SELECT now()::text AS now'))[0].now;

  it('runs each job once a tick, whichever instance sends it first', async () => {
    const since = await dbNow();
    await sleep(6000);
    const ticks = await slots(since);
    for (const name of SCHEDULED_JOB_NAMES) {
      const own = ticks.filter((t) => t.name === name);
      // Both instances send every second; one job a slot is stored, and run once.
      expect(own.length).toBeGreaterThanOrEqual(4);
      expect(own.every((t) => t.sent === 1)).toBe(true);
      expect(own.filter((t) => t.runs === 1).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('lists every scheduled job with its runs, retry policy and next run', async () => {
    const jobs = await jobsOf(api, admin);
    expect(Object.keys(jobs).sort()).toEqual([...SCHEDULED_JOB_NAMES].sort());
    for (const name of SCHEDULED_JOB_NAMES) {
      expect(jobs[name]).toMatchObject({
        name,
        everySeconds: 1,
        failed: 0,
        lastFailure: null,
        retry: { limit: 3, delaySeconds: 1, backoff: true },
      });
      expect(jobs[name].completed).toBeGreaterThanOrEqual(4);
      expect(jobs[name].lastRun).toMatchObject({ state: expect.stringMatching(/^(active|completed)$/), attempts: 1 });
      expect(Date.parse(jobs[name].nextRun)).toBeGreaterThan(Date.parse(jobs[name].lastRun?.at ?? ''));
    }
  });

  it('retries a failing job with backoff, shows it failed, and runs it again when the administrator asks', async () => {
    // The reminders lose a column they need (as after a bad manual change); the closing does not use it.
    await sql(first, db, 'ALTER TABLE evaluation_campaigns RENAME COLUMN reminded_at TO reminded_at_moved');
    const broken = await until(
      () => jobsOf(api, admin),
      (j) => j.evaluation_reminders.failed >= 1,
      45_000,
    );
    expect(broken.evaluation_reminders.lastFailure).toMatchObject({
      state: expect.stringMatching(/^(retry|failed)$/),
      error: expect.stringContaining('reminded_at'),
    });
    expect(broken.evaluation_closing).toMatchObject({ failed: 0, lastFailure: null });
    // Four attempts: the first, then retries after at least 1, 2 and 4 seconds.
    const [failed] = await sql<{ id: string; retry_count: number; retry_backoff: boolean; seconds: number }>(
      first,
      db,
      `SELECT id, retry_count, retry_backoff, extract(epoch FROM completed_on - created_on)::float AS seconds
         FROM pgboss.job WHERE name = 'evaluation_reminders' AND state = 'failed' ORDER BY completed_on LIMIT 1`,
    );
    expect(failed).toMatchObject({ retry_count: 3, retry_backoff: true });
    expect(failed.seconds).toBeGreaterThanOrEqual(7);

    await sql(first, db, 'ALTER TABLE evaluation_campaigns RENAME COLUMN reminded_at_moved TO reminded_at');
    const retried = await api.post('/api/admin/jobs/evaluation_reminders/retry', undefined, { token: admin.accessToken });
    expect(retried.status).toBe(200);
    expect(retried.body.retried).toBeGreaterThanOrEqual(1);
    const states = await until(
      () => sql<{ state: string }>(first, db, 'SELECT state FROM pgboss.job WHERE id = $1', [failed.id]),
      (rows) => rows[0]?.state === 'completed',
      20_000,
    );
    expect(states[0]?.state).toBe('completed');
    const audit = await api.get('/api/admin/audit?action=job.retried', { token: admin.accessToken });
    expect(audit.body.items[0]).toMatchObject({
      action: 'job.retried',
      actorId: admin.user.id,
      details: { job: 'evaluation_reminders', retried: retried.body.retried },
    });
  }, 90_000);

  it('is for platform administrators only', async () => {
    expect((await api.get('/api/admin/jobs')).status).toBe(401);
    expect((await api.get('/api/admin/jobs', { token: person.accessToken })).status).toBe(404);
    expect((await api.post('/api/admin/jobs/evaluation_reminders/retry', undefined, { token: person.accessToken })).status).toBe(404);
    expect((await api.post('/api/admin/jobs/not_a_job/retry', undefined, { token: admin.accessToken })).status).toBe(400);
  });

  it('keeps running them on the other instance when one stops', async () => {
    await first.stop();
    const since = await dbNow();
    const ticks = await until(
      () => slots(since),
      (t) => SCHEDULED_JOB_NAMES.every((name) => t.filter((s) => s.name === name && s.runs === 1).length >= 2),
      15_000,
    );
    for (const name of SCHEDULED_JOB_NAMES) expect(ticks.filter((t) => t.name === name && t.runs === 1).length).toBeGreaterThanOrEqual(2);
    // Starting together on a new database, one instance lost pg-boss's schema creation race: harmlessly.
    for (const output of [first.output(), second.output()])
      expect(output).not.toMatch(/unhandled|uncaught|current transaction is aborted/i);
  });
});
