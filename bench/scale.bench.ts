/**
 * Scale (issue 9 §4): the list and search routes on 1 % and on 100 % of 10,000 organisations, 100,000
 * alliances and 1,000,000 comments (bench/scale-seed.ts; databases `alliances_bench_scale_1pct` and
 * `alliances_bench_scale`, one API process on each, measured alternately). The caller's own data is
 * the same at both sizes (60 alliances, one with 1,000 comments); only everyone else's grows, so a
 * route that reads through an index keeps its p99 and one that scans does not. The 1 % p99 is the
 * floor. The plans (EXPLAIN (ANALYZE, BUFFERS) of the statements each route ran, with its parameters
 * and session) are written under the table.
 * The partner directory (issue 14) is measured the same way: 30 % of the organisations listed, spread
 * over every département; its région filter, search, complementarity sort (first and next page) and map.
 * Run: npm run bench:scale      (BENCH_SCALE_SECONDS=4 per route, size and round; BENCH_SCALE_KEEP=true keeps the databases;
 *      BENCH_SCALE_PART=directory seeds the organisations only and measures the directory routes only)
 */
import { ApiClient, type Session } from '@alliances/e2e/support';
import autocannon from 'autocannon';
import type { Client } from 'pg';
import { FULL, freshScaleDatabase, LISTED_SHARE, SCALE_DATABASE, seedSlice, settle, slice, uuid } from './scale-seed';
import {
  ADMIN_EMAIL,
  databaseUrl,
  party,
  percentile,
  round,
  run,
  saveSection,
  startApi,
  withPg,
  type BenchApi,
  type Figure,
  type Statement,
} from './support';

const SECONDS = Number(process.env['BENCH_SCALE_SECONDS'] ?? 4);
const ROUNDS = 3;
const CONNECTIONS = 10;
const SUBJECT_ALLIANCES = 60;
const SUBJECT_COMMENTS = 1000;
/** `directory`: only the organisations and the directory routes (minutes instead of the whole data set). */
const DIRECTORY_ONLY = process.env['BENCH_SCALE_PART'] === 'directory';
const LARGE_TABLES = ['users', 'organisations', 'memberships', 'alliances', 'alliance_members', 'alliance_sequences', 'comments'];

interface Route {
  name: string;
  path: string;
  token: string;
  userId: string;
}

/** The caller's own alliances (its organisation leads them, with two partners from the first slice), one with 1,000 comments. */
async function seedSubject(client: Client, organisationId: string, userId: string): Promise<string> {
  const id = (i: string) => uuid('subject-alliance', i);
  await client.query(
    `INSERT INTO alliances (id, name, purpose, category, status, collective_objectives, domains, scale, territory_codes, created_by, created_at, updated_at)
     SELECT ${id('i')}, 'Alliance du sujet ' || i, 'Les alliances de la personne qui mesure', 'philanthropy', 'active', ARRAY['engagement'], ARRAY[]::text[], 'local', ARRAY[]::text[], $1::uuid,
            now() - (i || ' hours')::interval, now() - (i || ' hours')::interval
       FROM generate_series(0, $2::int - 1) i`,
    [userId, SUBJECT_ALLIANCES],
  );
  await client.query(
    `INSERT INTO alliance_members (alliance_id, organisation_id, role, status, invited_by, responded_at)
     SELECT ${id('i')}, m.org, m.role, 'active', $2::uuid, now()
       FROM generate_series(0, $3::int - 1) i
       CROSS JOIN LATERAL (VALUES ($1::uuid, 'lead'), (${uuid('org', 'i % 100')}, 'partner'), (${uuid('org', '(i * 7 + 3) % 100')}, 'partner')) AS m(org, role)
     ON CONFLICT DO NOTHING`,
    [organisationId, userId, SUBJECT_ALLIANCES],
  );
  await client.query(`INSERT INTO alliance_sequences (alliance_id, last_seq) VALUES (${id('0')}, $1)`, [SUBJECT_COMMENTS]);
  await client.query(
    `INSERT INTO comments (id, alliance_id, seq, target_type, target_id, author_id, body, body_html, created_at)
     SELECT ${uuid('subject-comment', 's')}, ${id('0')}, s, 'alliance', ${id('0')}::text, $1::uuid, 'Commentaire ' || s, '<p>Commentaire ' || s || '</p>', now() - ((2000 - s) || ' minutes')::interval
       FROM generate_series(1, $2::int) s`,
    [userId, SUBJECT_COMMENTS],
  );
  const rows = await client.query(`SELECT ${id('0')} AS id`);
  return rows.rows[0].id as string;
}

interface Size {
  label: string;
  api: BenchApi;
  url: string;
  drop: () => Promise<void>;
  routes: Route[];
  seedS: number;
}

/**
 * Every route on both sizes, alternately, ROUNDS times: the machine's noise (it is shared) falls on
 * both alike. The p50 and p99 kept are the medians over the rounds.
 */
async function measure(sizes: Size[]): Promise<Map<string, { p50: number; p99: number }[]>> {
  const runs = new Map<string, { p50: number[]; p99: number[] }[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (let r = 0; r < sizes[0].routes.length; r++) {
      for (const [i, size] of sizes.entries()) {
        const route = size.routes[r];
        const options = {
          url: `${size.api.url}${route.path}`,
          connections: CONNECTIONS,
          headers: { authorization: `Bearer ${route.token}` },
        };
        if (round === 0) await autocannon({ ...options, duration: 2 });
        const result = await autocannon({ ...options, duration: SECONDS });
        if (result.non2xx || result.errors || result.timeouts) {
          const sample = await fetch(options.url, { headers: options.headers });
          throw new Error(
            `${route.name} (${size.label}): ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts; now ${sample.status} ${(await sample.text()).slice(0, 300)}`,
          );
        }
        const entry = runs.get(route.name) ?? sizes.map(() => ({ p50: [], p99: [] }));
        entry[i].p50.push(result.latency.p50);
        entry[i].p99.push(result.latency.p99);
        runs.set(route.name, entry);
      }
    }
  }
  return new Map(
    [...runs].map(([name, bySize]) => [name, bySize.map((m) => ({ p50: percentile(m.p50, 50), p99: percentile(m.p99, 50) }))]),
  );
}

let counter = 0;
async function statementsOf(api: BenchApi, route: Route): Promise<Statement[]> {
  const key = `scale-${++counter}`;
  const res = await fetch(`${api.url}${route.path}`, { headers: { authorization: `Bearer ${route.token}`, 'x-bench-sql': key } });
  if (res.status !== 200) throw new Error(`${route.name}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
  return api.statementsOf(key);
}

const SESSION_SET = /set_config\('role'/;
const oneLine = (sql: string): string => sql.replace(/\s+/g, ' ').trim();

/** EXPLAIN (ANALYZE, BUFFERS) of every statement a route ran, in the session the API ran it in (role and caller, when row-level security sets them). */
async function plans(api: BenchApi, url: string, routes: Route[]): Promise<{ markdown: string; seqScans: string[] }> {
  const sections: string[] = [];
  const seqScans: string[] = [];
  const explained = new Set<string>();
  let role = api.tenantRole();
  const captured: { route: Route; statements: Statement[] }[] = [];
  for (const route of routes) {
    // Twice: the second request finds warm connections; the first may be the one that sets the session.
    const first = await statementsOf(api, route);
    role ??= first.find((s) => SESSION_SET.test(s.text))?.params[0] as string | undefined;
    captured.push({ route, statements: await statementsOf(api, route) });
  }
  await withPg(url, async (client) => {
    for (const { route, statements } of captured) {
      const queries = statements.filter((s) => !SESSION_SET.test(s.text));
      sections.push(`#### ${route.name} — ${queries.length} statements\n`);
      for (const s of queries) {
        const text = oneLine(s.text);
        if (explained.has(text)) {
          sections.push(`- \`${text.slice(0, 160)}…\` — plan above\n`);
          continue;
        }
        explained.add(text);
        await client.query('RESET ROLE');
        if (role) await client.query(`SELECT set_config('role', $1, false), set_config('app.user_id', $2, false)`, [role, route.userId]);
        const plan = (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.params)).rows
          .map((r: Record<string, string>) => r['QUERY PLAN'])
          .join('\n');
        for (const table of LARGE_TABLES) if (new RegExp(`Seq Scan on ${table}\\b`).test(plan)) seqScans.push(`${route.name}: ${table}`);
        sections.push(`\`\`\`sql\n${text}\n\`\`\`\n\n\`\`\`\n${plan}\n\`\`\`\n`);
      }
    }
    await client.query('RESET ROLE');
  });
  return { markdown: sections.join('\n'), seqScans };
}

/** The list and search routes of issue 9 §4. */
async function coreRoutes(client: ApiClient, admin: Session, subject: Session, allianceId: string): Promise<Route[]> {
  const as = (session: Session) => ({ token: session.accessToken, userId: session.user.id });
  const page1 = await client.get('/api/alliances', { token: subject.accessToken });
  const users1 = await client.get('/api/admin/users', { token: admin.accessToken });
  if (page1.body.items.length !== 50 || !page1.body.nextCursor || !users1.body.nextCursor)
    throw new Error(`unexpected first pages: ${page1.text.slice(0, 200)} ${users1.text.slice(0, 200)}`);
  return [
    { name: 'my alliances, first page', path: '/api/alliances', ...as(subject) },
    { name: 'my alliances, next page (keyset cursor)', path: `/api/alliances?cursor=${page1.body.nextCursor}`, ...as(subject) },
    {
      name: 'organisation directory search (?q=Horizon)',
      path: '/api/alliances/directory/organisations?q=Horizon',
      ...as(subject),
    },
    { name: 'comments of an alliance (500 of 1,000)', path: `/api/comments?allianceId=${allianceId}`, ...as(subject) },
    { name: 'comments catch-up (since=990)', path: `/api/comments?allianceId=${allianceId}&since=990`, ...as(subject) },
    { name: 'admin: users search (?q=Martin)', path: '/api/admin/users?q=Martin', ...as(admin) },
    { name: 'admin: users, first page', path: '/api/admin/users', ...as(admin) },
    { name: 'admin: users, next page (keyset cursor)', path: `/api/admin/users?cursor=${users1.body.nextCursor}`, ...as(admin) },
  ];
}

/** The partner directory (issue 14): the subject's organisation gets a profile, then looks for partners. */
async function directoryRoutes(client: ApiClient, subject: Session, organisationId: string): Promise<Route[]> {
  const profile = await client.patch(
    `/api/organisations/${organisationId}`,
    {
      territoryCode: '69123',
      domains: ['carers', 'health'],
      seeks: ['financial', 'skills', 'positioning'],
      offers: ['network', 'human'],
      listed: true,
    },
    { token: subject.accessToken },
  );
  if (profile.status !== 200) throw new Error(`profile: ${profile.status} ${profile.text.slice(0, 200)}`);
  const match = `/api/directory?as=${organisationId}&sort=match&limit=20`;
  const first = await client.get(match, { token: subject.accessToken });
  const region = await client.get('/api/directory?territory=R84', { token: subject.accessToken });
  const search = await client.get('/api/directory?q=horizon', { token: subject.accessToken });
  if (!first.body.nextCursor || !region.body.items?.length || !search.body.items?.length)
    throw new Error(`unexpected directory pages: ${first.text.slice(0, 200)} ${region.text.slice(0, 200)} ${search.text.slice(0, 200)}`);
  const as = { token: subject.accessToken, userId: subject.user.id };
  return [
    { name: 'directory: région filter (?territory=R84)', path: '/api/directory?territory=R84', ...as },
    { name: 'directory: search (?q=horizon)', path: '/api/directory?q=horizon', ...as },
    { name: 'directory: by complementarity (?as=…&sort=match&limit=20)', path: match, ...as },
    { name: 'directory: by complementarity, next page (keyset cursor)', path: `${match}&cursor=${first.body.nextCursor}`, ...as },
    { name: 'directory: map by département', path: '/api/directory/map', ...as },
  ];
}

/** A migrated database with `fraction` of the data set, the caller's own data, and an API on it. */
async function prepareSize(label: string, database: string, fraction: number): Promise<Size> {
  const db = await freshScaleDatabase(database);
  const url = databaseUrl(database);
  const api = await startApi({ databaseUrl: url, countSql: true });
  try {
    const client = new ApiClient(api.url);
    const admin = await client.login(ADMIN_EMAIL);
    const subject = await party(client, admin);
    const t = Date.now();
    console.log(`Seeding ${label} into ${database}`);
    const allianceId = await withPg(url, async (c) => {
      await seedSlice(c, DIRECTORY_ONLY ? { ...slice(0, fraction), alliances: [0, 0] } : slice(0, fraction));
      const id = DIRECTORY_ONLY ? '' : await seedSubject(c, subject.organisationId, subject.session.user.id);
      await settle(c);
      return id;
    });
    const seedS = (Date.now() - t) / 1000;
    const routes: Route[] = [
      ...(DIRECTORY_ONLY ? [] : await coreRoutes(client, admin, subject.session, allianceId)),
      ...(await directoryRoutes(client, subject.session, subject.organisationId)),
    ];
    return { label, api, url, drop: db.drop, routes, seedS };
  } catch (error) {
    await api.stop();
    throw error;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const sizes: Size[] = [];
  try {
    sizes.push(await prepareSize('1 %', `${SCALE_DATABASE}_1pct`, 0.01));
    sizes.push(await prepareSize('100 %', SCALE_DATABASE, 1));
    const large = sizes[1];
    const measured = await measure(sizes);
    const { markdown, seqScans } = await plans(large.api, large.url, large.routes);

    const figures: Figure[] = large.routes.flatMap((route) => {
      const [s, l] = measured.get(route.name)!;
      return [
        { figure: `${route.name} — p50`, ours: l.p50, floor: s.p50, unit: 'ms' },
        {
          figure: `${route.name} — p99`,
          ours: l.p99,
          floor: s.p99,
          unit: 'ms',
          goal: 'flat: ≤ 1.5× (or + 2 ms)',
          met: l.p99 <= Math.max(1.5 * s.p99, s.p99 + 2),
        },
      ];
    });
    figures.push({
      figure: 'sequential scans of a large table in these plans',
      ours: seqScans.length ? seqScans.join('; ') : 'none',
      goal: 'none',
      met: seqScans.length === 0,
    });
    figures.push({
      figure: 'seeding 100 % (and VACUUM ANALYZE)',
      ours: round(large.seedS),
      unit: 's',
      goal: 'minutes',
      met: large.seedS < 600,
    });
    saveSection(
      {
        name: DIRECTORY_ONLY ? 'scale-directory' : 'scale',
        title: DIRECTORY_ONLY
          ? '4b. Scale: the partner directory on 1 % and 100 % of 10,000 organisations'
          : '4. Scale: list and search routes on 1 % and 100 % of the data',
        command: DIRECTORY_ONLY ? 'BENCH_SCALE_PART=directory npm run bench:scale' : 'npm run bench:scale',
        floor: `the same route on 1 % of the data set (100 organisations, 1,000 alliances, 10,000 comments, database \`${SCALE_DATABASE}_1pct\`), served by a second API process and measured alternately with the 100 % one`,
        figures,
        notes: [
          `Data set (bench/scale-seed.ts, database \`${SCALE_DATABASE}\`): ${FULL.organisations.toLocaleString('en')} organisations with one admin each, ${FULL.alliances.toLocaleString('en')} alliances with a lead and two partners (300,000 seats), ${(FULL.alliances * FULL.commentsPerAlliance).toLocaleString('en')} comments; generated by PostgreSQL (INSERT … SELECT over generate_series, 100,000 comments a statement, foreign-key triggers off while seeding), then VACUUM ANALYZE and CHECKPOINT.`,
          `Directory (issue 14): ${LISTED_SHARE * 100} % of the organisations listed (all approved), located at the chef-lieu of one of the 101 départements, one or two domains, seeks and offers drawn among the 9 needs; the caller's organisation (Lyon, seeks 3 needs, offers 2) pages by complementarity, and filters by région, searches and maps.${DIRECTORY_ONLY ? ' This run seeded the organisations and accounts only (no alliances or comments).' : ''}`,
          `The caller is the same at both sizes: an account whose organisation leads ${SUBJECT_ALLIANCES} alliances, one of them with ${SUBJECT_COMMENTS.toLocaleString('en')} comments; the admin routes search and page through every account. autocannon, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per route and size (alternating sizes, after 2 s of warm-up); each figure is the median of the rounds.`,
        ],
        details: `Plans at 100 %, EXPLAIN (ANALYZE, BUFFERS) of each statement the route ran (captured by bench/count-sql.cjs), with its parameters, in the API's database session (${large.api.tenantRole() ? `role \`${large.api.tenantRole()}\` and the caller's id: row-level security's policies are part of the plans` : 'row-level security not enforced'}):\n\n${markdown}`,
      },
      started,
    );
  } finally {
    for (const size of sizes) {
      await size.api.stop();
      if (process.env['BENCH_SCALE_KEEP'] !== 'true') await size.drop();
    }
  }
}

run(main);
