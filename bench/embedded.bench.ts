/**
 * Embedded PostgreSQL (issue 12, "Speed"): the API with no DATABASE_URL, on the PostgreSQL server it
 * starts in DATA_DIR/postgres, against the same build on the machine's PostgreSQL (DATABASE_URL, a
 * fresh database), in one run.
 * 1. REST: the routes of rest.bench.ts, with its data and autocannon settings (bench/rest-load.ts), on
 *    both APIs running side by side, measured alternately so that the machine's noise hits both.
 * 2. Start-up, process spawn → first `GET /api/health` 200, STARTS times each, alternating: a new
 *    DATA_DIR (initdb, every migration) and a new database on the server; then, after a clean stop
 *    (SIGTERM), the same DATA_DIR and the same database again. bench/startup-probe.cjs, preloaded, notes
 *    when each step ends (and the CPU time used by then), which gives where the time goes.
 * Run: npm run bench:embedded   (BENCH_STARTS=5 start-ups of each kind; BENCH_REST_SECONDS=5 per measurement)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROUTES, alternately, loadNote, seedRestData } from './rest-load';
import { createDatabase, machine, percentile, round, run, saveSection, startApi, type BenchApi, type Figure } from './support';

const STARTS = Number(process.env['BENCH_STARTS'] ?? 5);
const PROBE = join(__dirname, 'startup-probe.cjs');
const newDataDir = (): string => mkdtempSync(join(tmpdir(), 'alliances-bench-embedded-'));

interface Health {
  status: string;
  database: { engine: string; version: string; embedded: boolean };
}

/** Polls `GET /api/health` until it answers 200; returns when (epoch ms) and what it said. */
async function healthy(url: string, timeoutMs = 60_000): Promise<{ at: number; body: Health }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${url}/api/health`).catch(() => undefined);
    if (res?.status === 200) return { at: Date.now(), body: (await res.json()) as Health };
    await res?.arrayBuffer();
    if (Date.now() > deadline) throw new Error(`${url}/api/health: no 200 in ${timeoutMs} ms (last: ${res?.status ?? 'no answer'})`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// 1. REST ----------------------------------------------------------------------------------------

async function rest(): Promise<{ figures: Figure[]; notes: string[] }> {
  const db = await createDatabase();
  const apis: BenchApi[] = [];
  try {
    // Started one after the other: two first starts together would each take longer than alone.
    const embedded = await startApi({});
    apis.push(embedded);
    const server = await startApi({ databaseUrl: db.url });
    apis.push(server);
    const [eHealth, sHealth] = [await healthy(embedded.url), await healthy(server.url)];
    if (!eHealth.body.database.embedded || sHealth.body.database.embedded)
      throw new Error(`not the databases expected: ${JSON.stringify([eHealth.body.database, sHealth.body.database])}`);
    const [eData, sData] = [await seedRestData(embedded.url), await seedRestData(server.url)];
    const figures: Figure[] = [];
    for (const route of ROUTES) {
      const [e, s] = await alternately([
        { url: `${embedded.url}${route.path(eData.large)}`, token: eData.token },
        { url: `${server.url}${route.path(sData.large)}`, token: sData.token },
      ]);
      figures.push(
        {
          figure: `${route.name} — requests/s`,
          ours: round(e.rps, 0),
          floor: round(s.rps, 0),
          unit: 'req/s',
          goal: '≥ 0.8× the server',
          met: e.rps >= 0.8 * s.rps,
        },
        { figure: `${route.name} — latency p50`, ours: e.p50, floor: s.p50, unit: 'ms' },
        { figure: `${route.name} — latency p99`, ours: e.p99, floor: s.p99, unit: 'ms' },
      );
    }
    const rls = (api: BenchApi) => (api.tenantRole() ? 'enforced' : '**not enforced**');
    return {
      figures,
      notes: [
        `REST: ${loadNote('the embedded API and the server API')} Both APIs run side by side in production mode (pool of 10, logging one line per request to a file), each with the data of rest.bench.ts (seeded through its own API): ${ROUTES.map((r) => `${r.name} on an alliance with ${r.large}`).join('; ')}.`,
        `Embedded: PostgreSQL ${eHealth.body.database.version} started by the API in a new temporary DATA_DIR (run as root here, so the server runs as the system user \`postgres\`), default settings of \`initdb\` (shared_buffers 128 MB), on 127.0.0.1 with a password. Server: PostgreSQL ${sHealth.body.database.version} of the machine (Debian package, its own settings), a fresh database. Row-level security: ${rls(embedded)} on the embedded one, ${rls(server)} on the server.`,
      ],
    };
  } finally {
    for (const api of apis.reverse()) await api.stop();
    await db.drop();
  }
}

// 2. Start-up -------------------------------------------------------------------------------------

interface Mark {
  name: string;
  t: number;
  cpu: number;
  pid: number;
}

/**
 * Steps of a start, each ending at a probe mark (skipped when absent: no supervisor with DATABASE_URL, no
 * initdb on an existing DATA_DIR); `api`: a step the API process runs, whose CPU time is reported too.
 */
const SUPERVISOR_CHECKS =
  'embedded: supervisor loads its script, checks (`id` ×2, folder ownership, `sh -c test -x` ×2 as `postgres`), password, port';
const STEPS: { until: string; step: string; api?: true }[] = [
  { until: 'api: bundle evaluated', step: 'node starts and loads the bundle (main.js and the modules it requires)', api: true },
  { until: 'supervisor: node ready', step: 'embedded: the supervisor process starts (fork, node)' },
  { until: 'supervisor: initdb start', step: SUPERVISOR_CHECKS },
  { until: 'supervisor: initdb end', step: 'embedded: initdb (a new cluster)' },
  { until: 'supervisor: postgres spawned', step: SUPERVISOR_CHECKS },
  { until: 'api: embedded server ready', step: 'embedded: PostgreSQL starts (spawn → accepting connections, login, database checked)' },
  { until: 'api: Nest create end', step: 'Nest builds the application (modules, TypeORM pool)', api: true },
  { until: 'api: migrations lock', step: 'socket.io adapter (LISTEN) and HTTP set-up', api: true },
  {
    until: 'api: migrations unlock',
    step: 'migrations under the advisory lock (all of them on a new database, a check otherwise)',
    api: true,
  },
  { until: 'api: listening', step: 'row-level security set-up, start-up hooks (pg-boss, templates, …), listen', api: true },
  { until: 'health', step: 'first `/api/health` answered' },
];

interface Start {
  /** Spawn → /api/health 200, ms. */
  ms: number;
  /** SIGTERM → exit, ms. */
  stopMs: number;
  /** Wall time of each step (ms) and, for the API's own steps, the CPU time it used in them. */
  steps: Map<string, { ms: number; cpu?: number }>;
  /** CPU time of the API process when it listened, ms. */
  apiCpu: number;
  embedded: boolean;
}

/** One start as `npm start` does it (no admin to create), spawn → health, with its steps; then a clean stop. */
async function timedStart(options: { dataDir: string; databaseUrl?: string }): Promise<Start> {
  const marksFile = join(options.dataDir, `startup-marks-${Date.now()}.jsonl`);
  const api = await startApi({
    ...options,
    admin: false,
    execArgv: ['-r', PROBE],
    env: { BENCH_STARTUP_MARKS: marksFile, SHUTDOWN_DRAIN_MS: '0' },
  });
  let health: { at: number; body: Health };
  let stopMs = 0;
  try {
    health = await healthy(api.url);
  } finally {
    const stopping = Date.now();
    await api.stop();
    stopMs = Date.now() - stopping;
  }
  const marks: Mark[] = readFileSync(marksFile, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Mark);
  const apiPid = api.child.pid;
  const at = new Map<string, Mark>();
  for (const m of marks) if (!at.has(m.name)) at.set(m.name, m);
  at.set('health', { name: 'health', t: health.at, cpu: Number.NaN, pid: -1 });
  const steps = new Map<string, { ms: number; cpu?: number }>();
  let from: Mark = { name: 'spawn', t: api.spawnedAt, cpu: 0, pid: apiPid ?? 0 };
  for (const { until, step, api: own } of STEPS) {
    const to = at.get(until);
    if (!to) continue;
    const previous = steps.get(step);
    const cpu = own && from.pid === apiPid && to.pid === apiPid ? to.cpu - from.cpu : undefined;
    steps.set(step, { ms: (previous?.ms ?? 0) + (to.t - from.t), cpu });
    from = to;
  }
  return {
    ms: health.at - api.spawnedAt,
    stopMs,
    steps,
    apiCpu: at.get('api: listening')?.cpu ?? Number.NaN,
    embedded: health.body.database.embedded,
  };
}

const KINDS = [
  { key: 'embeddedNew', title: 'embedded, new DATA_DIR' },
  { key: 'serverNew', title: 'server, new database' },
  { key: 'embeddedExisting', title: 'embedded, existing DATA_DIR' },
  { key: 'serverExisting', title: 'server, existing database' },
] as const;
type Kind = (typeof KINDS)[number]['key'];

async function startUps(): Promise<{ figures: Figure[]; notes: string[]; details: string }> {
  const starts: Record<Kind, Start[]> = { embeddedNew: [], serverNew: [], embeddedExisting: [], serverExisting: [] };
  for (let i = 0; i < STARTS; i++) {
    const dataDir = newDataDir();
    const db = await createDatabase();
    const serverDir = newDataDir();
    try {
      starts.embeddedNew.push(await timedStart({ dataDir }));
      starts.serverNew.push(await timedStart({ dataDir: serverDir, databaseUrl: db.url }));
      starts.embeddedExisting.push(await timedStart({ dataDir }));
      starts.serverExisting.push(await timedStart({ dataDir: serverDir, databaseUrl: db.url }));
      console.log(
        `start-ups, round ${i + 1}/${STARTS}: ${KINDS.map((k) => `${k.title} ${(starts[k.key][i].ms / 1000).toFixed(1)} s`).join(', ')}`,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(serverDir, { recursive: true, force: true });
      await db.drop();
    }
  }
  for (const k of KINDS)
    if (starts[k.key].some((s) => s.embedded !== k.key.startsWith('embedded'))) throw new Error(`${k.title}: not the database expected`);

  const seconds = (ms: number): number => round(ms / 1000, 1);
  const median = (kind: Kind, of: (s: Start) => number): number => percentile(starts[kind].map(of), 50);
  const max = (kind: Kind, of: (s: Start) => number): number => Math.max(...starts[kind].map(of));
  const total = (s: Start) => s.ms;
  const figures: Figure[] = [
    {
      figure: `first start of a new DATA_DIR (spawn → /api/health 200), median of ${STARTS}`,
      ours: seconds(median('embeddedNew', total)),
      floor: seconds(median('serverNew', total)),
      unit: 's',
      goal: '≤ 20 s',
      met: median('embeddedNew', total) <= 20_000,
    },
    { figure: '  max', ours: seconds(max('embeddedNew', total)), floor: seconds(max('serverNew', total)), unit: 's' },
    {
      figure: '  CPU time of the API process until it listens, median',
      ours: seconds(median('embeddedNew', (s) => s.apiCpu)),
      floor: seconds(median('serverNew', (s) => s.apiCpu)),
      unit: 's',
    },
    {
      figure: `start on an existing DATA_DIR stopped cleanly (spawn → /api/health 200), median of ${STARTS}`,
      ours: seconds(median('embeddedExisting', total)),
      floor: seconds(median('serverExisting', total)),
      unit: 's',
      goal: '≤ 5 s',
      met: median('embeddedExisting', total) <= 5_000,
    },
    { figure: '  max', ours: seconds(max('embeddedExisting', total)), floor: seconds(max('serverExisting', total)), unit: 's' },
    {
      figure: '  CPU time of the API process until it listens, median',
      ours: seconds(median('embeddedExisting', (s) => s.apiCpu)),
      floor: seconds(median('serverExisting', (s) => s.apiCpu)),
      unit: 's',
    },
  ];

  // Where the time goes: the median of each step, for each kind of start.
  const stepNames = [...new Set(STEPS.map((s) => s.step))];
  const cell = (kind: Kind, step: string): string => {
    const values = starts[kind].map((s) => s.steps.get(step)).filter((v): v is { ms: number; cpu?: number } => !!v);
    if (!values.length) return '—';
    const cpu = values.every((v) => v.cpu !== undefined)
      ? ` (CPU ${(
          percentile(
            values.map((v) => v.cpu as number),
            50,
          ) / 1000
        ).toFixed(2)})`
      : '';
    return `${(
      percentile(
        values.map((v) => v.ms),
        50,
      ) / 1000
    ).toFixed(2)}${cpu}`;
  };
  const details = [
    `Where a start's time goes: the median over the ${STARTS} starts of each kind of every step's wall time in seconds, with, for the API process's own steps, the CPU time it used in them (the machine's other work takes the rest). Steps end at the marks bench/startup-probe.cjs writes; the medians of the steps need not add up to the median of the totals.`,
    '',
    `| step | ${KINDS.map((k) => k.title).join(' | ')} |`,
    `|---|${KINDS.map(() => '---|').join('')}`,
    ...stepNames.map((step) => `| ${step} | ${KINDS.map((k) => cell(k.key, step)).join(' | ')} |`),
    `| **spawn → /api/health 200** | ${KINDS.map((k) => `**${(median(k.key, total) / 1000).toFixed(2)}**`).join(' | ')} |`,
    `| clean stop (SIGTERM → exit, no drain) | ${KINDS.map((k) => (median(k.key, (s) => s.stopMs) / 1000).toFixed(2)).join(' | ')} |`,
    '',
    `Every start, in seconds, in the order run: ${KINDS.map((k) => `${k.title}: ${starts[k.key].map((s) => (s.ms / 1000).toFixed(1)).join(', ')}`).join('; ')}.`,
  ].join('\n');
  return {
    figures,
    notes: [
      `Start-ups: ${STARTS} rounds of four starts, one after the other, each as \`npm start\` does it (production mode, no ADMIN_EMAIL, so no password to hash), timed from the process spawn to the first 200 of \`GET /api/health\` (polled every 20 ms once the log says it listens): a new DATA_DIR (the embedded server's initdb, then every migration), the same build on a new database of the machine's server (every migration), then each again after a clean stop (SIGTERM, SHUTDOWN_DRAIN_MS=0; the drain does not change what the next start finds). The first row is the first start after the build.`,
    ],
    details,
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = machine().load;
  const restPart = await rest();
  const loadAfterRest = machine().load;
  const startPart = await startUps();
  saveSection(
    {
      name: 'embedded',
      title: '6. Embedded PostgreSQL against the machine’s server',
      command: 'npm run bench:embedded',
      floor:
        'the same build on the machine’s PostgreSQL (DATABASE_URL, a fresh database) in the same run: for the routes, the two APIs side by side, measured alternately; for the start-ups, the same start on a new database (every migration) and on an existing one',
      figures: [...restPart.figures, ...startPart.figures],
      notes: [
        ...restPart.notes,
        ...startPart.notes,
        `Load average (1, 5, 15 min) at the start of this part: ${loadAtStart}; after the REST measurements: ${loadAfterRest}; at the end: ${machine().load} (2 cores, shared with other work).`,
      ],
      details: startPart.details,
    },
    started,
  );
}

run(main);
