/**
 * Observatory at scale (issue 18, docs/decisions/0026-observatory-aggregates.md): `GET /api/observatory`
 * with a few "group by" and filter combinations on 1 %, 10 % and 100 % of 100,000 alliances (about 80 %
 * opted in with every consent, 60 % evaluated, objectives measured), each size in its own database and API
 * process, measured alternately. The goal: p99 flat from 1 % to 100 % — a request reads the precomputed cells
 * (O(groups) rows), never the answers nor the alliances. The 1 % p99 is the floor. The aggregates are rebuilt
 * by the `observatory_refresh` job after the seed (its duration is reported), then the API is started again
 * with a slow scheduler so that no rebuild runs during the measurements.
 * Run: npm run bench:observatory   (BENCH_OBSERVATORY_SECONDS=4 per route, size and round; BENCH_OBSERVATORY_KEEP=true keeps the databases)
 *      or bench/run.ts --part observatory (also rewrites its section of docs/PERFORMANCE.md)
 */
import { ApiClient } from '@alliances/e2e/support';
import autocannon from 'autocannon';
import type { Client } from 'pg';
import { uuid } from './scale-seed';
import { createDatabase, percentile, round, run, saveSection, startApi, withPg, type BenchApi, type Figure } from './support';

const FULL = 100_000;
const SIZES = [0.01, 0.1, 1];
const SECONDS = Number(process.env['BENCH_OBSERVATORY_SECONDS'] ?? 4);
const ROUNDS = 2;
const CONNECTIONS = 4;
const KEEP = process.env['BENCH_OBSERVATORY_KEEP'] === 'true';

/** Each route with the cells its request reads (the three other coordinates fixed), for EXPLAIN ANALYZE. */
const ROUTES: { name: string; query: string; cells: string }[] = [
  { name: 'by région, no filter', query: 'groupBy=region', cells: `domain = '*' AND category = '*' AND collective_objective = '*'` },
  {
    name: 'by domain, one région',
    query: 'groupBy=domain&region=84',
    cells: `region = '84' AND category = '*' AND collective_objective = '*'`,
  },
  {
    name: 'by category, domain + objective',
    query: 'groupBy=category&domain=health&collectiveObjective=engagement',
    cells: `region = '*' AND domain = 'health' AND collective_objective = 'engagement'`,
  },
  {
    name: 'by objective, région + category',
    query: 'groupBy=collectiveObjective&region=11&category=philanthropy',
    cells: `region = '11' AND domain = '*' AND category = 'philanthropy'`,
  },
];

const DOMAINS = [
  'health',
  'employment',
  'carers',
  'education',
  'housing',
  'culture',
  'sport',
  'environment',
  'mobility',
  'food',
  'digital',
  'youth',
];
const CATEGORIES = ['philanthropy', 'responsible_practices', 'economic_cooperation', 'societal_innovation'];
const OBJECTIVES = ['engagement', 'innovation', 'territory', 'performance'];
const STATUSES = ['draft', 'chartering', 'active', 'active', 'active', 'closed'];
const DIMENSIONS = [
  'shared_vision',
  'trust',
  'governance',
  'communication',
  'balance',
  'mutual_understanding',
  'common_results',
  'partner_performance',
  'partner_innovation',
  'partner_engagement',
  'ecosystem_territory',
  'ecosystem_beneficiaries',
  'ecosystem_trust',
];

const arr = (values: string[]): string => `ARRAY[${values.map((v) => `'${v}'`).join(',')}]`;
const pick = (values: string[], index: string): string => `(${arr(values)})[1 + (${index}) % ${values.length}]`;
const score = (salt: string) => `round((1 + ((hashtext(a.id::text || '${salt}') & 1023) / 1023.0) * 4)::numeric, 2)`;

/** Every département code of the official list: alliances spread over every région. */
function departements(): string[] {
  return (require('@etalab/decoupage-administratif/data/departements.json') as { code: string }[]).map((d) => d.code);
}

/** Seeds `count` alliances with lead and partner seats, participation, consents, evaluation summaries and indicators. */
async function seed(client: Client, count: number): Promise<{ counted: number; seconds: number }> {
  const t = Date.now();
  const deps = departements();
  await client.query('SET session_replication_role = replica');
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const s = Date.now();
    const res = await client.query(sql, params);
    console.log(`  ${label}: ${res.rowCount ?? 0} rows in ${((Date.now() - s) / 1000).toFixed(1)} s`);
  };
  const id = uuid('obs-alliance', 'i');
  await step(
    'alliances',
    `INSERT INTO alliances (id, name, purpose, category, status, collective_objectives, domains, scale, territory_codes)
     SELECT ${id}, 'Alliance ' || i, 'Observatoire', ${pick(CATEGORIES, 'i')}, ${pick(STATUSES, 'i / 7')},
            CASE WHEN i % 3 = 0 THEN ARRAY[${pick(OBJECTIVES, 'i')}, ${pick(OBJECTIVES, 'i + 1')}] ELSE ARRAY[${pick(OBJECTIVES, 'i')}] END,
            CASE WHEN i % 4 = 0 THEN ARRAY[${pick(DOMAINS, 'i')}, ${pick(DOMAINS, 'i / 5 + 1')}] ELSE ARRAY[${pick(DOMAINS, 'i / 3')}] END,
            'local', ARRAY[${pick(deps, 'i * 13')}]
       FROM generate_series(0, $1::int - 1) i`,
    [count],
  );
  await step(
    'members (lead and partner)',
    `INSERT INTO alliance_members (alliance_id, organisation_id, role, status)
     SELECT ${id}, m.org, m.role, 'active' FROM generate_series(0, $1::int - 1) i
      CROSS JOIN LATERAL (VALUES (${uuid('obs-org', 'i % 5000')}, 'lead'), (${uuid('obs-org', '(i * 7 + 3) % 5000 + 5000')}, 'partner')) AS m(org, role)`,
    [count],
  );
  // 80 % opted in; every consent given for 9 in 10 of them.
  await step(
    'participations',
    `INSERT INTO observatory_participations (alliance_id) SELECT ${id} FROM generate_series(0, $1::int - 1) i WHERE i % 5 <> 0`,
    [count],
  );
  await step(
    'consents',
    `INSERT INTO observatory_consents (alliance_id, organisation_id)
     SELECT m.alliance_id, m.organisation_id FROM alliance_members m JOIN observatory_participations p USING (alliance_id)
      WHERE m.role = 'partner' OR hashtext(m.alliance_id::text) % 10 <> 0`,
  );
  // 60 % evaluated: a closed campaign and its summary (3 to 8 respondents).
  await step(
    'closed campaigns',
    `INSERT INTO evaluation_campaigns (id, alliance_id, title, status, closes_at, closed_at, min_respondents, questions)
     SELECT ${uuid('obs-campaign', 'i')}, ${id}, 'Bilan', 'closed', now() - interval '10 days', now() - interval '10 days', 3, '[]'
       FROM generate_series(0, $1::int - 1) i WHERE i % 5 < 3`,
    [count],
  );
  await step(
    'evaluation summaries',
    `INSERT INTO evaluation_summaries (campaign_id, alliance_id, closed_at, respondents, dimension_means, focus_means)
     SELECT c.id, c.alliance_id, c.closed_at, 3 + (hashtext(c.id::text) & 5),
            jsonb_build_object(${DIMENSIONS.map((d) => `'${d}', ${score(d).replace(/a\.id/g, 'c.id')}`).join(', ')}),
            jsonb_build_object('product', ${score('p').replace(/a\.id/g, 'c.id')}, 'balance', ${score('b').replace(/a\.id/g, 'c.id')},
                               'valorisation', ${score('v').replace(/a\.id/g, 'c.id')})
       FROM evaluation_campaigns c WHERE c.title = 'Bilan'`,
  );
  // One objective and two indicators an alliance, one of them measured.
  await step(
    'objectives',
    `INSERT INTO objectives (id, alliance_id, title, collective_objective) SELECT ${uuid('obs-objective', 'i')}, ${id}, 'Objectif', 'engagement'
       FROM generate_series(0, $1::int - 1) i`,
    [count],
  );
  await step(
    'indicators',
    `INSERT INTO indicators (id, objective_id, alliance_id, name, unit, baseline, target, start_date, target_date, direction, owner_organisation_id)
     SELECT ${uuid('obs-indicator', "i || '-' || k")}, ${uuid('obs-objective', 'i')}, ${id}, 'Indicateur', 'u', 0, 100,
            '2026-01-01', '2027-12-31', 'increase', ${uuid('obs-org', 'i % 5000')}
       FROM generate_series(0, $1::int - 1) i, generate_series(0, 1) k`,
    [count],
  );
  await step(
    'check-ins',
    `INSERT INTO checkins (id, indicator_id, alliance_id, value, date)
     SELECT ${uuid('obs-checkin', 'i')}, ${uuid('obs-indicator', "i || '-0'")}, ${id}, (hashtext(i::text) & 127)::float8, '2026-06-30'
       FROM generate_series(0, $1::int - 1) i`,
    [count],
  );
  await client.query('SET session_replication_role = origin');
  await client.query('VACUUM (ANALYZE)');
  await client.query('CHECKPOINT');
  const [{ counted }] = (
    await client.query(
      `SELECT count(*)::int AS counted FROM observatory_participations p
        WHERE NOT EXISTS (SELECT 1 FROM alliance_members m WHERE m.alliance_id = p.alliance_id AND m.role IN ('lead', 'partner')
                            AND NOT EXISTS (SELECT 1 FROM observatory_consents c WHERE c.alliance_id = m.alliance_id AND c.organisation_id = m.organisation_id))`,
    )
  ).rows;
  return { counted, seconds: (Date.now() - t) / 1000 };
}

interface Size {
  label: string;
  /** By route: the statement's execution time and the cell rows it read (EXPLAIN ANALYZE, median of 5). */
  plans: Map<string, { ms: number; rows: number }>;
  alliances: number;
  counted: number;
  seedS: number;
  refreshS: number;
  cells: number;
  api: BenchApi;
  token: string;
  drop: () => Promise<void>;
}

/** A database of `fraction` × 100,000 alliances, its aggregates rebuilt by the job, then an API that will not rebuild during the run. */
async function prepare(fraction: number): Promise<Size> {
  const alliances = Math.round(FULL * fraction);
  const label = `${fraction * 100} %`;
  console.log(`\n${label}: ${alliances.toLocaleString('en')} alliances`);
  const db = await createDatabase(`alliances_bench_observatory_${String(fraction * 100).replace('.', '_')}pct`);
  const migrate = await startApi({ databaseUrl: db.url });
  await migrate.stop();
  const { counted, seconds: seedS } = await withPg(db.url, (c) => seed(c, alliances));
  // The job, ticking every second, rebuilds the cells: the time until every counted alliance is in them.
  const started = Date.now();
  const refresher = await startApi({ databaseUrl: db.url, env: { SCHEDULER_INTERVAL_MS: '1000' } });
  let cells = 0;
  for (;;) {
    const [row] = await withPg(
      db.url,
      async (c) =>
        (
          await c.query(
            `SELECT (SELECT count(*)::int FROM observatory_facts) AS facts, (SELECT alliances FROM observatory_cells WHERE region = '*' AND domain = '*' AND category = '*' AND collective_objective = '*') AS total, (SELECT count(*)::int FROM observatory_cells) AS cells`,
          )
        ).rows,
    );
    if (row.total === counted) {
      cells = row.cells;
      break;
    }
    if (Date.now() - started > 15 * 60_000) throw new Error(`${label}: the aggregates were not rebuilt (${JSON.stringify(row)})`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const refreshS = (Date.now() - started) / 1000;
  const plans = new Map<string, { ms: number; rows: number }>();
  await withPg(db.url, async (c) => {
    for (const route of ROUTES) {
      const runs: { ms: number; rows: number }[] = [];
      for (let i = 0; i < 5; i++) {
        const [
          {
            'QUERY PLAN': [plan],
          },
        ] = (await c.query(`EXPLAIN (ANALYZE, FORMAT JSON) SELECT * FROM observatory_cells WHERE ${route.cells}`)).rows;
        runs.push({ ms: plan['Execution Time'], rows: plan.Plan['Actual Rows'] });
      }
      plans.set(route.name, {
        ms: round(
          percentile(
            runs.map((r) => r.ms),
            50,
          ),
          3,
        ),
        rows: runs[0].rows,
      });
    }
  });
  await refresher.stop();
  const api = await startApi({ databaseUrl: db.url, env: { SCHEDULER_INTERVAL_MS: '3600000' } });
  const client = new ApiClient(api.url);
  const session = await client.signUp({ displayName: 'Observatrice' });
  console.log(
    `  ${counted.toLocaleString('en')} counted, seeded in ${seedS.toFixed(0)} s, aggregates rebuilt within ${refreshS.toFixed(0)} s (${cells} cells)`,
  );
  return {
    label,
    plans,
    alliances,
    counted,
    seedS,
    refreshS,
    cells,
    api,
    token: session.accessToken,
    drop: KEEP ? async () => undefined : db.drop,
  };
}

async function measure(sizes: Size[]): Promise<Map<string, { p50: number; p99: number; rps: number }[]>> {
  const runs = new Map<string, { p50: number[]; p99: number[]; rps: number[] }[]>();
  for (let r = 0; r < ROUNDS; r++)
    for (const route of ROUTES)
      for (const [i, size] of sizes.entries()) {
        const options = {
          url: `${size.api.url}/api/observatory?${route.query}`,
          connections: CONNECTIONS,
          headers: { authorization: `Bearer ${size.token}` },
        };
        if (r === 0) await autocannon({ ...options, duration: 1 });
        const result = await autocannon({ ...options, duration: SECONDS });
        if (result.non2xx || result.errors || result.timeouts)
          throw new Error(`${route.name} (${size.label}): ${result.non2xx} non-2xx, ${result.errors} errors`);
        const entry = runs.get(route.name) ?? sizes.map(() => ({ p50: [], p99: [], rps: [] }));
        entry[i].p50.push(result.latency.p50);
        entry[i].p99.push(result.latency.p99);
        entry[i].rps.push(result.requests.average);
        runs.set(route.name, entry);
      }
  return new Map(
    [...runs].map(([name, bySize]) => [
      name,
      bySize.map((m) => ({ p50: percentile(m.p50, 50), p99: percentile(m.p99, 50), rps: percentile(m.rps, 50) })),
    ]),
  );
}

async function main(): Promise<void> {
  const started = Date.now();
  const sizes: Size[] = [];
  try {
    for (const fraction of SIZES) sizes.push(await prepare(fraction));
    // One answer of each route at 100 %, checked: groups of 5 alliances at least.
    const large = sizes[sizes.length - 1];
    for (const route of ROUTES) {
      const res = await fetch(`${large.api.url}/api/observatory?${route.query}`, { headers: { authorization: `Bearer ${large.token}` } });
      const body = (await res.json()) as { groups: { alliances: number }[]; total: { alliances: number } | null };
      if (body.groups.some((g) => g.alliances < 5)) throw new Error(`${route.name}: a group under 5 alliances`);
      console.log(`  ${route.name}: ${body.groups.length} groups, total ${body.total?.alliances ?? 'withheld'}`);
    }
    const results = await measure(sizes);
    const figures: Figure[] = [];
    for (const route of ROUTES) {
      const bySize = results.get(route.name) ?? [];
      const floor = bySize[0];
      for (const [i, size] of sizes.entries()) {
        if (i === 0) continue;
        figures.push({ figure: `${route.name} — p50 at ${size.label}`, ours: bySize[i].p50, floor: floor.p50, unit: 'ms' });
        const flat = bySize[i].p99 <= Math.max(floor.p99 * 1.5, floor.p99 + 2);
        figures.push({
          figure: `${route.name} — p99 at ${size.label}`,
          ours: bySize[i].p99,
          floor: floor.p99,
          unit: 'ms',
          goal: 'flat: ≤ 1.5× (or + 2 ms)',
          met: flat,
        });
      }
    }
    for (const size of sizes)
      figures.push({
        figure: `aggregates rebuilt at ${size.label} (${size.counted.toLocaleString('en')} counted, ${size.cells.toLocaleString('en')} cells)`,
        ours: round(size.refreshS, 0),
        unit: 's',
        goal: 'within the job’s period (minutes)',
        met: size.refreshS < 300,
      });
    for (const route of ROUTES)
      figures.push({
        figure: `${route.name} — SQL execution at 100 % (${sizes[sizes.length - 1].plans.get(route.name)?.rows} cell rows)`,
        ours: sizes[sizes.length - 1].plans.get(route.name)?.ms ?? 0,
        floor: sizes[0].plans.get(route.name)?.ms ?? 0,
        unit: 'ms',
      });
    const table = [
      '| route | 1 % p50 / p99 | 10 % p50 / p99 | 100 % p50 / p99 | req/s at 100 % | SQL ms (rows) 1 % / 10 % / 100 % |',
      '|---|---|---|---|---|---|',
      ...ROUTES.map((route) => {
        const bySize = results.get(route.name) ?? [];
        const sqlCells = sizes.map((s) => `${s.plans.get(route.name)?.ms} (${s.plans.get(route.name)?.rows})`).join(' / ');
        return `| ${route.name} | ${bySize.map((m) => `${m.p50} / ${m.p99} ms`).join(' | ')} | ${round(bySize[bySize.length - 1]?.rps ?? 0, 0)} | ${sqlCells} |`;
      }),
    ].join('\n');
    console.log(`\n${table}`);
    saveSection(
      {
        name: 'observatory',
        title: '7. Observatory: aggregates on 1 %, 10 % and 100 % of 100,000 alliances',
        command: 'npm run bench:observatory',
        floor:
          'the same request on 1 % of the data set (1,000 alliances), served by its own API process and measured alternately with the larger sizes',
        figures,
        notes: [
          `${CONNECTIONS} connections, ${SECONDS} s per route, size and round, ${ROUNDS} rounds; the p50 and p99 kept are the medians over the rounds.`,
          `Sizes: ${sizes.map((s) => `${s.alliances.toLocaleString('en')} alliances (${s.counted.toLocaleString('en')} counted; seeded in ${round(s.seedS, 0)} s)`).join(', ')}.`,
          'A request reads the cells of its three fixed coordinates through an index (O(groups) rows) and never the answers: the rebuild (the `observatory_refresh` job) carries the cost, once a period, not each request.',
        ],
        details: table,
      },
      started,
    );
  } finally {
    for (const size of sizes) {
      await size.api.stop();
      await size.drop();
    }
  }
}

run(main);
