import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** What the API needs of the embedded server at shutdown (see embedded-postgres.ts). */
export interface EmbeddedDatabaseHandle {
  stop(): Promise<void>;
}

export const EMBEDDED_DATABASE = Symbol('EMBEDDED_DATABASE');

/**
 * Stops the embedded server last: Nest calls this after the HTTP drain and the sockets' close; the
 * pool is closed first so the server's fast shutdown interrupts no one. With DATABASE_URL, nothing.
 */
@Injectable()
export class EmbeddedDatabaseLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');

  constructor(
    @Inject(EMBEDDED_DATABASE) private readonly embedded: EmbeddedDatabaseHandle | null,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.embedded) return;
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.embedded.stop();
    this.logger.log('Embedded PostgreSQL server stopped');
  }
}
