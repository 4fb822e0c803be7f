import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { Subject } from 'rxjs';
import { APP_CONFIG } from '../config/config.tokens';
import type { AppConfig } from '../config/app-config';

/** How often the database is probed while it answers, and while it does not. */
const PROBE_EVERY_MS = 1000;
const RETRY_EVERY_MS = 500;
/** A probe that takes longer than this (connecting or `SELECT 1`) means the database is away. */
const PROBE_DEADLINE_MS = 1500;

/**
 * Whether this instance can reach PostgreSQL right now, known from a probe on a connection of its own
 * (pooled connections may all be stuck on a silent network, and a busy pool is not an outage).
 * While the database is away, requests are answered 503 at the door, those already running are cut
 * short with 503 (see `configureHttp`), and the probe retries until it answers:
 * the instance recovers by itself (docs/decisions/0006-robustness.md). Embedded mode is one process
 * with its database next to it: nothing to watch there.
 */
@Injectable()
export class DatabaseAvailability implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private up = true;
  private client: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private probing: Promise<void> | undefined;
  private stopped = false;
  private lostAt = 0;
  /** Emits each time the database goes away. */
  readonly lost$ = new Subject<void>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get available(): boolean {
    return this.up;
  }

  onApplicationBootstrap(): void {
    if (this.config.databaseUrl) this.schedule(PROBE_EVERY_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.probing;
    this.drop();
  }

  /** A request met a connection error: probe now rather than at the next tick. */
  suspect(): void {
    if (!this.config.databaseUrl || this.stopped) return;
    clearTimeout(this.timer);
    void this.probe();
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.probe(), ms);
    this.timer.unref();
  }

  private probe(): Promise<void> {
    this.probing ??= this.ping()
      .then(
        () => this.mark(true),
        (error: Error) => {
          this.drop();
          this.mark(false, error);
        },
      )
      .finally(() => {
        this.probing = undefined;
        this.schedule(this.up ? PROBE_EVERY_MS : RETRY_EVERY_MS);
      });
    return this.probing;
  }

  private async ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      // Decided after this turn's I/O: an event loop kept busy past the deadline is not an outage.
      timer = setTimeout(() => setImmediate(() => reject(new Error(`no answer within ${PROBE_DEADLINE_MS} ms`))), PROBE_DEADLINE_MS);
    });
    try {
      await Promise.race([this.query(), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async query(): Promise<void> {
    if (!this.client) {
      const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'alliances-health-probe' });
      client.on('error', () => this.client === client && this.drop());
      this.client = client;
      await client.connect();
    }
    await this.client.query('SELECT 1');
  }

  /** Forgets the probe connection; a stuck socket is destroyed rather than closed politely. */
  private drop(): void {
    const client = this.client as (Client & { connection?: { stream?: { destroy(): void } } }) | undefined;
    this.client = undefined;
    client?.connection?.stream?.destroy();
  }

  private mark(up: boolean, error?: Error): void {
    if (up === this.up) return;
    this.up = up;
    if (!up) {
      this.lostAt = Date.now();
      this.logger.error(`database unreachable (${error?.message ?? 'unknown'}): answering 503 until it is back`);
      this.lost$.next();
    } else {
      this.logger.log(`database reachable again after ${Date.now() - this.lostAt} ms`);
    }
  }
}
