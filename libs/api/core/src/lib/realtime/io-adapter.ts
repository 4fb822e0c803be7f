import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { Pool, type PoolClient } from 'pg';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/app-config';
import { registerRealtimeServer, unregisterRealtimeServer } from './socket-auth';

/** Socket payload cap: a comment is at most 10,000 characters, a charter update 256 KB. */
export const MAX_SOCKET_PAYLOAD_BYTES = 1_000_000;

/**
 * The PostgreSQL adapter keeps one client checked out for LISTEN and listens only to its `end`: a
 * lost connection would raise an unhandled `error` (the process dies) and the dead client would keep
 * its pool slot forever. Every client gets an error listener; a checked-out one goes back to the pool
 * with the error, which drops it (the adapter then reconnects on its own).
 */
function releaseOnConnectionLoss(pool: Pool, log: (error: Error) => void): void {
  const checkedOut = new Set<PoolClient>();
  pool.on('acquire', (client) => checkedOut.add(client));
  pool.on('release', (_error, client) => checkedOut.delete(client));
  pool.on('connect', (client) =>
    client.on('error', (error: Error) => {
      log(error);
      if (!checkedOut.has(client)) return;
      const release = client.release;
      // Whoever holds it may release it later: that second release must do nothing.
      client.release = () => undefined;
      release(error);
    }),
  );
}

/**
 * socket.io for every namespace, with fan-out between API instances: through Redis when REDIS_URL
 * is set, else through PostgreSQL (@socket.io/postgres-adapter). Embedded mode is one instance, so
 * the in-memory adapter is enough there.
 */
export class AlliancesIoAdapter extends IoAdapter {
  private readonly logger = new Logger('Realtime');
  private closers: (() => Promise<unknown>)[] = [];
  private adapterFactory: ServerOptions['adapter'] | undefined;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  async connect(): Promise<void> {
    if (this.config.redisUrl) {
      // Loaded only when used: about 400 files, a quarter of a second at every start otherwise.
      const [{ createClient }, { createAdapter: createRedisAdapter }] = await Promise.all([
        import('redis'),
        import('@socket.io/redis-adapter'),
      ]);
      const pub = createClient({ url: this.config.redisUrl });
      const sub = pub.duplicate();
      pub.on('error', (e: Error) => this.logger.warn(`redis: ${e.message}`));
      sub.on('error', (e: Error) => this.logger.warn(`redis: ${e.message}`));
      await Promise.all([pub.connect(), sub.connect()]);
      this.adapterFactory = createRedisAdapter(pub, sub) as ServerOptions['adapter'];
      this.closers.push(() => Promise.all([pub.quit().catch(() => undefined), sub.quit().catch(() => undefined)]));
      this.logger.log('socket.io fan-out through Redis');
    } else if (this.config.databaseUrl) {
      const pool = new Pool({
        connectionString: this.config.databaseUrl,
        max: 2,
        connectionTimeoutMillis: 5000,
        application_name: 'alliances-socket-adapter',
      });
      pool.on('error', (e: Error) => this.logger.warn(`socket adapter pool: ${e.message}`));
      releaseOnConnectionLoss(pool, (e) => this.logger.warn(`socket adapter connection lost: ${e.message}`));
      this.adapterFactory = createPostgresAdapter(pool, {
        tableName: 'socket_io_attachments',
        heartbeatInterval: 2000,
        heartbeatTimeout: 6000,
      }) as ServerOptions['adapter'];
      this.closers.push(() => pool.end());
      this.logger.log('socket.io fan-out through PostgreSQL');
    }
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES,
      serveClient: false,
      cors: this.config.corsOrigins.length ? { origin: this.config.corsOrigins, credentials: true } : undefined,
      ...(this.adapterFactory ? { adapter: this.adapterFactory } : {}),
    }) as Server;
    registerRealtimeServer(server);
    return server;
  }

  override async close(server: Server): Promise<void> {
    // socket.io would also close the HTTP server it shares with Fastify and wait for every keep-alive
    // connection to end, before Fastify's own close (503 and `Connection: close`) ever runs: under
    // steady traffic the process would never exit. Fastify closes the HTTP server; this closes socket.io.
    (server as unknown as { httpServer?: unknown }).httpServer = undefined;
    unregisterRealtimeServer(server);
    await super.close(server);
    await Promise.all(this.closers.splice(0).map((close) => close()));
  }
}
