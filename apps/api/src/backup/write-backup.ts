import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, statSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  TERMINATOR,
  quoteIdent,
  type BackupManifest,
  type BackupTable,
  type BackupTrailer,
} from './backup-format';
import { connectTo, loadingOrder, type Progress } from './backup-database';

export const BACKUP_SCHEMA = 'public';
const MIGRATIONS_TABLE = 'schema_migrations';

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  bytes: number;
  seconds: number;
  manifest: BackupManifest;
}

/**
 * Writes a backup of the `public` schema of `url` to `file`: every table read in one REPEATABLE READ
 * READ ONLY transaction (one snapshot, while the app keeps writing), streamed through gzip into
 * `<file>.partial`, renamed to `file` once complete and on disk. The file is readable by its owner only.
 *
 * pg-boss's schema (`pgboss`) is left out: it holds the queues of scheduled work and their recent
 * history, which the app recreates at start (docs/decisions/0011-backups-with-copy.md).
 */
export async function writeBackup(options: { url: string; file: string; progress: Progress }): Promise<BackupSummary> {
  const started = Date.now();
  const { file, progress } = options;
  const partial = `${file}.partial`;
  const client = await connectTo(options.url, 'alliances-backup');
  let fd: number | undefined;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // The first statement takes the snapshot every table below is read in.
    const manifest = await readManifest(client);
    progress.start(
      manifest.tables.length,
      manifest.tables.reduce((sum, t) => sum + t.rows, 0),
    );

    try {
      fd = openSync(partial, 'w', 0o600);
    } catch (error) {
      throw new BackupError(`Cannot write ${partial}: ${(error as Error).message}`);
    }
    // `mode` applies only to a new file: a leftover .partial gets it too (personal data, password hashes).
    fchmodSync(fd, 0o600);
    const out = createWriteStream('', { fd, autoClose: false });
    const gzip = createGzip();
    gzip.pipe(out);
    let failure: Error | undefined;
    gzip.on('error', (error) => (failure ??= error));
    out.on('error', (error) => (failure ??= error));
    const write = async (chunk: Buffer | string) => {
      if (failure) throw failure;
      if (!gzip.write(chunk)) await Promise.race([once(gzip, 'drain'), once(out, 'error')]);
      if (failure) throw failure;
    };

    await write(JSON.stringify(manifest) + '\n');
    let rows = 0;
    for (const table of manifest.tables) {
      await write(JSON.stringify({ table: table.name }) + '\n');
      const copy = client.query(
        copyTo(`COPY ${BACKUP_SCHEMA}.${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')}) TO STDOUT`),
      );
      for await (const chunk of copy) await write(chunk as Buffer);
      if (copy.rowCount !== table.rows)
        throw new Error(`${table.name}: ${copy.rowCount} rows copied, ${table.rows} counted in the same snapshot`);
      await write(TERMINATOR);
      rows += table.rows;
      progress.table(table.name, table.rows);
    }
    const trailer: BackupTrailer = { end: BACKUP_FORMAT, tables: manifest.tables.length, rows };
    await write(JSON.stringify(trailer) + '\n');
    gzip.end();
    await finished(out);
    if (failure) throw failure;
    await client.query('COMMIT');

    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(partial, file);
    syncFolderOf(file);
    return { file, tables: manifest.tables.length, rows, bytes: statSync(file).size, seconds: (Date.now() - started) / 1000, manifest };
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Everything the manifest says, read inside the snapshot; the tables are locked against schema changes until the end. */
async function readManifest(client: Client): Promise<BackupManifest> {
  const found: { oid: number; name: string }[] = (
    await client.query(
      `SELECT c.oid::int AS oid, c.relname AS name FROM pg_class c
        WHERE c.relnamespace = $1::regnamespace AND c.relkind = 'r' ORDER BY c.relname`,
      [BACKUP_SCHEMA],
    )
  ).rows;
  if (!found.some((t) => t.name === MIGRATIONS_TABLE)) {
    throw new BackupError(
      `This database has no ${MIGRATIONS_TABLE} table: Alliances has never run on it, there is nothing to back up. Check DATABASE_URL or DATA_DIR.`,
    );
  }
  // As pg_dump does: no DDL (a migration of a newer version starting) may change a table while it is read.
  await client.query(`SET LOCAL lock_timeout = '60s'`);
  await client.query(`LOCK TABLE ${found.map((t) => `${BACKUP_SCHEMA}.${quoteIdent(t.name)}`).join(', ')} IN ACCESS SHARE MODE`);

  const columns: { oid: number; name: string }[] = (
    await client.query(
      `SELECT attrelid::int AS oid, attname AS name FROM pg_attribute
        WHERE attrelid = ANY($1::oid[]) AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
        ORDER BY attrelid, attnum`,
      [found.map((t) => t.oid)],
    )
  ).rows;
  const references: { from: string; to: string }[] = (
    await client.query(
      `SELECT DISTINCT f.relname AS "from", t.relname AS "to"
         FROM pg_constraint c JOIN pg_class f ON f.oid = c.conrelid JOIN pg_class t ON t.oid = c.confrelid
        WHERE c.contype = 'f' AND f.relnamespace = $1::regnamespace AND t.relnamespace = $1::regnamespace`,
      [BACKUP_SCHEMA],
    )
  ).rows;
  const tables: BackupTable[] = [];
  for (const name of loadingOrder(
    found.map((t) => t.name),
    references,
  )) {
    const oid = (found.find((t) => t.name === name) as { oid: number }).oid;
    const { n } = (await client.query(`SELECT count(*)::bigint AS n FROM ${BACKUP_SCHEMA}.${quoteIdent(name)}`)).rows[0];
    tables.push({ name, columns: columns.filter((c) => c.oid === oid).map((c) => c.name), rows: Number(n) });
  }
  const migrations: string[] = (await client.query(`SELECT name FROM ${BACKUP_SCHEMA}.${MIGRATIONS_TABLE} ORDER BY id`)).rows.map(
    (r: { name: string }) => r.name,
  );
  const sequences = await readSequences(client);
  const { version, database } = (await client.query(`SELECT current_setting('server_version') AS version, current_database() AS database`))
    .rows[0];
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    source: { serverVersion: version, database },
    migrations,
    schema: BACKUP_SCHEMA,
    tables,
    sequences,
  };
}

async function readSequences(client: Client): Promise<BackupManifest['sequences']> {
  const names: string[] = (
    await client.query(`SELECT relname AS name FROM pg_class WHERE relnamespace = $1::regnamespace AND relkind = 'S' ORDER BY relname`, [
      BACKUP_SCHEMA,
    ])
  ).rows.map((r: { name: string }) => r.name);
  const sequences: BackupManifest['sequences'] = [];
  for (const name of names) {
    // Sequences are outside transactions: this is their value now, at least what the snapshot used.
    const { last_value, is_called } = (await client.query(`SELECT last_value::text, is_called FROM ${BACKUP_SCHEMA}.${quoteIdent(name)}`))
      .rows[0];
    sequences.push({ name, lastValue: last_value, isCalled: is_called });
  }
  return sequences;
}

/** Makes the rename durable (the folder's entry), where the platform allows it. */
function syncFolderOf(file: string): void {
  try {
    const dir = openSync(dirname(file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Not every platform or file system can sync a folder; the file itself is synced.
  }
}
