import { once } from 'node:events';
import { createReadStream, openSync, closeSync, fstatSync } from 'node:fs';
import { pipeline } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { connectTo, type Progress } from './backup-database';
import {
  BACKUP_FORMAT,
  BackupError,
  BackupReader,
  DamagedBackup,
  IncompleteBackup,
  parseManifest,
  quoteIdent,
  type BackupManifest,
  type BackupTrailer,
} from './backup-format';
import { BACKUP_SCHEMA } from './write-backup';

interface OpenBackup {
  manifest: BackupManifest;
  reader: BackupReader;
  close(): void;
}

/** Opens a backup file and reads its manifest. */
async function openBackup(file: string): Promise<OpenBackup> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BackupError(code === 'ENOENT' ? `No such backup file: ${file}` : `Cannot read ${file}: ${(error as Error).message}`);
  }
  if (fstatSync(fd).isDirectory()) {
    closeSync(fd);
    throw new BackupError(`${file} is a folder, not a backup file.`);
  }
  const gunzip = createGunzip();
  const input = createReadStream('', { fd });
  pipeline(input, gunzip, () => undefined);
  const reader = new BackupReader(gunzip);
  const close = () => {
    input.destroy();
    gunzip.destroy();
  };
  try {
    const first = await reader.readLine().catch((error: unknown) => {
      throw error instanceof DamagedBackup && !(error instanceof IncompleteBackup)
        ? new BackupError(`${file} is not an Alliances backup (not a gzip file).`)
        : error;
    });
    return { manifest: parseManifest(first, file), reader, close };
  } catch (error) {
    close();
    throw error;
  }
}

/** A message as a sentence, to be followed by another. */
const sentence = (text: string) => text.trim().replace(/([^.])$/, '$1.');

/** Names the file in a reader's message (damaged, cut short) and says nothing was changed. */
function unreadable(file: string, error: unknown, changed = 'Nothing was changed.'): unknown {
  if (!(error instanceof DamagedBackup)) return error;
  const cut = error instanceof IncompleteBackup ? ' (the backup was interrupted, or the file was cut short while copied)' : '';
  return new BackupError(`The backup file ${file} cannot be restored: ${error.message}${cut}. ${changed}`);
}

/**
 * Reads the whole file once before anything is changed: every table's rows up to its end line, the
 * counts the manifest gives, the trailer. A damaged or cut file is refused here, with the target
 * untouched. Refuses a backup made by a newer version (migrations this build does not know).
 */
export async function verifyBackup(file: string, knownMigrations: string[]): Promise<BackupManifest> {
  const { manifest, reader, close } = await openBackup(file).catch((error: unknown) => {
    throw unreadable(file, error);
  });
  try {
    const unknown = manifest.migrations.filter((name) => !knownMigrations.includes(name));
    if (unknown.length) {
      throw new BackupError(
        `${file} was made by a newer version of Alliances: its database has ${unknown.length} migration(s) this version does not know (${unknown.join(', ')}). Update Alliances to the version that made the backup, or a newer one, then restore.`,
      );
    }
    for (const table of manifest.tables) {
      await readHeader(reader, table.name);
      const rows = await reader.readRows(() => undefined);
      if (rows !== table.rows)
        throw new DamagedBackup(`table ${table.name} holds ${rows} rows, its manifest says ${table.rows}: the file is damaged`);
    }
    const trailer = parseTrailer(await reader.readLine());
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    if (trailer.tables !== manifest.tables.length || trailer.rows !== rows)
      throw new DamagedBackup('its last line does not match its manifest: the file is damaged');
    if ((await reader.readLine()) !== undefined) throw new DamagedBackup('it has data after its last line: the file is damaged');
    return manifest;
  } catch (error) {
    throw unreadable(file, error);
  } finally {
    close();
  }
}

async function readHeader(reader: BackupReader, table: string): Promise<void> {
  const line = await reader.readLine();
  if (line === undefined) throw new IncompleteBackup();
  let header: { table?: string } | undefined;
  try {
    header = JSON.parse(line);
  } catch {
    header = undefined;
  }
  if (header?.table !== table) throw new DamagedBackup(`the rows of table ${table} are missing or out of place: the file is damaged`);
}

function parseTrailer(line: string | undefined): BackupTrailer {
  if (line === undefined) throw new IncompleteBackup();
  try {
    const trailer = JSON.parse(line) as BackupTrailer;
    if (trailer.end === BACKUP_FORMAT) return trailer;
  } catch {
    // not JSON: damaged
  }
  throw new DamagedBackup('its last line is not the end of a backup: the file is damaged');
}

/** The target database is not empty: nothing was changed. */
export class TargetNotEmpty extends BackupError {}

/** A failure after the migrations created the schema on the target: the schema stays, without data. */
export class RestoreFailedAfterSchema extends BackupError {}

export interface RestoreSummary {
  tables: number;
  rows: number;
  seconds: number;
  /** Migrations of this build newer than the backup, applied after the load. */
  newerMigrations: string[];
  foreignKeysChecked: boolean;
}

/**
 * Loads a verified backup into the empty database of `url`:
 * 1. refuses a target that has any table (or view, sequence) in its `public` schema;
 * 2. runs the migrations the backup's database had (`migrate(names)`), creating the same schema;
 * 3. in one transaction: empties what the migrations seeded, COPY FROM each table with its column
 *    list, every sequence set to its column's maximum, each table's row count compared with the
 *    manifest's; commit;
 * 4. runs this build's newer migrations, if any, on the loaded data, as an upgrade would.
 * Foreign keys and triggers are not fired during the load (`session_replication_role = replica`)
 * when the role may set it; otherwise tables load parents first and keys are checked.
 */
export async function loadBackup(options: {
  url: string;
  file: string;
  manifest: BackupManifest;
  migrate: (only?: string[]) => Promise<string[]>;
  progress: Progress;
  /** What to do to get an empty database, said when the target is not empty. */
  emptyHint: string;
}): Promise<RestoreSummary> {
  const started = Date.now();
  const { manifest, progress } = options;
  await refuseNonEmpty(options.url, options.emptyHint);
  let loaded: { rows: number; foreignKeysChecked: boolean };
  try {
    await options.migrate(manifest.migrations);
    loaded = await loadRows(options.url, options.file, manifest, progress);
  } catch (error) {
    throw new RestoreFailedAfterSchema(
      `The restore failed, nothing was loaded: ${sentence((unreadable(options.file, error, '') as Error).message)}`,
    );
  }
  let newerMigrations: string[];
  try {
    newerMigrations = await options.migrate();
  } catch (error) {
    throw new BackupError(
      `The backup was loaded, but a migration of this version newer than the backup failed on it: ${sentence((error as Error).message)} Starting the app tries the migrations again.`,
    );
  }
  await analyse(options.url);
  return {
    tables: manifest.tables.length,
    rows: loaded.rows,
    seconds: (Date.now() - started) / 1000,
    newerMigrations,
    foreignKeysChecked: loaded.foreignKeysChecked,
  };
}

async function refuseNonEmpty(url: string, hint: string): Promise<void> {
  const client = await connectTo(url, 'alliances-restore');
  try {
    const found: { name: string; table: boolean }[] = (
      await client.query(
        `SELECT c.relname AS name, c.relkind IN ('r', 'p') AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') ORDER BY c.relkind NOT IN ('r', 'p'), c.relname`,
        [BACKUP_SCHEMA],
      )
    ).rows;
    if (found.length) {
      const tables = found.filter((f) => f.table).length;
      const what = [tables && `${tables} tables`, found.length - tables && `${found.length - tables} views or sequences`]
        .filter(Boolean)
        .join(' and ');
      const some =
        found
          .slice(0, 5)
          .map((f) => f.name)
          .join(', ') + (found.length > 5 ? ', …' : '');
      throw new TargetNotEmpty(
        `The target database is not empty: its ${BACKUP_SCHEMA} schema already holds ${what} (${some}). A backup is restored only into an empty database, so that nothing is overwritten; nothing was changed. ${hint}`,
      );
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function loadRows(
  url: string,
  file: string,
  manifest: BackupManifest,
  progress: Progress,
): Promise<{ rows: number; foreignKeysChecked: boolean }> {
  const client = await connectTo(url, 'alliances-restore');
  const backup = await openBackup(file);
  try {
    let foreignKeysChecked = false;
    try {
      // Rows go in as they were: no foreign-key or trigger work while loading (the source held them).
      await client.query('SET session_replication_role = replica');
    } catch (error) {
      if ((error as { code?: string }).code !== '42501') throw error;
      // Not a superuser (nor granted this setting): tables load parents first, keys are checked.
      foreignKeysChecked = true;
    }
    await client.query('BEGIN');
    await checkTargetTables(client, manifest);
    if (manifest.tables.length)
      await client.query(`TRUNCATE ${manifest.tables.map((t) => `${BACKUP_SCHEMA}.${quoteIdent(t.name)}`).join(', ')}`);

    progress.start(
      manifest.tables.length,
      manifest.tables.reduce((sum, t) => sum + t.rows, 0),
    );
    let rows = 0;
    for (const table of manifest.tables) {
      await readHeader(backup.reader, table.name);
      const copied = await copyInto(
        client,
        `COPY ${BACKUP_SCHEMA}.${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')}) FROM STDIN`,
        (write) => backup.reader.readRows(write),
      );
      if (copied !== table.rows) throw new BackupError(`table ${table.name}: ${copied} rows loaded, the manifest says ${table.rows}`);
      rows += copied;
      progress.table(table.name, copied);
    }
    await resetSequences(client, manifest);
    for (const table of manifest.tables) {
      const { n } = (await client.query(`SELECT count(*)::bigint AS n FROM ${BACKUP_SCHEMA}.${quoteIdent(table.name)}`)).rows[0];
      if (Number(n) !== table.rows) throw new BackupError(`table ${table.name} holds ${n} rows after loading, the backup ${table.rows}`);
    }
    await client.query('COMMIT');
    return { rows, foreignKeysChecked };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    backup.close();
    await client.end().catch(() => undefined);
  }
}

/** Every table and column of the backup exists on the target (the same migrations ran). */
async function checkTargetTables(client: Client, manifest: BackupManifest): Promise<void> {
  const rows: { table: string; column: string }[] = (
    await client.query(
      `SELECT c.relname AS table, a.attname AS column FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')`,
      [BACKUP_SCHEMA],
    )
  ).rows;
  const missing = manifest.tables.flatMap((t) =>
    t.columns.filter((c) => !rows.some((r) => r.table === t.name && r.column === c)).map((c) => `${t.name}.${c}`),
  );
  if (missing.length) {
    throw new BackupError(
      `the migrations did not create ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}, which the backup holds (was the source database's schema changed by hand?)`,
    );
  }
}

/** Streams one table's rows into COPY FROM STDIN; resolves with the row count PostgreSQL reports. */
async function copyInto(client: Client, sql: string, feed: (write: (chunk: Buffer) => Promise<void>) => Promise<number>): Promise<number> {
  const copy = client.query(copyFrom(sql));
  const failed = new Promise<never>((_, reject) => copy.once('error', reject));
  failed.catch(() => undefined);
  const write = async (chunk: Buffer) => {
    if (!copy.write(chunk)) await Promise.race([once(copy, 'drain'), failed]);
  };
  await Promise.race([feed(write), failed]);
  copy.end();
  await Promise.race([finished(copy), failed]);
  return copy.rowCount;
}

/**
 * A sequence owned by a column (serial, identity) continues after the largest value loaded; one that
 * no column owns takes the value it had during the backup.
 */
async function resetSequences(client: Client, manifest: BackupManifest): Promise<void> {
  const sequences: { sequence: string; table: string | null; column: string | null; start: string }[] = (
    await client.query(
      `SELECT s.relname AS sequence, t.relname AS table, a.attname AS column, ps.seqstart::text AS start
         FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace JOIN pg_sequence ps ON ps.seqrelid = s.oid
         LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
         LEFT JOIN pg_class t ON t.oid = d.refobjid
         LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
        WHERE s.relkind = 'S' AND n.nspname = $1`,
      [BACKUP_SCHEMA],
    )
  ).rows;
  for (const s of sequences) {
    const sequence = `${BACKUP_SCHEMA}.${quoteIdent(s.sequence)}`;
    if (s.table && s.column) {
      await client.query(
        `SELECT setval($1::regclass, coalesce(max(${quoteIdent(s.column)})::bigint, $2::bigint), max(${quoteIdent(s.column)}) IS NOT NULL) FROM ${BACKUP_SCHEMA}.${quoteIdent(s.table)}`,
        [sequence, s.start],
      );
    } else {
      const saved = manifest.sequences.find((m) => m.name === s.sequence);
      if (saved) await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [sequence, saved.lastValue, saved.isCalled]);
    }
  }
}

/** Fresh planner statistics, so the first requests after a restore are planned on the real data. */
async function analyse(url: string): Promise<void> {
  const client = await connectTo(url, 'alliances-restore');
  try {
    await client.query('ANALYZE');
  } finally {
    await client.end().catch(() => undefined);
  }
}
