/**
 * What the benchmarks share: the machine, starting the built API with its logs in a file (as a
 * deployment would write them, rather than piped into the benchmark's own process), a PostgreSQL
 * database, an alliance with partners, autocannon, and the result files `bench/run.ts` turns into
 * docs/PERFORMANCE.md.
 */
import { ApiClient, GOOD_PASSWORD, apiEntry, withClient, type Session } from '@alliances/e2e/support';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

export const RESULTS_DIR = join(__dirname, 'results');
export const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-1234';
export const ADMIN_EMAIL = 'admin@bench.test';
/** Throttles of the sign-in routes lifted: the benchmarks sign many people in from one address. */
export const BENCH_ENV: Record<string, string> = {
  JWT_SECRET,
  ADMIN_EMAIL,
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '100000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '100000',
  COMMENTS_PER_MINUTE: '100000',
};

// Results ----------------------------------------------------------------------------------------

export interface Figure {
  figure: string;
  ours: number | string;
  floor?: number;
  unit?: string;
  /** ours / floor, computed when both are numbers and not given. */
  ratio?: number;
  goal?: string;
  met?: boolean;
}

export interface Section {
  name: string;
  title: string;
  command: string;
  startedAt: string;
  durationS: number;
  /** What the floor is, in one sentence. */
  floor: string;
  figures: Figure[];
  notes: string[];
  /** Markdown appended under the table (plans, statement lists). */
  details?: string;
}

export function saveSection(section: Omit<Section, 'startedAt' | 'durationS'>, started: number): Section {
  const full: Section = {
    ...section,
    startedAt: new Date(started).toISOString(),
    durationS: Math.round((Date.now() - started) / 1000),
    figures: section.figures.map((f) => ({
      ...f,
      ratio: f.ratio ?? (typeof f.ours === 'number' && typeof f.floor === 'number' && f.floor > 0 ? f.ours / f.floor : undefined),
    })),
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${section.name}.json`), JSON.stringify(full, null, 2));
  console.log(`\n## ${full.title} (${full.durationS} s)\n`);
  console.table(
    full.figures.map((f) => ({
      figure: f.figure,
      ours: f.ours,
      floor: f.floor ?? '',
      ratio: f.ratio?.toFixed(2) ?? '',
      goal: f.goal ?? '',
      met: f.met === undefined ? '' : f.met ? 'yes' : 'NO',
    })),
  );
  return full;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

export function machine(): { cores: number; cpu: string; ramGiB: number; node: string; load: string } {
  const model = existsSync('/proc/cpuinfo') ? /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] : undefined;
  return {
    cores: availableParallelism(),
    cpu: model ?? cpus()[0]?.model ?? 'unknown',
    ramGiB: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    load: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

// Database ---------------------------------------------------------------------------------------

/** The machine's PostgreSQL server the benchmarks use (the floors talk to it with `pg`); only embedded.bench.ts also has the API start its embedded one. */
export const serverUrl = (): string =>
  process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** One connection for `fn`, closed after it. */
export const withPg = withClient;

export async function createDatabase(
  name = `alliances_bench_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`,
): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  await withPg(serverUrl(), async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  return {
    name,
    url: databaseUrl(name),
    drop: () => withPg(serverUrl(), (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

// The API ----------------------------------------------------------------------------------------

export interface Statement {
  text: string;
  params: unknown[];
  start: number;
  end: number;
}

export interface BenchApi {
  url: string;
  child: ChildProcess;
  /** When the process was spawned (epoch ms). */
  spawnedAt: number;
  logFile: string;
  /** The database role request queries run as when the API enforces row-level security (from its start-up log). */
  tenantRole(): string | undefined;
  /** With `countSql`: the statements the API ran for the request sent with header `x-bench-sql: <key>`. */
  statementsOf(key: string): Promise<Statement[]>;
  stop(): Promise<void>;
}

/**
 * Starts `dist/apps/api/main.js` in production mode, logging at `info` (one line per request, as
 * deployed) into a file. Without `databaseUrl`, the API starts its embedded PostgreSQL server in
 * `dataDir` (a new temporary folder unless given). With `countSql`, `bench/count-sql.cjs` is preloaded:
 * it records the SQL statements run on behalf of requests that carry an `x-bench-sql` header. With
 * `admin: false`, no ADMIN_EMAIL / ADMIN_PASSWORD (a start as `npm start` does it, without the hash).
 */
export async function startApi(options: {
  databaseUrl?: string;
  env?: Record<string, string>;
  countSql?: boolean;
  dataDir?: string;
  execArgv?: string[];
  admin?: boolean;
}): Promise<BenchApi> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'alliances-bench-'));
  const logFile = join(dataDir, 'api.log');
  // A DATA_DIR started again keeps its log: this start's lines are the ones after `logStart`.
  const logStart = existsSync(logFile) ? statSync(logFile).size : 0;
  const out = openSync(logFile, 'a');
  const withoutAdmin = Object.fromEntries(Object.entries(BENCH_ENV).filter(([name]) => !name.startsWith('ADMIN_')));
  const spawnedAt = Date.now();
  const child = fork(apiEntry(), [], {
    // BENCH_API_EXEC_ARGV='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the API under a benchmark.
    execArgv: [
      ...(options.countSql ? ['-r', join(__dirname, 'count-sql.cjs')] : []),
      ...(options.execArgv ?? []),
      ...(process.env['BENCH_API_EXEC_ARGV']?.split(' ').filter(Boolean) ?? []),
    ],
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      ...(options.admin === false ? withoutAdmin : BENCH_ENV),
      ...options.env,
    },
    stdio: ['ignore', out, out, 'ipc'],
  });
  closeSync(out);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 90_000;
  let url: string | undefined;
  while (!url) {
    const log = existsSync(logFile) ? readFileSync(logFile).subarray(logStart).toString() : '';
    url = /listening on (http:\/\/[\d.]+:\d+)/.exec(log)?.[1];
    if (url) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`API did not start:\n${log.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const waiting = new Map<string, (statements: Statement[]) => void>();
  child.on('message', (m: { type?: string; key?: string; statements?: Statement[] }) => {
    if (m?.type === 'sql' && m.key) waiting.get(m.key)?.(m.statements ?? []);
  });
  return {
    url,
    child,
    spawnedAt,
    logFile,
    tenantRole: () => /Row-level security enforced: request queries run as (\w+)/.exec(readFileSync(logFile, 'utf8'))?.[1],
    statementsOf: (key) =>
      new Promise((resolve) => {
        waiting.set(key, resolve);
        child.send({ type: 'sql', key });
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Floors -----------------------------------------------------------------------------------------

/**
 * Forks a floor server (a .ts file of bench/, through ts-node like the benchmarks) as its own
 * process, so that it does not share the benchmark's event loop any more than the API does.
 * `message` is sent first, if given; resolves once the floor reports its URL.
 */
export async function forkFloor(
  file: string,
  options: { env?: Record<string, string>; message?: unknown } = {},
): Promise<{ url: string; stop: () => void }> {
  const child = fork(join(__dirname, file), [], { env: { ...process.env, ...options.env } });
  const url = new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve(m.url));
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
  if (options.message !== undefined) child.send(options.message as object);
  return { url: await url, stop: () => void child.kill('SIGTERM') };
}

// Fixtures ---------------------------------------------------------------------------------------

export interface Party {
  session: Session;
  organisationId: string;
}

/** A user with an approved organisation of their own. */
export async function party(api: ApiClient, admin: Session): Promise<Party> {
  const session = await api.signUp();
  const organisationId = (await api.applyOrganisation(session)).id as string;
  await api.approveOrganisation(admin, organisationId);
  return { session, organisationId };
}

/** An alliance led by `lead`, with every partner invited and accepted. */
export async function allianceWith(api: ApiClient, lead: Party, partners: Party[], name = 'Alliance de bench'): Promise<string> {
  const created = await api.post(
    '/api/alliances',
    {
      name,
      purpose: 'Mesurer ce que coûte une alliance',
      category: 'philanthropy',
      collectiveObjectives: ['engagement', 'territory'],
      domains: ['insertion'],
      scale: 'national',
      territoryCodes: ['69123'],
      organisationId: lead.organisationId,
    },
    { token: lead.session.accessToken },
  );
  if (created.status !== 201) throw new Error(`alliance: ${created.status} ${created.text}`);
  const id = created.body.id as string;
  for (const p of partners) {
    const invited = await api.post(
      `/api/alliances/${id}/members`,
      { organisationId: p.organisationId, role: 'partner' },
      { token: lead.session.accessToken },
    );
    if (invited.status !== 201) throw new Error(`invite: ${invited.status} ${invited.text}`);
    const accepted = await api.post(`/api/alliances/${id}/members/${p.organisationId}/accept`, undefined, { token: p.session.accessToken });
    if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${accepted.text}`);
  }
  return id;
}

export async function expectStatus(response: Promise<{ status: number; text: string }>, status: number, what: string): Promise<void> {
  const res = await response;
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${res.text.slice(0, 300)}`);
}

/** Runs `main` and exits: 0 when it resolves, 1 (with the error) otherwise. */
export function run(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
