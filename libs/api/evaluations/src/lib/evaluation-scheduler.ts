import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@alliances/api/core';
import { EvaluationsService } from './evaluations.service';

/** Closes campaigns at their date and sends reminders, every SCHEDULER_INTERVAL_MS on every instance (the SQL claims work once). */
@Injectable()
export class EvaluationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EvaluationScheduler');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly evaluations: EvaluationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.run(), this.config.schedulerIntervalMs);
    this.timer.unref();
  }

  private run(): void {
    if (this.running) return;
    this.running = this.evaluations
      .tick()
      .then(({ closed, reminded }) => (closed || reminded) && this.logger.log(`closed ${closed} campaign(s), sent ${reminded} reminder(s)`))
      .catch((e: Error) => this.logger.warn(`scheduled evaluation work failed: ${e.message}`))
      .finally(() => (this.running = undefined));
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
