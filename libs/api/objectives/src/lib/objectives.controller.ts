import { Body, Controller, Get, Param, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientIp, CurrentUser, IdParam, type AuthUser } from '@alliances/api/core';
import type { BenefitMatrix, CheckIn, Indicator, IndicatorDetail, Milestone, Objective } from '@alliances/shared/contracts';
import type { FastifyReply } from 'fastify';
import {
  BenefitDto,
  BenefitParams,
  CreateCheckInDto,
  CreateIndicatorDto,
  CreateMilestoneDto,
  CreateObjectiveDto,
  UpdateCheckInDto,
  UpdateIndicatorDto,
  UpdateMilestoneDto,
  UpdateObjectiveDto,
} from './objectives.dto';
import { ObjectivesService } from './objectives.service';

const STATUS_RULE =
  'progress = (value − baseline)/(target − baseline) from the latest check-in (by date), kept raw (may leave 0–1); status: achieved when progress ≥ 1; ' +
  'otherwise, with elapsed = share of the time between startDate and targetDate passed today (clamped to 0–1): on_track when progress ≥ elapsed − 0.1, ' +
  'at_risk when progress ≥ elapsed − 0.25, off_track below; no_data before the first check-in. An objective takes the worst status of its measured indicators.';

@ApiTags('objectives')
@ApiBearerAuth()
@Controller()
export class ObjectivesController {
  constructor(private readonly objectives: ObjectivesService) {}

  @Post('alliances/:id/objectives')
  create(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: CreateObjectiveDto,
    @ClientIp() ip: string | null,
  ): Promise<Objective> {
    return this.objectives.create(user, id, body, ip);
  }

  @Get('alliances/:id/objectives')
  @ApiOperation({ summary: 'Objectives with indicators, progress and status', description: STATUS_RULE })
  list(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<Objective[]> {
    return this.objectives.list(user, id);
  }

  @Get('alliances/:id/objectives/matrix')
  @ApiOperation({ summary: 'Mutual-benefit matrix: partners × objectives, with the magic-square parts each objective serves' })
  matrix(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<BenefitMatrix> {
    return this.objectives.matrix(user, id);
  }

  @Get('alliances/:id/objectives/export')
  @ApiOperation({ summary: 'CSV of indicators and check-ins' })
  async export(@CurrentUser() user: AuthUser, @Param() { id }: IdParam, @Res() reply: FastifyReply): Promise<void> {
    const csv = await this.objectives.exportCsv(user, id);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="objectifs-indicateurs.csv"')
      .send(csv);
  }

  @Patch('objectives/:id')
  update(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: UpdateObjectiveDto,
    @ClientIp() ip: string | null,
  ): Promise<Objective> {
    return this.objectives.update(user, id, body, ip);
  }

  @Put('objectives/:id/benefits/:organisationId')
  setBenefit(
    @CurrentUser() user: AuthUser,
    @Param() p: BenefitParams,
    @Body() body: BenefitDto,
    @ClientIp() ip: string | null,
  ): Promise<Objective> {
    return this.objectives.setBenefit(user, p.id, p.organisationId, body.squares, ip);
  }

  @Post('objectives/:id/indicators')
  addIndicator(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: CreateIndicatorDto,
    @ClientIp() ip: string | null,
  ): Promise<Indicator> {
    return this.objectives.addIndicator(user, id, body, ip);
  }

  @Post('objectives/:id/milestones')
  addMilestone(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: CreateMilestoneDto,
    @ClientIp() ip: string | null,
  ): Promise<Milestone> {
    return this.objectives.addMilestone(user, id, body, ip);
  }

  @Patch('milestones/:id')
  updateMilestone(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: UpdateMilestoneDto,
    @ClientIp() ip: string | null,
  ): Promise<Milestone> {
    return this.objectives.updateMilestone(user, id, body, ip);
  }

  @Get('indicators/:id')
  @ApiOperation({ summary: 'An indicator with its check-in history and planned trajectory', description: STATUS_RULE })
  indicator(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<IndicatorDetail> {
    return this.objectives.indicator(user, id);
  }

  @Patch('indicators/:id')
  updateIndicator(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: UpdateIndicatorDto,
    @ClientIp() ip: string | null,
  ): Promise<Indicator> {
    return this.objectives.updateIndicator(user, id, body, ip);
  }

  @Post('indicators/:id/checkins')
  @ApiOperation({ summary: 'Record a check-in; repeating a client-generated id returns the original with 200' })
  async checkIn(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: CreateCheckInDto,
    @ClientIp() ip: string | null,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CheckIn> {
    const { checkIn, created } = await this.objectives.checkIn(user, id, body, ip);
    void reply.status(created ? 201 : 200);
    return checkIn;
  }

  @Patch('checkins/:id')
  updateCheckIn(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: UpdateCheckInDto,
    @ClientIp() ip: string | null,
  ): Promise<CheckIn> {
    return this.objectives.updateCheckIn(user, id, body, ip);
  }
}
