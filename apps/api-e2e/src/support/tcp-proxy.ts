import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP proxy to put between one API process and PostgreSQL, so a test can take the
 * database away from that process alone (the real server keeps serving everyone else).
 * - `refuse()`: what a database restart looks like: every open connection is reset and new ones are refused.
 * - `blackhole()`: what a network partition looks like: nothing passes any more, in either direction,
 *   new connections are accepted but never answered; bytes wait in the socket buffers.
 * - `restore()`: traffic flows again; held connections carry on where they stopped.
 */
export class TcpProxy {
  private mode: 'open' | 'refusing' | 'blackhole' = 'open';
  private readonly pairs = new Set<{ client: Socket; upstream?: Socket }>();
  private readonly held = new Set<Socket>();
  private server = createServer((socket) => this.accept(socket));
  private listeningPort = 0;

  private constructor(private readonly target: { host: string; port: number }) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target);
    await listen(proxy.server, 0);
    const address = proxy.server.address();
    if (!address || typeof address === 'string') throw new Error('proxy did not get a port');
    proxy.listeningPort = address.port;
    return proxy;
  }

  get port(): number {
    return this.listeningPort;
  }

  /** The connection string of `databaseUrl`, going through this proxy. */
  url(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  get connections(): number {
    return this.pairs.size + this.held.size;
  }

  async refuse(): Promise<void> {
    this.mode = 'refusing';
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.held) socket.resetAndDestroy();
    this.held.clear();
    for (const pair of this.pairs) {
      pair.client.resetAndDestroy();
      pair.upstream?.resetAndDestroy();
    }
    this.pairs.clear();
    await closed;
  }

  blackhole(): void {
    this.mode = 'blackhole';
    for (const pair of this.pairs) {
      pair.client.pause();
      pair.upstream?.pause();
    }
  }

  async restore(): Promise<void> {
    if (this.mode === 'refusing') {
      this.server = createServer((socket) => this.accept(socket));
      await listen(this.server, this.port);
    }
    this.mode = 'open';
    for (const pair of this.pairs) {
      pair.client.resume();
      pair.upstream?.resume();
    }
    const held = [...this.held];
    this.held.clear();
    for (const socket of held) if (!socket.destroyed) this.relay(socket);
  }

  async close(): Promise<void> {
    for (const pair of this.pairs) {
      pair.client.destroy();
      pair.upstream?.destroy();
    }
    for (const socket of this.held) socket.destroy();
    await new Promise<void>((resolve) => (this.server.listening ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(client: Socket): void {
    client.on('error', () => undefined);
    if (this.mode === 'refusing') return void client.resetAndDestroy();
    if (this.mode === 'blackhole') {
      client.pause();
      this.held.add(client);
      client.once('close', () => this.held.delete(client));
      return;
    }
    this.relay(client);
  }

  private relay(client: Socket): void {
    const upstream = connect(this.target.port, this.target.host);
    const pair = { client, upstream };
    this.pairs.add(pair);
    const end = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    upstream.on('error', end);
    client.on('error', end);
    upstream.on('close', end);
    client.on('close', end);
    forward(client, upstream, () => this.mode === 'open');
    forward(upstream, client, () => this.mode === 'open');
    client.resume();
  }
}

/** Copies bytes one way, honouring back-pressure; a paused (blackholed) socket stays paused after a drain. */
function forward(from: Socket, to: Socket, flowing: () => boolean): void {
  from.on('data', (chunk) => {
    if (!to.write(chunk)) {
      from.pause();
      to.once('drain', () => flowing() && from.resume());
    }
  });
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
