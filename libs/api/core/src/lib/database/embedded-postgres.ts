import { ChildProcess, fork } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EmbeddedPostgres {
  /** Connection string of the embedded server (127.0.0.1, generated password): the same code path as DATABASE_URL. */
  url: string;
  /** PostgreSQL version the server reports, e.g. "17.10". */
  version: string;
  /** The cluster's folder, `DATA_DIR/postgres`. */
  dir: string;
  /** Shuts the server down cleanly (fast shutdown) and releases the folder. */
  stop(): Promise<void>;
}

/** Where the embedded server keeps its cluster, password and lock inside DATA_DIR. */
export const embeddedPostgresDir = (dataDir: string): string => join(dataDir, 'postgres');

/**
 * Starts the embedded PostgreSQL server of `dataDir` (see `assets/embedded-postgres.mjs`, decision
 * 0009) and returns its connection string. One API per folder: a lock file refuses a second one
 * while the first runs, and a crashed run's lock (its API is gone) is taken over.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; script: string; timeoutMs?: number }): Promise<EmbeddedPostgres> {
  const dir = embeddedPostgresDir(options.dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const lockFile = join(dir, 'instance.lock');
  const releaseLock = await acquireLock(lockFile);

  let child: ChildProcess | undefined;
  let ready: { port: number; version: string; user: string; database: string };
  try {
    const supervisor = fork(options.script, [], {
      env: { ...process.env, EMBEDDED_PG_DIR: dir },
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    child = supervisor;
    writeFileSync(lockFile, `${process.pid} ${supervisor.pid ?? 0}`);
    let stderr = '';
    supervisor.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      process.stderr.write(chunk);
    });
    ready = await new Promise((resolvePromise, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the embedded PostgreSQL server did not start in time')),
        options.timeoutMs ?? 120_000,
      );
      supervisor.on(
        'message',
        (message: { type?: string; message?: string; port?: number; version?: string; user?: string; database?: string }) => {
          clearTimeout(timer);
          if (message?.type === 'ready') resolvePromise(message as typeof ready);
          else if (message?.type === 'error') reject(new EmbeddedPostgresError(message.message ?? 'unknown error'));
        },
      );
      supervisor.once('exit', (code) => {
        clearTimeout(timer);
        const said = /embedded-postgres: (.*)/.exec(stderr)?.[1];
        reject(new EmbeddedPostgresError(said ?? `the embedded PostgreSQL server exited with code ${code} before it was ready`));
      });
    });
  } catch (error) {
    child?.kill('SIGTERM');
    releaseLock();
    throw error;
  }

  const password = readFileSync(join(dir, 'password'), 'utf8').trim();
  const url = `postgres://${ready.user}:${encodeURIComponent(password)}@127.0.0.1:${ready.port}/${ready.database}`;
  const supervisor = child;
  let stopped: Promise<void> | undefined;
  return {
    url,
    version: ready.version,
    dir,
    stop: () =>
      (stopped ??= new Promise<void>((done) => {
        if (supervisor.exitCode !== null || supervisor.signalCode !== null) return done();
        supervisor.once('exit', () => done());
        if (supervisor.connected) supervisor.send({ type: 'stop' });
        else supervisor.kill('SIGTERM');
        setTimeout(() => supervisor.kill('SIGKILL'), 30_000).unref();
      }).finally(releaseLock)),
  };
}

/** A start-up refusal the operator must act on (printed without a stack trace). */
export class EmbeddedPostgresError extends Error {
  override readonly name = 'EmbeddedPostgresError';
}

/**
 * The running embedded server of `dataDir`, for tools that work beside the app (backup): its
 * connection string, read from the cluster's `postmaster.pid` and the password file, or undefined
 * when no server runs there.
 */
export function runningEmbeddedPostgresUrl(dataDir: string): string | undefined {
  const dir = embeddedPostgresDir(dataDir);
  const pidFile = join(dir, 'data', 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const [pid, port] = [Number(lines[0]), Number(lines[3])];
  if (!pid || !port || !isAlive(pid)) return undefined;
  const password = readFileSync(join(dir, 'password'), 'utf8').trim();
  return `postgres://alliances:${encodeURIComponent(password)}@127.0.0.1:${port}/alliances`;
}

/**
 * A lock file holding the API's pid and its supervisor's pid. A live API holding it means a second
 * instance: refused. A dead API (crash, SIGKILL) leaves a stale lock: its supervisor stops the server
 * when the API goes, so it is waited for, then the lock is taken over.
 */
async function acquireLock(file: string): Promise<() => void> {
  if (existsSync(file)) {
    const [apiPid, supervisorPid] = readFileSync(file, 'utf8').split(' ').map(Number);
    if (apiPid && apiPid !== process.pid && isAlive(apiPid)) {
      throw new EmbeddedPostgresError(
        `Another Alliances process (pid ${apiPid}) already uses the embedded database in ${file.replace(/[/\\]instance\.lock$/, '')}. Stop it first (embedded mode serves one process), or set DATABASE_URL to run several instances on a PostgreSQL server.`,
      );
    }
    const deadline = Date.now() + 30_000;
    while (supervisorPid && isAlive(supervisorPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (supervisorPid && isAlive(supervisorPid))
      throw new EmbeddedPostgresError(`The embedded database process ${supervisorPid} of a previous run does not exit.`);
    rmSync(file, { force: true });
  }
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new EmbeddedPostgresError(
        `Another Alliances process is starting on the embedded database in ${file.replace(/[/\\]instance\.lock$/, '')} at the same moment. Embedded mode serves one process.`,
      );
    }
    throw error;
  }
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
