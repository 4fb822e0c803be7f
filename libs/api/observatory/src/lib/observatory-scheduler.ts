import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ScheduledJobs } from '@alliances/api/core';
import { ObservatoryAggregates } from './observatory-aggregates';

/** Rebuilds the observatory's aggregates on the scheduler's tick: evaluations closed, objectives moved, partners who joined since. */
@Injectable()
export class ObservatoryScheduler implements OnModuleInit {
  private readonly logger = new Logger('ObservatoryScheduler');

  constructor(
    private readonly aggregates: ObservatoryAggregates,
    private readonly jobs: ScheduledJobs,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      name: 'observatory_refresh',
      run: async () => {
        const started = Date.now();
        const rebuilt = await this.aggregates.rebuild();
        this.logger.debug(`observatory rebuilt in ${Date.now() - started} ms`);
        return rebuilt;
      },
    });
  }
}
