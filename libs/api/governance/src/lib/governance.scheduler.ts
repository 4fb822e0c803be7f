import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ScheduledJobs } from '@alliances/api/core';
import { ActionsService } from './actions.service';
import { DecisionsService } from './decisions.service';

/** Closes decisions at their date and recalls actions due: two scheduled jobs, each shown in the platform console. */
@Injectable()
export class GovernanceScheduler implements OnModuleInit {
  private readonly logger = new Logger('GovernanceScheduler');

  constructor(
    private readonly decisions: DecisionsService,
    private readonly actions: ActionsService,
    private readonly jobs: ScheduledJobs,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      name: 'decision_closing',
      run: async () => {
        const closed = await this.decisions.closeDue();
        if (closed) this.logger.log(`closed ${closed} decision(s)`);
        return { closed };
      },
    });
    this.jobs.define({
      name: 'action_reminders',
      run: async () => {
        const reminded = await this.actions.remindDue();
        if (reminded) this.logger.log(`recalled ${reminded} action(s) due`);
        return { reminded };
      },
    });
  }
}
