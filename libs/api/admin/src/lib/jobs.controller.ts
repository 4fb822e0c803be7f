import { Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AuditService, ClientIp, CurrentUser, NotFoundDomainException, ScheduledJobs, type AuthUser } from '@alliances/api/core';
import { PlatformAdminGuard } from '@alliances/api/identity';
import {
  SCHEDULED_JOB_NAMES,
  type Page,
  type ScheduledJobName,
  type ScheduledJobRetried,
  type ScheduledJobStatus,
} from '@alliances/shared/contracts';
import { IsIn } from 'class-validator';

export class JobNameParam {
  @ApiProperty({ enum: SCHEDULED_JOB_NAMES }) @IsIn(SCHEDULED_JOB_NAMES) name!: ScheduledJobName;
}

/** The scheduled jobs in the platform console: how each queue is doing, and failed runs tried again. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/jobs')
@UseGuards(PlatformAdminGuard)
@ApiNotFoundResponse({ description: 'Not a platform administrator (the console does not exist for others), or no such job.' })
export class AdminJobsController {
  constructor(
    private readonly jobs: ScheduledJobs,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOkResponse({
    description:
      'Every scheduled job (one page, `nextCursor` null): runs queued and active now, failed and completed in the last 24 hours, the last run, the last failure and when the next run is due.',
  })
  async list(): Promise<Page<ScheduledJobStatus>> {
    return { items: await this.jobs.status(), nextCursor: null };
  }

  @Post(':name/retry')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The failed runs of the last 12 hours are queued again, one more attempt each: `{retried}`.' })
  async retry(@CurrentUser() user: AuthUser, @Param() { name }: JobNameParam, @ClientIp() ip: string | null): Promise<ScheduledJobRetried> {
    if (!this.jobs.isDefined(name)) throw new NotFoundDomainException('job');
    const retried = await this.jobs.retryFailed(name);
    await this.audit.record({ actorId: user.id, action: 'job.retried', objectType: 'job', ip, details: { job: name, retried } });
    return { retried };
  }
}
