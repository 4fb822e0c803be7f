// Moves the data of a PGlite folder (the embedded database before decision 0009) into the embedded
// PostgreSQL server, once, at the first start after the upgrade. Run by the API in its own process
// (PGlite runs synchronously and would block the event loop):
//   node migrate-pglite.mjs <pglite data folder> <target connection string>
// The target's schema is already migrated. In one transaction on the target: empty the application
// tables, load a data-only dump made by PGlite's own pg_dump (@electric-sql/pglite-tools), then compare
// the row count of every table with the source's. Prints one JSON line {tables: {name: rows}} and
// exits 0, or prints the reason and exits 1 with the target unchanged. The caller renames the folder.
import { PGlite } from '@electric-sql/pglite';
import { pgDump } from '@electric-sql/pglite-tools/pg_dump';
import pg from 'pg';

const [source, target] = process.argv.slice(2);
if (!source || !target) {
  console.error('usage: migrate-pglite.mjs <pglite folder> <target url>');
  process.exit(2);
}
const MIGRATIONS_TABLE = 'schema_migrations';

const db = await PGlite.create({ dataDir: source });
const client = new pg.Client({ connectionString: target, application_name: 'alliances-pglite-migration' });
try {
  const tables = (
    await db.query(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> $1 ORDER BY 1`,
      [MIGRATIONS_TABLE],
    )
  ).rows.map((row) => row.name);
  const expected = {};
  for (const table of tables) expected[table] = Number((await db.query(`SELECT count(*)::int AS n FROM public."${table}"`)).rows[0].n);

  const dump = await pgDump({
    pg: db,
    args: [
      '--data-only',
      '--schema=public',
      `--exclude-table=public.${MIGRATIONS_TABLE}`,
      '--column-inserts',
      '--rows-per-insert=500',
      '--no-owner',
      '--no-privileges',
    ],
  });
  // psql meta-commands (\restrict…) and settings a target server may not know are not SQL to send.
  const sql = (await dump.text())
    .split('\n')
    .filter((line) => !line.startsWith('\\') && !/^SET transaction_timeout/.test(line))
    .join('\n');

  await client.connect();
  await client.query('BEGIN');
  // Foreign keys and triggers are not checked while loading: the source already held them.
  await client.query('SET LOCAL session_replication_role = replica');
  const targetTables = (
    await client.query(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> $1`,
      [MIGRATIONS_TABLE],
    )
  ).rows.map((row) => row.name);
  const missing = tables.filter((table) => !targetTables.includes(table));
  if (missing.length) throw new Error(`tables of the old database missing from the new one: ${missing.join(', ')}`);
  // Rows written by migrations (the default questionnaire…) come back with the dump.
  if (targetTables.length) await client.query(`TRUNCATE ${targetTables.map((t) => `public."${t}"`).join(', ')} CASCADE`);
  await client.query(sql);
  const differences = [];
  for (const table of tables) {
    const rows = Number((await client.query(`SELECT count(*)::int AS n FROM public."${table}"`)).rows[0].n);
    if (rows !== expected[table]) differences.push(`${table}: ${expected[table]} in the old database, ${rows} in the new one`);
  }
  if (differences.length) throw new Error(`row counts differ after loading: ${differences.join('; ')}`);
  await client.query('COMMIT');
  console.log(JSON.stringify({ tables: expected }));
  await client.end();
  await db.close();
  process.exit(0);
} catch (error) {
  await client.query('ROLLBACK').catch(() => undefined);
  await client.end().catch(() => undefined);
  await db.close().catch(() => undefined);
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
