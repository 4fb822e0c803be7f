import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { APP_CONFIG } from '../config/config.tokens';
import type { AppConfig } from '../config/app-config';

/**
 * Graceful shutdown, step one: on SIGTERM the health route turns 503 so a load balancer stops
 * sending traffic, and only after the drain delay does Nest close the server (Fastify then lets
 * in-flight requests finish before the database pool is closed).
 */
@Injectable()
export class ShutdownState implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  private drainingSince: number | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.drainingSince = Date.now();
    this.logger.log(`${signal ?? 'close'} received: draining for ${this.config.shutdownDrainMs} ms`);
    if (this.config.shutdownDrainMs > 0) await sleep(this.config.shutdownDrainMs);
  }
}
