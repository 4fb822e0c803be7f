import { ChildProcess, fork } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EmbeddedPostgres {
  /** Connection options for `pg` / TypeORM: a unix socket directory, as libpq expects. */
  connection: { host: string; port: number; username: string; database: string };
  /** PostgreSQL version string the embedded server reports. */
  version: string;
  stop(): Promise<void>;
}

/** Connections the embedded server accepts: the API's pool plus a few for tools (psql, tests). */
export const EMBEDDED_MAX_CONNECTIONS = 8;
/** The API's own pool in embedded mode (see data-source-options.ts). */
export const EMBEDDED_POOL_SIZE = 1;

/**
 * Starts PGlite in a child process (see `assets/embedded-postgres.mjs`) on a unix socket inside
 * `dataDir`. Embedded mode is single-instance: a lock file refuses a second API on the same folder.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  script: string;
  timeoutMs?: number;
}): Promise<EmbeddedPostgres> {
  const dir = join(options.dataDir, 'pg');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const lockFile = join(dir, 'instance.lock');
  const releaseLock = await acquireLock(lockFile);
  const socketPath = join(dir, '.s.PGSQL.5432');

  const child: ChildProcess = fork(options.script, [], {
    env: {
      ...process.env,
      EMBEDDED_PG_DIR: dir,
      EMBEDDED_PG_SOCKET: socketPath,
      EMBEDDED_PG_MAX_CONNECTIONS: String(EMBEDDED_MAX_CONNECTIONS),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  writeFileSync(lockFile, `${process.pid} ${child.pid ?? 0}`);

  let version: string;
  try {
    version = await new Promise<string>((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error('embedded PostgreSQL did not start in time')), options.timeoutMs ?? 60_000);
      child.once('message', (message: { type?: string; version?: string }) => {
        clearTimeout(timer);
        if (message?.type === 'ready') resolvePromise(message.version ?? 'PGlite');
        else reject(new Error(`embedded PostgreSQL: unexpected message ${JSON.stringify(message)}`));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`embedded PostgreSQL exited with code ${code} before it was ready`));
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    releaseLock();
    throw error;
  }

  let stopped: Promise<void> | undefined;
  return {
    connection: { host: dir, port: 5432, username: 'postgres', database: 'postgres' },
    version,
    stop: () =>
      (stopped ??= new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.send({ type: 'stop' });
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }).finally(releaseLock)),
  };
}

/**
 * A lock file holding the API's pid and its database process's pid. A live API holding it means a
 * second instance: refused. A dead API whose database process is still closing (after a crash or
 * SIGKILL) is waited for, so two PGlite processes never open the same files.
 */
async function acquireLock(file: string): Promise<() => void> {
  if (existsSync(file)) {
    const [apiPid, databasePid] = readFileSync(file, 'utf8').split(' ').map(Number);
    if (apiPid && apiPid !== process.pid && isAlive(apiPid)) {
      throw new Error(
        `Another API process (pid ${apiPid}) already uses this embedded database. Embedded mode serves one instance; set DATABASE_URL to run several.`,
      );
    }
    const deadline = Date.now() + 20_000;
    while (databasePid && isAlive(databasePid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (databasePid && isAlive(databasePid)) throw new Error(`The embedded database process ${databasePid} of a previous run does not exit.`);
    rmSync(file, { force: true });
  }
  const fd = openSync(file, 'wx', 0o600);
  writeFileSync(fd, String(process.pid));
  closeSync(fd);
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
