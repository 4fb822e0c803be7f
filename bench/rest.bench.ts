/**
 * REST (issue 9 §1): `GET /api/alliances/:id` and the objectives board `GET /api/alliances/:id/objectives`
 * under autocannon (50 connections), against a floor: a bare Node `http` + `pg` server replaying the same
 * SQL (bench/rest-floor.ts). Also counts the SQL statements of one request of each route (the API runs
 * with bench/count-sql.cjs preloaded) on a small and a large alliance: the same count for both means no
 * statement per member, objective or indicator (no N+1).
 * Ours and the floor are measured alternately, ROUNDS times, and the medians kept: the machine is shared.
 * Run: npm run bench:rest        (BENCH_REST_SECONDS=5 per measurement; PostgreSQL from TEST_DATABASE_URL)
 */
import { ApiClient } from '@alliances/e2e/support';
import { COLLECTIVE_OBJECTIVES, MAGIC_SQUARE } from '@alliances/shared/contracts';
import autocannon from 'autocannon';
import { ADMIN_EMAIL, JWT_SECRET, allianceWith, createDatabase, expectStatus, forkFloor, party, percentile, round, run, saveSection, startApi, type BenchApi, type Figure, type Party, type Statement } from './support';

const SECONDS = Number(process.env['BENCH_REST_SECONDS'] ?? 5);
const ROUNDS = 3;
const CONNECTIONS = 50;

const daysFromNow = (n: number): string => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Objectives with indicators, check-ins, milestones and benefits, as a board in use would have. */
async function fillBoard(api: ApiClient, allianceId: string, lead: Party, partners: Party[], objectives: number, indicatorsEach: number, checkInsEach: number): Promise<void> {
  const token = lead.session.accessToken;
  const orgs = [lead, ...partners];
  for (let o = 0; o < objectives; o++) {
    const objective = await api.post(`/api/alliances/${allianceId}/objectives`, { title: `Objectif partagé ${o + 1}`, collectiveObjective: COLLECTIVE_OBJECTIVES[o % 4], description: 'Accompagner ensemble les personnes éloignées de l’emploi sur le territoire.' }, { token });
    if (objective.status !== 201) throw new Error(`objective: ${objective.status} ${objective.text}`);
    const objectiveId = objective.body.id as string;
    for (let i = 0; i < indicatorsEach; i++) {
      const owner = orgs[(o + i) % orgs.length];
      const indicator = await api.post(
        `/api/objectives/${objectiveId}/indicators`,
        { name: `Indicateur ${o + 1}.${i + 1}`, unit: 'personnes', baseline: 0, target: 200, startDate: daysFromNow(-200), targetDate: daysFromNow(165), direction: 'increase', ownerOrganisationId: owner.organisationId },
        { token },
      );
      if (indicator.status !== 201) throw new Error(`indicator: ${indicator.status} ${indicator.text}`);
      for (let c = 0; c < checkInsEach; c++) {
        await expectStatus(api.post(`/api/indicators/${indicator.body.id}/checkins`, { value: 20 + c * 25, date: daysFromNow(-180 + c * 45), confidence: 3 }, { token: owner.session.accessToken }), 201, 'check-in');
      }
    }
    for (let m = 0; m < 2; m++) {
      await expectStatus(api.post(`/api/objectives/${objectiveId}/milestones`, { title: `Jalon ${m + 1}`, ownerOrganisationId: orgs[m % orgs.length].organisationId, dueDate: daysFromNow(-30 + m * 90) }, { token }), 201, 'milestone');
    }
    for (const org of orgs.slice(0, 3)) {
      await expectStatus(api.call('PUT', `/api/objectives/${objectiveId}/benefits/${org.organisationId}`, { token: org.session.accessToken, body: { squares: MAGIC_SQUARE.slice(0, 2) } }), 200, 'benefit');
    }
  }
}

/** Statements the API had in flight together form one wave; waves follow each other. */
function waves(statements: Statement[]): Statement[][] {
  const result: Statement[][] = [];
  let waveEnd = -Infinity;
  for (const s of [...statements].sort((a, b) => a.start - b.start)) {
    if (!result.length || s.start >= waveEnd) {
      result.push([s]);
      waveEnd = s.end;
    } else {
      result[result.length - 1].push(s);
      waveEnd = Math.max(waveEnd, s.end);
    }
  }
  return result;
}

let counter = 0;
async function statementsOf(ours: BenchApi, path: string, token: string): Promise<Statement[]> {
  const key = `req-${++counter}`;
  const res = await fetch(`${ours.url}${path}`, { headers: { authorization: `Bearer ${token}`, 'x-bench-sql': key } });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
  return ours.statementsOf(key);
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
}

async function cannon(url: string, token: string, seconds: number): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: { authorization: `Bearer ${token}` } });
  if (result.non2xx || result.errors || result.timeouts) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** Medians over the rounds of each figure. */
const medians = (runs: Load[]): Load => ({ rps: percentile(runs.map((r) => r.rps), 50), p50: percentile(runs.map((r) => r.p50), 50), p99: percentile(runs.map((r) => r.p99), 50) });

const oneLine = (sql: string): string => sql.replace(/\s+/g, ' ').trim();
/** Row-level security's session switch (libs/api/core tenant-session), sent when a pooled connection last served another caller. */
const SESSION_SET = /set_config\('role'/;

async function main(): Promise<void> {
  const started = Date.now();
  const db = await createDatabase();
  const ours = await startApi({ databaseUrl: db.url, countSql: true });
  let floor: { url: string; stop: () => void } | undefined;
  try {
    const api = new ApiClient(ours.url);
    const admin = await api.login(ADMIN_EMAIL);
    const lead = await party(api, admin);
    const partners = await Promise.all([1, 2, 3, 4].map(() => party(api, admin)));
    const large = await allianceWith(api, lead, partners, 'Grande alliance');
    const small = await allianceWith(api, lead, partners.slice(0, 1), 'Petite alliance');
    await fillBoard(api, large, lead, partners, 4, 3, 4);
    await fillBoard(api, small, lead, partners.slice(0, 1), 1, 1, 1);
    const token = lead.session.accessToken;

    const routes = [
      { name: 'GET /api/alliances/:id', path: (id: string) => `/api/alliances/${id}`, large: '5 member organisations', small: '2 member organisations' },
      { name: 'GET /api/alliances/:id/objectives (board)', path: (id: string) => `/api/alliances/${id}/objectives`, large: '4 objectives, 12 indicators, 48 check-ins, 8 milestones', small: '1 objective, 1 indicator, 1 check-in, 2 milestones' },
    ];
    const figures: Figure[] = [];
    const details: string[] = [];
    const floorRoutes: Record<string, { text: string; params: unknown[] }[][]> = {};
    const counted: { route: (typeof routes)[number]; large: number; small: number; sets: number }[] = [];
    let session: unknown[] | undefined;
    for (const route of routes) {
      await statementsOf(ours, route.path(large), token);
      const onLarge = await statementsOf(ours, route.path(large), token);
      const onSmall = await statementsOf(ours, route.path(small), token);
      const queries = (list: Statement[]) => list.filter((q) => !SESSION_SET.test(q.text));
      session ??= onLarge.find((q) => SESSION_SET.test(q.text))?.params;
      counted.push({ route, large: queries(onLarge).length, small: queries(onSmall).length, sets: onLarge.length - queries(onLarge).length });
      floorRoutes[route.path(large)] = waves(queries(onLarge)).map((w) => w.map((q) => ({ text: q.text, params: q.params })));
      details.push(
        `#### ${route.name}: ${queries(onLarge).length} queries (${route.large}), ${queries(onSmall).length} (${route.small})\n`,
        ...waves(onLarge).flatMap((wave, i) => wave.map((q, j) => `${j === 0 ? `${i + 1}.` : '   '} \`${oneLine(q.text).slice(0, 400)}\`${wave.length > 1 && j === 0 ? ` — ${wave.length} statements in flight together` : ''}`)),
        '',
      );
    }

    // The floor runs its queries in the session the API's queries run in (row-level security's role and caller, when enforced).
    const role = ours.tenantRole();
    session ??= role ? [role, lead.session.user.id] : undefined;
    floor = await forkFloor('rest-floor.ts', { env: { DATABASE_URL: db.url, JWT_SECRET }, message: { routes: floorRoutes, session } });
    const floorUrl = floor.url;

    for (const { route, large: largeCount, small: smallCount, sets } of counted) {
      const path = route.path(large);
      // Warm both (JIT, pools), then measure ours and the floor one after the other.
      await cannon(`${ours.url}${path}`, token, 3);
      await cannon(`${floorUrl}${path}`, token, 3);
      const oursRuns: Load[] = [];
      const floorRuns: Load[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        oursRuns.push(await cannon(`${ours.url}${path}`, token, SECONDS));
        floorRuns.push(await cannon(`${floorUrl}${path}`, token, SECONDS));
      }
      const o = medians(oursRuns);
      const f = medians(floorRuns);
      figures.push(
        { figure: `${route.name} — requests/s`, ours: round(o.rps, 0), floor: round(f.rps, 0), unit: 'req/s', goal: '≥ 1,500', met: o.rps >= 1500 },
        { figure: `${route.name} — requests/s, ours / floor`, ours: round(o.rps / f.rps, 2), goal: '≥ 0.5 (within 2× of the floor)', met: o.rps >= f.rps / 2 },
        { figure: `${route.name} — latency p50`, ours: o.p50, floor: f.p50, unit: 'ms' },
        { figure: `${route.name} — latency p99`, ours: o.p99, floor: f.p99, unit: 'ms', goal: '< 50 ms', met: o.p99 < 50 },
        { figure: `${route.name} — SQL queries per request`, ours: sets ? `${largeCount} (+ ${sets} session SET)` : largeCount, goal: '≤ 5, same on a small alliance', met: largeCount <= 5 && largeCount === smallCount },
      );
    }

    saveSection(
      {
        name: 'rest',
        title: '1. REST routes',
        command: 'npm run bench:rest',
        floor: 'a bare Node `http` server with a `pg` pool of the same size (10), checking the same HS256 token and replaying the exact statements the API ran for the route, with the same parameters and the same concurrency, answering the rows as JSON (bench/rest-floor.ts)',
        figures,
        notes: [
          `autocannon, ${CONNECTIONS} connections; after 3 s of warm-up each, ours and the floor alternately for ${SECONDS} s, ${ROUNDS} times; each figure is the median of the rounds; every response 200. The API runs in production mode, logging one line per request to a file.`,
          `Statements counted by preloading bench/count-sql.cjs into the API: every \`pg\` query issued while handling a request marked \`x-bench-sql\` (background work excluded). The large alliance has ${counted.map((c) => c.route.large).join('; ')}; the small one ${counted.map((c) => c.route.small).join('; ')}. The same count on both is what shows there is no statement per row (no N+1).`,
          `Row-level security ${ours.tenantRole() ? 'was enforced' : 'was not enforced'} by the API in this run. A "session SET" is it switching a pooled connection to the caller (role and \`app.user_id\`): one more round trip when the connection last served someone else, none when it serves the same caller again, as under this single-caller load. The floor sets the same session once per connection, so its queries are filtered by the same policies.`,
        ],
        details: `Statements of one request on the large alliance, in order (numbers are round trips):\n\n${details.join('\n')}`,
      },
      started,
    );
  } finally {
    floor?.stop();
    await ours.stop();
    await db.drop();
  }
}

run(main);
