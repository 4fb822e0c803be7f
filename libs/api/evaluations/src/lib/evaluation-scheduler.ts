import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ScheduledJobs } from '@alliances/api/core';
import { EvaluationScheduleService } from './evaluation-schedule.service';
import { EvaluationsService } from './evaluations.service';

/** Closes campaigns at their date and sends reminders before it (and of actions due): two scheduled jobs, so each shows and fails on its own. */
@Injectable()
export class EvaluationScheduler implements OnModuleInit {
  private readonly logger = new Logger('EvaluationScheduler');

  constructor(
    private readonly evaluations: EvaluationsService,
    private readonly jobs: ScheduledJobs,
    private readonly schedule: EvaluationScheduleService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      name: 'evaluation_closing',
      run: async () => {
        const closed = await this.evaluations.closeDue();
        if (closed) this.logger.log(`closed ${closed} campaign(s)`);
        return { closed };
      },
    });
    this.jobs.define({
      name: 'evaluation_reminders',
      run: async () => {
        const reminded = await this.evaluations.sendReminders();
        if (reminded) this.logger.log(`sent ${reminded} reminder(s)`);
        const actionsDue = await this.evaluations.remindDueActions();
        if (actionsDue) this.logger.log(`recalled ${actionsDue} action(s) due`);
        return { reminded, actionsDue };
      },
    });
    // The evaluation rhythm of each alliance (issue 18): the due campaigns launch by themselves.
    this.jobs.define({
      name: 'evaluation_scheduled_launch',
      run: async () => {
        const { launched } = await this.schedule.launchDue();
        if (launched) this.logger.log(`launched ${launched} scheduled campaign(s)`);
        return { launched };
      },
    });
  }
}
