import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@alliances/api/core';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** `doc` names the kind of live document (charter, minutes…), `key` the document of that kind. */
export type RelayMessage =
  { kind: 'update'; doc: string; key: string; updateId: string } | { kind: 'awareness'; doc: string; key: string; payload: string };

/**
 * Carries live-document activity (every kind) between API instances sharing one database: PostgreSQL LISTEN/NOTIFY
 * (journal ids, so a receiver reads the update from the database; awareness inline). The embedded
 * database serves one instance only, so there the relay stays local.
 */
@Injectable()
export class LiveRelay implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('LiveRelay');
  private readonly instanceId = randomUUID();
  private readonly channel = 'live_docs_relay';
  private listener: Client | undefined;
  private publisher: Client | undefined;
  private handlers: ((message: RelayMessage) => void)[] = [];
  private resyncHandlers: (() => void)[] = [];
  private stopping = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.databaseUrl) return;
    await this.connect();
  }

  private async connect(): Promise<void> {
    const listener = new Client({ connectionString: this.config.databaseUrl, application_name: 'alliances-live-relay' });
    const publisher = new Client({ connectionString: this.config.databaseUrl, application_name: 'alliances-live-relay' });
    const reconnect = (error?: Error) => {
      if (this.stopping || this.listener !== listener) return;
      this.logger.warn(`relay connection lost (${error?.message ?? 'closed'}); reconnecting`);
      this.listener = undefined;
      this.publisher = undefined;
      void listener.end().catch(() => undefined);
      void publisher.end().catch(() => undefined);
      setTimeout(
        () =>
          void this.connect()
            .then(() => this.resyncHandlers.forEach((h) => h()))
            .catch((e: Error) => reconnect(e)),
        1000,
      ).unref();
    };
    listener.on('error', reconnect);
    listener.on('end', () => reconnect());
    publisher.on('error', () => undefined);
    listener.on('notification', (n) => {
      if (!n.payload) return;
      try {
        const message = JSON.parse(n.payload) as RelayMessage & { from: string };
        if (message.from === this.instanceId) return;
        for (const handler of this.handlers) handler(message);
      } catch {
        this.logger.warn('unreadable relay message ignored');
      }
    });
    try {
      await listener.connect();
      await publisher.connect();
      await listener.query(`LISTEN ${this.channel}`);
      this.listener = listener;
      this.publisher = publisher;
    } catch (error) {
      this.listener = listener;
      reconnect(error as Error);
    }
  }

  onMessage(handler: (message: RelayMessage) => void): void {
    this.handlers.push(handler);
  }

  /** Called after a reconnection: notifications may have been missed, so loaded documents re-read the journal. */
  onResync(handler: () => void): void {
    this.resyncHandlers.push(handler);
  }

  async publish(message: RelayMessage): Promise<void> {
    if (!this.publisher) return;
    const payload = JSON.stringify({ ...message, from: this.instanceId });
    if (Buffer.byteLength(payload) > 7900) return; // NOTIFY payloads stop at 8000 bytes; awareness is best effort.
    await this.publisher
      .query('SELECT pg_notify($1, $2)', [this.channel, payload])
      .catch((e: Error) => this.logger.warn(`relay publish failed: ${e.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all([this.listener?.end().catch(() => undefined), this.publisher?.end().catch(() => undefined)]);
  }
}
