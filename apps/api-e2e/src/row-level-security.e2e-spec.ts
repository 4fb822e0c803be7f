import {
  ApiClient,
  createTestDatabase,
  GOOD_PASSWORD,
  startApiProcess,
  testServerName,
  withClient,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import type { Client } from 'pg';
import { buildAllianceWorld, type AllianceWorld } from './support/alliance-world';

/**
 * ROW-LEVEL SECURITY, the second line behind the services' filters (docs/decisions/0007). With the
 * application role and a user's tenant set, a query without any WHERE clause returns that user's
 * alliances' rows and nothing else, in every alliance-scoped table; writes into another tenant are
 * refused. And the API really runs its request queries that way, for each caller, on a shared pool.
 */

const ENV = {
  ADMIN_EMAIL: 'admin@rls.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};
const APP_ROLE = 'alliances_app';

/** Alliance-scoped tables left without policies, on purpose. */
const EXEMPT: Record<string, string> = {
  // Append-only journal written on every path, anonymous ones included (failed sign-ins); it is read
  // only through the alliance's audit route (policy-checked) and the platform console.
  audit_log: 'append-only journal, read through checked routes only',
  // A person's own inbox, written for other people (mentions) and read by its owner's id only.
  notifications: 'per-user inbox, keyed by user id',
  // Belong to organisations, not to an alliance (issue 14, docs/decisions/0015-proposals.md): a proposal is
  // read by its two organisations and the introducing catalyst (its alliance_id is the one it created or
  // proposes); an external invitation is read by its token on a public route before any seat exists.
  proposals: 'between two organisations, filtered by the proposals service',
  alliance_external_invitations: 'addressed by token to an organisation not yet on the platform',
};

/** How a row of each table finds its alliance, read as the owner (no policy applies). */
const ALLIANCE_OF: Record<string, string> = {
  alliances: 'id',
  objective_benefits: '(SELECT p.alliance_id FROM objectives p WHERE p.id = objective_id)',
  evaluation_participants: '(SELECT p.alliance_id FROM evaluation_campaigns p WHERE p.id = campaign_id)',
  evaluation_responses: '(SELECT p.alliance_id FROM evaluation_campaigns p WHERE p.id = campaign_id)',
  evaluation_template_questions: '(SELECT p.alliance_id FROM evaluation_templates p WHERE p.id = template_id)',
  grant_reports: '(SELECT p.alliance_id FROM grants p WHERE p.id = grant_id)',
  grant_tranches: '(SELECT p.alliance_id FROM grants p WHERE p.id = grant_id)',
  case_study_consents: '(SELECT p.alliance_id FROM case_studies p WHERE p.id = case_study_id)',
  document_versions: '(SELECT p.alliance_id FROM documents p WHERE p.id = document_id)',
};
/** Rows every signed-in person may read: the default questionnaire and the published library. */
const SHARED: Record<string, string> = {
  evaluation_templates: 'alliance_id IS NULL',
  evaluation_template_questions: '(SELECT p.alliance_id IS NULL FROM evaluation_templates p WHERE p.id = template_id)',
  case_studies: 'published_at IS NOT NULL',
  case_study_consents: '(SELECT p.published_at IS NOT NULL FROM case_studies p WHERE p.id = case_study_id)',
};

describe(`row-level security (${testServerName()})`, () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let admin: Session;
  let outsider: Session;
  let a: AllianceWorld;
  let b: AllianceWorld;
  let protectedTables: string[];

  const withDatabase = <T>(fn: (c: Client) => Promise<T>) => withClient(db.url, fn);

  /** Runs `fn` as the application role with `userId`'s tenant, in a transaction rolled back afterwards. */
  const asTenant = <T>(userId: string, fn: (c: Client) => Promise<T>) =>
    withDatabase(async (c) => {
      await c.query('BEGIN');
      try {
        await c.query(`SET LOCAL ROLE ${APP_ROLE}`);
        await c.query(`SELECT set_config('app.user_id', $1, true)`, [userId]);
        return await fn(c);
      } finally {
        await c.query('ROLLBACK');
      }
    });

  /** Row ids (ctid) of every row of `table` as the owner, each with its alliance and whether it is shared. */
  const ownerView = (table: string) =>
    withDatabase(
      async (c) =>
        (
          await c.query(
            `SELECT ctid::text AS row, ${ALLIANCE_OF[table] ?? 'alliance_id'} AS alliance, ${SHARED[table] ?? 'false'} AS shared FROM "${table}"`,
          )
        ).rows as { row: string; alliance: string | null; shared: boolean }[],
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    api = new ApiClient(proc.url);
    admin = await api.login(ENV.ADMIN_EMAIL);
    a = await buildAllianceWorld(api, proc, admin, 'Alpha');
    b = await buildAllianceWorld(api, proc, admin, 'Beta', { publishCaseStudy: true });
    outsider = await api.signUp({ displayName: 'Sans organisation' });
    protectedTables = (
      await withDatabase((c) =>
        c.query(
          `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relrowsecurity ORDER BY relname`,
        ),
      )
    ).rows.map((r: { relname: string }) => r.relname);
  }, 120_000);
  afterAll(async () => {
    await proc?.stop();
    await db?.drop();
  });

  it('protects every alliance-scoped table, each with a policy', async () => {
    const scoped = (
      await withDatabase((c) =>
        c.query(
          `SELECT DISTINCT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'alliance_id' ORDER BY table_name`,
        ),
      )
    ).rows.map((r: { table_name: string }) => r.table_name);
    const expected = [...new Set([...scoped, ...Object.keys(ALLIANCE_OF)])].filter((t) => !(t in EXEMPT)).sort();
    expect(protectedTables).toEqual(expected);
    const withoutPolicy = (
      await withDatabase((c) =>
        c.query(
          `SELECT c.relname FROM pg_class c WHERE c.relrowsecurity AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid)`,
        ),
      )
    ).rows;
    expect(withoutPolicy).toEqual([]);
    // The application role is an ordinary role: no superuser, no BYPASSRLS, no login.
    const [role] = (
      await withDatabase((c) => c.query('SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = $1', [APP_ROLE]))
    ).rows;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false });
  });

  it('shows a user, through SELECT * without WHERE, exactly the rows of their alliances (and the shared library and questionnaire)', async () => {
    const report: string[] = [];
    const filtered: string[] = [];
    for (const table of protectedTables) {
      const all = await ownerView(table);
      const seen = new Set(
        (await asTenant(a.lead.user.id, (c) => c.query(`SELECT ctid::text AS row, * FROM "${table}"`))).rows.map(
          (r: { row: string }) => r.row,
        ),
      );
      const expected = all.filter((r) => r.alliance === a.allianceId || r.shared).map((r) => r.row);
      expect({ table, rows: [...seen].sort() }).toEqual({ table, rows: expected.sort() });
      if (all.length > seen.size || !all.length) filtered.push(table);
      report.push(`${table} ${seen.size}/${all.length}`);
    }
    console.log(`row-level security, tenant A sees (visible/total): ${report.join(', ')}`);
    // B's world has rows in every (non-empty) table: only the library (B's card is published) hid nothing from A.
    expect(protectedTables.filter((t) => !filtered.includes(t))).toEqual(['case_studies', 'case_study_consents']);
    for (const table of [
      'alliances',
      'alliance_members',
      'objectives',
      'comments',
      'charter_versions',
      'evaluation_responses',
      'grants',
      'grant_tranches',
    ]) {
      expect({ table, own: (await ownerView(table)).filter((r) => r.alliance === a.allianceId).length > 0 }).toEqual({ table, own: true });
    }
  });

  it('shows a user without organisation no tenant row, and a platform administrator every row', async () => {
    for (const table of protectedTables) {
      const all = await ownerView(table);
      const outsiderRows = (await asTenant(outsider.user.id, (c) => c.query(`SELECT count(*)::int AS n FROM "${table}"`))).rows[0].n;
      expect({ table, rows: outsiderRows }).toEqual({ table, rows: all.filter((r) => r.shared).length });
      const adminRows = (await asTenant(admin.user.id, (c) => c.query(`SELECT count(*)::int AS n FROM "${table}"`))).rows[0].n;
      expect({ table, rows: adminRows }).toEqual({ table, rows: all.length });
    }
    // No tenant at all (a public route) sees no tenant row either.
    expect((await asTenant('', (c) => c.query('SELECT count(*)::int AS n FROM alliances'))).rows[0].n).toBe(0);
  });

  it('refuses writes into another tenant, and touches only the caller’s rows', async () => {
    const insert = asTenant(a.lead.user.id, (c) =>
      c.query(`INSERT INTO objectives (alliance_id, title, collective_objective, description) VALUES ($1, 'Intrus', 'engagement', '')`, [
        b.allianceId,
      ]),
    );
    await expect(insert).rejects.toThrow(/row-level security/);
    const moved = asTenant(a.lead.user.id, (c) =>
      c.query(`UPDATE objectives SET alliance_id = $1 WHERE id = $2`, [b.allianceId, a.ids['objective']]),
    );
    await expect(moved).rejects.toThrow(/row-level security/);
    const updated = await asTenant(a.lead.user.id, (c) =>
      c.query(`UPDATE objectives SET title = 'Écrasé' WHERE alliance_id = $1`, [b.allianceId]),
    );
    expect(updated.rowCount).toBe(0);
    const deleted = await asTenant(a.lead.user.id, (c) => c.query('DELETE FROM comment_events'));
    const ownEvents = (await ownerView('comment_events')).filter((r) => r.alliance === a.allianceId).length;
    expect(deleted.rowCount).toBe(ownEvents);
    // The default questionnaire is read by all, written by none.
    const shared = await asTenant(a.lead.user.id, (c) =>
      c.query(`UPDATE evaluation_templates SET title = 'Écrasé' WHERE alliance_id IS NULL`),
    );
    expect(shared.rowCount).toBe(0);
  });

  it('runs the API’s request queries as the application role, each in its caller’s tenant, on a shared pool', async () => {
    expect(proc.output()).toMatch(/Row-level security enforced/);
    await withDatabase(async (c) => {
      await c.query('CREATE TABLE rls_probe (created_by uuid, role text, tenant text)');
      await c.query(`CREATE FUNCTION rls_probe() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO rls_probe VALUES (NEW.created_by, current_user, current_setting('app.user_id', true)); RETURN NEW; END $$`);
      await c.query('CREATE TRIGGER rls_probe AFTER INSERT ON objectives FOR EACH ROW EXECUTE FUNCTION rls_probe()');
    });
    // Three callers at once, more requests than the pool has connections: every connection changes hands.
    const callers: [Session, string][] = [
      [a.lead, a.allianceId],
      [b.lead, b.allianceId],
      [a.partner, a.allianceId],
    ];
    const created = await Promise.all(
      Array.from({ length: 45 }, (_, i) => {
        const [who, allianceId] = callers[i % callers.length];
        return api.post(
          `/api/alliances/${allianceId}/objectives`,
          { title: `Sonde ${i}`, collectiveObjective: 'engagement', description: '' },
          { token: who.accessToken },
        );
      }),
    );
    expect(created.map((r) => r.status)).toEqual(created.map(() => 201));
    const probes = (await withDatabase((c) => c.query('SELECT created_by, role, tenant FROM rls_probe'))).rows as {
      created_by: string;
      role: string;
      tenant: string;
    }[];
    expect(probes).toHaveLength(45);
    expect(probes.filter((p) => p.role !== APP_ROLE || p.tenant !== p.created_by)).toEqual([]);
    // And a reader of A still sees A's objectives only, through the API.
    const listed = await api.get(`/api/alliances/${b.allianceId}/objectives`, { token: a.lead.accessToken });
    expect(listed.status).toBe(404);
  });

  it('keeps the observatory’s cells free of any tenant: counts and sums only, no alliance or organisation column (issue 18)', async () => {
    const columns = (
      await withDatabase((c) =>
        c.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'observatory_cells'`),
      )
    ).rows.map((r: { column_name: string }) => r.column_name);
    expect(columns).toEqual(expect.arrayContaining(['region', 'domain', 'category', 'collective_objective', 'alliances']));
    expect(columns.filter((c: string) => /alliance_id|organisation_id|user_id/.test(c))).toEqual([]);
    // The alliance-level inputs (facts, participations, consents, evaluation summaries) are protected tables.
    expect(protectedTables).toEqual(
      expect.arrayContaining(['evaluation_summaries', 'observatory_consents', 'observatory_facts', 'observatory_participations']),
    );
  });
});
