import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Row-level security on every alliance-scoped table, as a second line behind the services' own
 * filters (docs/decisions/0007-row-level-security.md). Request queries run as the NOLOGIN role
 * `alliances_app` with the caller's id in `app.user_id`; they see the rows of the alliances one of
 * the caller's organisations has a seat in (any status), everything for a platform administrator.
 * System paths (migrations, schedulers, the outbox publisher, sockets) keep the connecting role,
 * which owns the tables and so is not subject to the policies. Hand-written (docs/decisions/0004).
 */

const ROLE = 'alliances_app';

/** Visible when the alliance is one of the caller's (or the caller is a platform administrator). Each function runs once per statement (an InitPlan). */
const visible = (allianceColumn: string) => `((SELECT app_is_platform_admin()) OR ${allianceColumn} = ANY ((SELECT app_visible_alliances())::uuid[]))`;

/** Tables holding one alliance's rows in an `alliance_id` column. */
const BY_ALLIANCE = [
  'alliance_sequences',
  'charter_signatures',
  'charter_snapshots',
  'charter_updates',
  'charter_versions',
  'checkins',
  'comment_events',
  'comments',
  'contributions',
  'evaluation_actions',
  'evaluation_campaigns',
  'grants',
  'indicators',
  'milestones',
  'objectives',
];

/** Tables whose rows belong to a parent row of an alliance-scoped table (whose own policy then applies). */
const BY_PARENT: [table: string, column: string, parent: string][] = [
  ['objective_benefits', 'objective_id', 'objectives'],
  ['evaluation_participants', 'campaign_id', 'evaluation_campaigns'],
  ['evaluation_responses', 'campaign_id', 'evaluation_campaigns'],
  ['grant_reports', 'grant_id', 'grants'],
  ['grant_tranches', 'grant_id', 'grants'],
];

/** Per-table policies: [table, policy, command, USING, WITH CHECK]. */
const POLICIES: [table: string, name: string, command: 'ALL' | 'SELECT', using: string, check?: string][] = [
  ...BY_ALLIANCE.map((t): [string, string, 'ALL', string] => [t, 'tenant_rows', 'ALL', visible('alliance_id')]),
  ...BY_PARENT.map(([t, column, parent]): [string, string, 'ALL', string] => [t, 'tenant_rows', 'ALL', `EXISTS (SELECT 1 FROM ${parent} p WHERE p.id = ${t}.${column})`]),
  // Its creator sees the new alliance before its lead seat exists (INSERT … RETURNING, same transaction).
  ['alliances', 'tenant_rows', 'ALL', `(${visible('id')} OR created_by = app_user_id())`],
  // The lead seat of a new alliance, and an invited organisation's own seat, are the caller's organisation's.
  ['alliance_members', 'tenant_rows', 'ALL', `(${visible('alliance_id')} OR organisation_id = ANY ((SELECT app_user_organisations())::uuid[]))`],
  // The default questionnaire (no alliance) is read by everyone, written by system paths only.
  ['evaluation_templates', 'tenant_rows', 'ALL', visible('alliance_id')],
  ['evaluation_templates', 'shared_templates', 'SELECT', 'alliance_id IS NULL'],
  ['evaluation_template_questions', 'tenant_rows', 'ALL', `EXISTS (SELECT 1 FROM evaluation_templates t WHERE t.id = evaluation_template_questions.template_id AND ${visible('t.alliance_id')})`],
  ['evaluation_template_questions', 'shared_templates', 'SELECT', 'EXISTS (SELECT 1 FROM evaluation_templates t WHERE t.id = evaluation_template_questions.template_id)'],
  // A published case study is the library's: anyone signed in reads it; its alliance writes it.
  ['case_studies', 'tenant_rows', 'ALL', visible('alliance_id')],
  ['case_studies', 'published', 'SELECT', 'published_at IS NOT NULL'],
  ['case_study_consents', 'tenant_rows', 'ALL', `EXISTS (SELECT 1 FROM case_studies c WHERE c.id = case_study_consents.case_study_id AND ${visible('c.alliance_id')})`],
  ['case_study_consents', 'published', 'SELECT', 'EXISTS (SELECT 1 FROM case_studies c WHERE c.id = case_study_consents.case_study_id)'],
];

const TABLES = [...new Set(POLICIES.map(([t]) => t))];

export class RowLevelSecurity1795690000000 implements MigrationInterface {
  name = 'RowLevelSecurity1795690000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Roles belong to the cluster: another database of it may have created the role meanwhile. A
    // connecting role that may not create roles leaves the policies in place but unenforced (the
    // API then logs that row-level security is off).
    await queryRunner.query(`
      DO $$
      BEGIN
        BEGIN
          IF to_regrole('${ROLE}') IS NULL THEN
            CREATE ROLE ${ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
          END IF;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AND NOT pg_has_role(current_user, '${ROLE}', 'MEMBER') THEN
          EXECUTE format('GRANT ${ROLE} TO %I', current_user);
        END IF;
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'row-level security: cannot create or join role ${ROLE} (%); policies stay unenforced', SQLERRM;
      END $$
    `);
    await queryRunner.query(`
      DO $$
      BEGIN
        IF to_regrole('${ROLE}') IS NOT NULL THEN
          GRANT USAGE ON SCHEMA public TO ${ROLE};
          GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${ROLE};
          REVOKE ALL ON schema_migrations FROM ${ROLE};
          IF to_regclass('typeorm_metadata') IS NOT NULL THEN REVOKE ALL ON typeorm_metadata FROM ${ROLE}; END IF;
          GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${ROLE};
          ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${ROLE};
          ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${ROLE};
        END IF;
      END $$
    `);

    await queryRunner.query(`
      CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE
      AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$
    `);
    // SECURITY DEFINER: they read memberships and seats past the policies (one indexed lookup each:
    // memberships.user_id, alliance_members.organisation_id).
    await queryRunner.query(`
      CREATE FUNCTION app_user_organisations() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$ SELECT coalesce(array_agg(m.organisation_id), '{}') FROM memberships m WHERE m.user_id = app_user_id() $$
    `);
    await queryRunner.query(`
      CREATE FUNCTION app_visible_alliances() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$
        SELECT coalesce(array_agg(DISTINCT am.alliance_id), '{}')
          FROM memberships m JOIN alliance_members am ON am.organisation_id = m.organisation_id
         WHERE m.user_id = app_user_id()
      $$
    `);
    await queryRunner.query(`
      CREATE FUNCTION app_is_platform_admin() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$ SELECT coalesce((SELECT u.is_platform_admin FROM users u WHERE u.id = app_user_id() AND u.disabled_at IS NULL AND u.deleted_at IS NULL), false) $$
    `);

    for (const table of TABLES) await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
    for (const [table, name, command, using, check] of POLICIES) {
      await queryRunner.query(`CREATE POLICY ${name} ON "${table}" FOR ${command} TO PUBLIC USING (${using})${command === 'ALL' ? ` WITH CHECK (${check ?? using})` : ''}`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name] of [...POLICIES].reverse()) await queryRunner.query(`DROP POLICY ${name} ON "${table}"`);
    for (const table of TABLES) await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
    for (const fn of ['app_is_platform_admin()', 'app_visible_alliances()', 'app_user_organisations()', 'app_user_id()']) await queryRunner.query(`DROP FUNCTION ${fn}`);
    // The role stays: other databases of the cluster may use it.
    await queryRunner.query(`
      DO $$
      BEGIN
        IF to_regrole('${ROLE}') IS NOT NULL THEN
          ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${ROLE};
          ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${ROLE};
          REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${ROLE};
          REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${ROLE};
          REVOKE USAGE ON SCHEMA public FROM ${ROLE};
        END IF;
      END $$
    `);
  }
}
