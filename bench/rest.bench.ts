/**
 * REST (issue 9 §1): `GET /api/alliances/:id` and the objectives board `GET /api/alliances/:id/objectives`
 * under autocannon (50 connections), against a floor: a bare Node `http` + `pg` server replaying the same
 * SQL (bench/rest-floor.ts). Also counts the SQL statements of one request of each route (the API runs
 * with bench/count-sql.cjs preloaded) on a small and a large alliance: the same count for both means no
 * statement per member, objective or indicator (no N+1). The home page `GET /api/me/dashboard` (issue 16) is the
 * caller's: its count is taken for the lead of 4 alliances and for a partner in 1, and must be the same.
 * Ours and the floor are measured alternately, ROUNDS times, and the medians kept: the machine is shared.
 * Run: npm run bench:rest        (BENCH_REST_SECONDS=5 per measurement; PostgreSQL from TEST_DATABASE_URL)
 */
import {
  JWT_SECRET,
  createDatabase,
  forkFloor,
  round,
  run,
  saveSection,
  startApi,
  type BenchApi,
  type Figure,
  type Statement,
} from './support';
import { ROUTES, alternately, loadNote, seedRestData, type Route } from './rest-load';

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

const oneLine = (sql: string): string => sql.replace(/\s+/g, ' ').trim();
/** Row-level security's session switch (libs/api/core tenant-session), sent when a pooled connection last served another caller. */
const SESSION_SET = /set_config\('role'/;

async function main(): Promise<void> {
  const started = Date.now();
  const db = await createDatabase();
  const ours = await startApi({ databaseUrl: db.url, countSql: true });
  let floor: { url: string; stop: () => void } | undefined;
  try {
    const { token, large, small, lead, soloToken } = await seedRestData(ours.url);
    const figures: Figure[] = [];
    const details: string[] = [];
    const floorRoutes: Record<string, { text: string; params: unknown[] }[][]> = {};
    const counted: { route: Route; large: number; small: number; sets: number }[] = [];
    let session: unknown[] | undefined;
    for (const route of ROUTES) {
      await statementsOf(ours, route.path(large), token);
      const onLarge = await statementsOf(ours, route.path(large), token);
      // A per-caller route (the home page) is counted for a person with one alliance where others use the small alliance.
      const onSmall = route.perCaller
        ? await statementsOf(ours, route.path(small), soloToken)
        : await statementsOf(ours, route.path(small), token);
      const queries = (list: Statement[]) => list.filter((q) => !SESSION_SET.test(q.text));
      session ??= onLarge.find((q) => SESSION_SET.test(q.text))?.params;
      counted.push({
        route,
        large: queries(onLarge).length,
        small: queries(onSmall).length,
        sets: onLarge.length - queries(onLarge).length,
      });
      floorRoutes[route.path(large)] = waves(queries(onLarge)).map((w) => w.map((q) => ({ text: q.text, params: q.params })));
      details.push(
        `#### ${route.name}: ${queries(onLarge).length} queries (${route.large}), ${queries(onSmall).length} (${route.small})\n`,
        ...waves(onLarge).flatMap((wave, i) =>
          wave.map(
            (q, j) =>
              `${j === 0 ? `${i + 1}.` : '   '} \`${oneLine(q.text).slice(0, 400)}\`${wave.length > 1 && j === 0 ? ` — ${wave.length} statements in flight together` : ''}`,
          ),
        ),
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
      const [o, f] = await alternately([
        { url: `${ours.url}${path}`, token },
        { url: `${floorUrl}${path}`, token },
      ]);
      figures.push(
        {
          figure: `${route.name} — requests/s`,
          ours: round(o.rps, 0),
          floor: round(f.rps, 0),
          unit: 'req/s',
          goal: '≥ 1,500',
          met: o.rps >= 1500,
        },
        {
          figure: `${route.name} — requests/s, ours / floor`,
          ours: round(o.rps / f.rps, 2),
          goal: '≥ 0.5 (within 2× of the floor)',
          met: o.rps >= f.rps / 2,
        },
        { figure: `${route.name} — latency p50`, ours: o.p50, floor: f.p50, unit: 'ms' },
        { figure: `${route.name} — latency p99`, ours: o.p99, floor: f.p99, unit: 'ms', goal: '< 50 ms', met: o.p99 < 50 },
        {
          figure: `${route.name} — SQL queries per request`,
          ours: sets ? `${largeCount} (+ ${sets} session SET)` : largeCount,
          goal: route.perCaller
            ? `≤ ${route.maxQueries ?? 5}, same for a person in 1 alliance`
            : `≤ ${route.maxQueries ?? 5}, same on a small alliance`,
          met: largeCount <= (route.maxQueries ?? 5) && largeCount === smallCount,
        },
      );
    }

    saveSection(
      {
        name: 'rest',
        title: '1. REST routes',
        command: 'npm run bench:rest',
        floor:
          'a bare Node `http` server with a `pg` pool of the same size (10), checking the same HS256 token and replaying the exact statements the API ran for the route, with the same parameters and the same concurrency, answering the rows as JSON (bench/rest-floor.ts)',
        figures,
        notes: [
          `${loadNote('ours and the floor')} The API runs in production mode, logging one line per request to a file.`,
          `Statements counted by preloading bench/count-sql.cjs into the API: every \`pg\` query issued while handling a request marked \`x-bench-sql\` (background work excluded). The large alliance has ${counted
            .filter((c) => !c.route.perCaller)
            .map((c) => c.route.large)
            .join('; ')}; the small one ${counted
            .filter((c) => !c.route.perCaller)
            .map((c) => c.route.small)
            .join('; ')}. The same count on both is what shows there is no statement per row (no N+1). ${counted
            .filter((c) => c.route.perCaller)
            .map((c) => `${c.route.name} is counted for ${c.route.large}, and for ${c.route.small}`)
            .join('; ')}: the same count shows no statement per alliance.`,
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
