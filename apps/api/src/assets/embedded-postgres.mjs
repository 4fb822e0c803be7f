// Embedded PostgreSQL for machines without a server: PGlite (PostgreSQL in WebAssembly) persisted in a
// folder and exposed on a unix socket through pglite-socket, so the API talks to it with the ordinary
// `pg` driver. It runs in its own process because PGlite executes queries synchronously and would
// otherwise block the API's event loop. Started by the API with `fork()`; exits when the API goes.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const dataDir = process.env.EMBEDDED_PG_DIR;
const socketPath = process.env.EMBEDDED_PG_SOCKET;
const maxConnections = Number(process.env.EMBEDDED_PG_MAX_CONNECTIONS ?? 10);
if (!dataDir || !socketPath) {
  console.error('embedded-postgres: EMBEDDED_PG_DIR and EMBEDDED_PG_SOCKET are required');
  process.exit(2);
}

mkdirSync(dataDir, { recursive: true, mode: 0o700 });
// A socket file left behind by a crash would make listen() fail with EADDRINUSE.
if (existsSync(socketPath)) rmSync(socketPath);

const db = await PGlite.create({ dataDir: join(dataDir, 'pgdata') });
const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections });
await server.start();
process.send?.({ type: 'ready', version: (await db.query('select version() as v')).rows[0].v });

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  try {
    await server.stop();
    await db.close();
  } finally {
    if (existsSync(socketPath)) rmSync(socketPath);
    process.exit(code);
  }
}
// The parent closes the IPC channel when it exits, even on SIGKILL: never outlive it.
process.on('disconnect', () => stop(0));
process.on('message', (message) => message?.type === 'stop' && stop(0));
process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => stop(0));
