import {
  ConfigError,
  EmbeddedPostgresError,
  dataSourceOptions,
  embeddedPostgresDir,
  loadConfig,
  pgliteFolder,
  runMigrationsLocked,
  runningEmbeddedPostgresUrl,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from '@alliances/api/core';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource, type MigrationInterface } from 'typeorm';
import { entities } from '../database/entities';
import { migrations } from '../database/migrations';
import { describeUrl, type Progress } from './backup-database';
import { BackupError } from './backup-format';
import { RestoreFailedAfterSchema, loadBackup, verifyBackup } from './restore-backup';
import { writeBackup } from './write-backup';

const USAGE = {
  backup: `Usage: npm run backup -- <file>
  Writes a consistent backup (one snapshot) of the database the app uses — DATABASE_URL, or else the
  embedded database of DATA_DIR — also while the app runs. The file holds personal data: keep it safe.`,
  restore: `Usage: npm run restore -- <file>
  Loads a backup into an empty database — DATABASE_URL, or else the embedded database of DATA_DIR,
  with the app stopped — then brings it to this version's schema.`,
};

/** `node main.js backup <file>` / `node main.js restore <file>` (README, "Backups (self-hosting)"). */
export async function runBackupCli(command: 'backup' | 'restore', args: string[]): Promise<number> {
  const [file, ...rest] = args;
  if (file === '-h' || file === '--help') {
    console.log(USAGE[command]);
    return 0;
  }
  if (!file || rest.length || file.startsWith('-')) {
    console.error(USAGE[command]);
    return 2;
  }
  // `npm run` runs in the project's folder; a relative file is meant from where the command was typed.
  const path = resolve(process.env['INIT_CWD'] ?? process.cwd(), file);
  try {
    return command === 'backup' ? await backup(path) : await restore(path);
  } catch (error) {
    console.error(messageOf(error, command));
    return 1;
  }
}

function messageOf(error: unknown, command: string): string {
  if (error instanceof BackupError || error instanceof EmbeddedPostgresError || error instanceof ConfigError) return error.message;
  const pg = error as { code?: string; message?: string };
  if (pg?.code && pg.message) return `The ${command} failed: PostgreSQL said "${pg.message}" (${pg.code}).`;
  return `The ${command} failed: ${error instanceof Error ? error.message : String(error)}`;
}

/** DATABASE_URL and DATA_DIR as the app reads them; the tools need no JWT secret, so none is generated. */
function toolConfig(): { databaseUrl: string | undefined; dataDir: string } {
  const config = loadConfig({
    ...process.env,
    ADMIN_EMAIL: undefined,
    ADMIN_PASSWORD: undefined,
    JWT_SECRET: 'unused-by-the-backup-and-restore-commands',
  });
  return { databaseUrl: config.databaseUrl, dataDir: config.dataDir };
}

const embeddedScript = () => join(__dirname, 'assets', 'embedded-postgres.mjs');
const hasCluster = (dataDir: string) => existsSync(join(embeddedPostgresDir(dataDir), 'data', 'PG_VERSION'));
const hasPgliteFolder = (dataDir: string) => existsSync(join(pgliteFolder(dataDir), 'pgdata', 'PG_VERSION'));

async function backup(file: string): Promise<number> {
  const { databaseUrl, dataDir } = toolConfig();
  let url = databaseUrl ?? runningEmbeddedPostgresUrl(dataDir);
  let source = databaseUrl
    ? `the database of DATABASE_URL (${describeUrl(databaseUrl)})`
    : `the embedded database of ${dataDir} (used by the running app)`;
  let embedded: EmbeddedPostgres | undefined;
  if (!url) {
    if (!hasCluster(dataDir)) {
      throw new BackupError(
        hasPgliteFolder(dataDir)
          ? `${dataDir} holds a database of the previous embedded engine (PGlite), not moved yet: start the app once with this version (it moves the data), then back up.`
          : `Nothing to back up: DATABASE_URL is unset and ${dataDir} holds no embedded database. Set DATA_DIR to the app's data folder, or DATABASE_URL to its database.`,
      );
    }
    embedded = await startEmbeddedPostgres({ dataDir, script: embeddedScript() });
    url = embedded.url;
    source = `the embedded database of ${dataDir} (started for the backup; the app is not running)`;
  }
  const stopOnSignal = onSignal(async () => {
    await embedded?.stop();
  }, `${file}.partial`);
  try {
    console.error(`Backing up ${source} to ${file}:`);
    const done = await writeBackup({ url, file, progress: stderrProgress('backup') });
    const last = done.manifest.migrations[done.manifest.migrations.length - 1] ?? 'none';
    console.log(
      `Backup written to ${done.file}: ${done.tables} tables, ${n(done.rows)} rows, ${size(done.bytes)}, in ${done.seconds.toFixed(1)} s (one snapshot of PostgreSQL ${done.manifest.source.serverVersion}, ${done.manifest.migrations.length} migrations up to ${last}). It holds personal data and password hashes: keep it safe.`,
    );
    return 0;
  } finally {
    stopOnSignal();
    await embedded?.stop();
  }
}

async function restore(file: string): Promise<number> {
  const { databaseUrl, dataDir } = toolConfig();
  const byName = new Map(migrations.map((m) => [migrationName(m), m]));
  // The whole file is read once before anything is touched: a damaged or newer backup changes nothing.
  console.error(`Checking ${file}…`);
  const manifest = await verifyBackup(file, [...byName.keys()]);

  let url = databaseUrl;
  let embedded: EmbeddedPostgres | undefined;
  let newCluster = false;
  let target = url ? `the database of DATABASE_URL (${describeUrl(url)})` : '';
  if (!url) {
    if (runningEmbeddedPostgresUrl(dataDir)) {
      throw new BackupError(
        `The app is running on ${dataDir} (its embedded database serves it). Stop the app before restoring into this folder.`,
      );
    }
    if (hasPgliteFolder(dataDir)) {
      throw new BackupError(
        `${dataDir} holds a database of the previous embedded engine (PGlite, in ${pgliteFolder(dataDir)}), which the next start would move over the restored data. Restore into a new DATA_DIR, or move that folder away first.`,
      );
    }
    newCluster = !hasCluster(dataDir);
    embedded = await startEmbeddedPostgres({ dataDir, script: embeddedScript() });
    url = embedded.url;
    target = `${newCluster ? 'a new' : 'the'} embedded database of ${dataDir}`;
  }
  const emptyHint = embedded
    ? `Restore into a new DATA_DIR, or, with the app stopped, move ${embeddedPostgresDir(dataDir)} away.`
    : 'Create a new database (createdb, or CREATE DATABASE) and point DATABASE_URL at it.';
  /** A new embedded database that failed to load is removed, so that the same command can simply be run again. */
  const removeNewCluster = async () => {
    await embedded?.stop();
    if (embedded && newCluster) rmSync(embeddedPostgresDir(dataDir), { recursive: true, force: true });
  };
  const stopOnSignal = onSignal(removeNewCluster);
  const targetUrl = url;
  try {
    console.error(`Restoring the backup of ${manifest.createdAt} (PostgreSQL ${manifest.source.serverVersion}) into ${target}`);
    const done = await loadBackup({
      url,
      file,
      manifest,
      emptyHint,
      progress: stderrProgress('restore'),
      migrate: (only) => migrate(targetUrl, only ? only.map((name) => byName.get(name) as Migration) : migrations),
    });
    await embedded?.stop();
    console.log(
      `Restored ${file} into ${target}: ${done.tables} tables, ${n(done.rows)} rows, row counts checked table by table, in ${done.seconds.toFixed(1)} s` +
        (done.newerMigrations.length
          ? `; then ${done.newerMigrations.length} migration(s) of this version applied (${done.newerMigrations.join(', ')}).`
          : '.') +
        (done.foreignKeysChecked
          ? ' (The database role may not set session_replication_role: foreign keys were checked while loading.)'
          : ''),
    );
    return 0;
  } catch (error) {
    if (error instanceof RestoreFailedAfterSchema) {
      if (embedded && newCluster) {
        await removeNewCluster();
        throw new BackupError(`${error.message} The new embedded database was removed: ${dataDir} is as it was.`);
      }
      throw new BackupError(
        `${error.message} The database now holds this version's empty schema: drop it and create it again (or use another empty database) before trying again.`,
      );
    }
    throw error;
  } finally {
    stopOnSignal();
    await embedded?.stop();
  }
}

type Migration = (typeof migrations)[number];

function migrationName(migration: Migration): string {
  return (new (migration as new () => MigrationInterface)().name as string | undefined) ?? migration.name;
}

/** This build's migrations (or the given ones) on `url`, as the app runs them at start; returns the names applied. */
async function migrate(url: string, selected: Migration[]): Promise<string[]> {
  // Two connections: runMigrationsLocked holds its advisory lock on one while the migrations run on the other.
  const dataSource = new DataSource(
    dataSourceOptions({ databaseUrl: url, entities, migrations: selected, poolSize: 2, applicationName: 'alliances-restore' }),
  );
  await dataSource.initialize();
  try {
    return (await runMigrationsLocked(dataSource)).map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Ctrl-C or SIGTERM: the unfinished file is removed and the embedded server stopped before exiting. Returns the remover of the handlers. */
function onSignal(cleanUp: () => Promise<void>, partialFile?: string): () => void {
  const handler = (signal: NodeJS.Signals) => {
    console.error(`\nInterrupted (${signal}): nothing was ${partialFile ? 'written' : 'restored'}.`);
    if (partialFile) rmSync(partialFile, { force: true });
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

/** Tables done out of the total, and rows, on stderr: one line rewritten on a terminal, a line a table otherwise. */
function stderrProgress(verb: string): Progress {
  const tty = process.stderr.isTTY;
  let total = { tables: 0, rows: 0 };
  const done = { tables: 0, rows: 0 };
  return {
    start(tables, rows) {
      total = { tables, rows };
    },
    table(name, rows) {
      done.tables++;
      done.rows += rows;
      const line = `${verb}: ${done.tables}/${total.tables} tables, ${n(done.rows)}/${n(total.rows)} rows — ${name} (${n(rows)})`;
      if (tty) process.stderr.write(`\r\x1b[K${line}${done.tables === total.tables ? '\n' : ''}`);
      else process.stderr.write(`${line}\n`);
    },
  };
}

const n = (value: number) => value.toLocaleString('en-US');
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`);
