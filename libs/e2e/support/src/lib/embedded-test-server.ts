import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from './paths';

export interface EmbeddedTestServer {
  /** Connection string of the server's `postgres` database, as TEST_DATABASE_URL would be. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts an embedded PostgreSQL server (the built API's `assets/embedded-postgres.mjs`, the same one
 * `npm start` runs) in a temporary folder, for a machine that has no server of its own: the specs
 * then create their databases on it as they would on TEST_DATABASE_URL.
 */
export async function startEmbeddedTestServer(): Promise<EmbeddedTestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'alliances-test-server-'));
  const dir = join(dataDir, 'postgres');
  const script = join(workspaceRoot(), 'dist', 'apps', 'api', 'assets', 'embedded-postgres.mjs');
  const child = fork(script, [], { env: { ...process.env, EMBEDDED_PG_DIR: dir }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<{ port: number; user: string }>((resolve, reject) => {
    child.on('message', (message: { type?: string; port?: number; user?: string; message?: string }) => {
      if (message?.type === 'ready') resolve(message as { port: number; user: string });
      else if (message?.type === 'error') reject(new Error(`embedded test server: ${message.message}`));
    });
    child.once('exit', (code) => reject(new Error(`embedded test server exited with ${code} before it was ready`)));
  });
  const password = readFileSync(join(dir, 'password'), 'utf8').trim();
  return {
    url: `postgres://${ready.user}:${encodeURIComponent(password)}@127.0.0.1:${ready.port}/postgres`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.send({ type: 'stop' });
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const SHARED = Symbol.for('alliances.embeddedTestServer');

/**
 * Jest global setup of the integration and browser specs: without TEST_DATABASE_URL (a machine with
 * no PostgreSQL server), one embedded server for the whole run, named in TEST_DATABASE_URL so every
 * spec — several instances on one database, a killed instance, an outage proxy, row-level security —
 * runs exactly as it does on CI's server.
 */
export async function setUpTestServer(): Promise<void> {
  if (process.env['TEST_DATABASE_URL']) return;
  const server = await startEmbeddedTestServer();
  (globalThis as Record<symbol, unknown>)[SHARED] = server;
  process.env['TEST_DATABASE_URL'] = server.url;
  process.env['TEST_DATABASE_EMBEDDED'] = '1';
  console.log(`\nNo TEST_DATABASE_URL: the specs run on an embedded PostgreSQL server (${server.url.replace(/:[^:@/]+@/, ':***@')})`);
}

export async function tearDownTestServer(): Promise<void> {
  const server = (globalThis as Record<symbol, unknown>)[SHARED] as EmbeddedTestServer | undefined;
  await server?.stop();
}
