import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientIp, CurrentUser, IdParam, type AuthUser } from '@alliances/api/core';
import { AlliancePolicy } from '@alliances/api/alliances';
import type {
  CampaignSummary,
  EvaluationAction,
  EvaluationCampaign,
  EvaluationResults,
  EvaluationTemplate,
  CampaignTrend,
  MyResponse,
} from '@alliances/shared/contracts';
import type { FastifyReply } from 'fastify';
import {
  ActionDoneDto,
  CopyTemplateDto,
  CreateActionDto,
  ExportQuery,
  LaunchCampaignDto,
  SaveResponseDto,
  SetQuestionsDto,
} from './evaluations.dto';
import { EvaluationsService } from './evaluations.service';
import { resultsToCsv, resultsToPdf } from './results-export';

@ApiTags('evaluation')
@ApiBearerAuth()
@Controller()
export class EvaluationsController {
  constructor(
    private readonly evaluations: EvaluationsService,
    private readonly policy: AlliancePolicy,
  ) {}

  @Get('alliances/:id/evaluation-templates')
  templates(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<EvaluationTemplate[]> {
    return this.evaluations.templates(user, id);
  }

  @Post('alliances/:id/evaluation-templates')
  copyTemplate(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: CopyTemplateDto,
    @ClientIp() ip: string | null,
  ): Promise<EvaluationTemplate> {
    return this.evaluations.copyTemplate(user, id, body, ip);
  }

  @Put('evaluation-templates/:id/questions')
  setQuestions(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: SetQuestionsDto,
    @ClientIp() ip: string | null,
  ): Promise<EvaluationTemplate> {
    return this.evaluations.setQuestions(user, id, body.questions, ip);
  }

  @Post('alliances/:id/evaluations')
  @ApiOperation({ summary: 'Launch a campaign (lead): every member of every lead and partner organisation is invited' })
  launch(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: LaunchCampaignDto,
    @ClientIp() ip: string | null,
  ): Promise<EvaluationCampaign> {
    return this.evaluations.launch(user, id, body, ip);
  }

  @Get('alliances/:id/evaluations')
  list(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<CampaignSummary[]> {
    return this.evaluations.list(user, id);
  }

  @Get('evaluations/:id')
  get(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<EvaluationCampaign> {
    return this.evaluations.get(user, id);
  }

  @Get('evaluations/:id/responses/me')
  mine(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<MyResponse> {
    return this.evaluations.myResponse(user, id);
  }

  @Put('evaluations/:id/responses/me')
  @ApiOperation({ summary: 'Save a draft, or submit with submit: true; answers can change until the close' })
  save(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: SaveResponseDto,
    @ClientIp() ip: string | null,
  ): Promise<MyResponse> {
    return this.evaluations.saveResponse(user, id, body, ip);
  }

  @Post('evaluations/:id/close')
  @HttpCode(200)
  close(@CurrentUser() user: AuthUser, @Param() { id }: IdParam, @ClientIp() ip: string | null): Promise<EvaluationCampaign> {
    return this.evaluations.close(user, id, ip);
  }

  @Get('evaluations/:id/results')
  @ApiOperation({ summary: 'Aggregated results, after the close only; an organisation’s mean shows from the respondent threshold' })
  results(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<EvaluationResults> {
    return this.evaluations.results(user, id);
  }

  @Get('alliances/:id/evaluation-trend')
  @ApiOperation({
    summary: 'Every closed campaign, oldest first, with its dimension, group and focus means (from the respondent threshold)',
  })
  trend(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<CampaignTrend> {
    return this.evaluations.trend(user, id);
  }

  @Get('evaluations/:id/results/export')
  async export(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Query() query: ExportQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const [campaign, results] = await Promise.all([this.evaluations.get(user, id), this.evaluations.results(user, id)]);
    const { alliance } = await this.policy.readable(user, campaign.allianceId);
    const organisations = results.dimensions[0]?.byOrganisation ?? [];
    if ((query.format ?? 'csv') === 'csv') {
      void reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="evaluation-resultats.csv"')
        .send(resultsToCsv(results, organisations, user.locale));
      return;
    }
    const pdf = await resultsToPdf(campaign.title, alliance.name, results, user.locale);
    void reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', 'attachment; filename="evaluation-resultats.pdf"')
      .send(pdf);
  }

  @Get('evaluations/:id/actions')
  actions(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<EvaluationAction[]> {
    return this.evaluations.actions(user, id);
  }

  @Post('evaluations/:id/actions')
  addAction(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: CreateActionDto,
    @ClientIp() ip: string | null,
  ): Promise<EvaluationAction> {
    return this.evaluations.addAction(user, id, body, ip);
  }

  @Patch('evaluation-actions/:id')
  setDone(@CurrentUser() user: AuthUser, @Param() { id }: IdParam, @Body() body: ActionDoneDto): Promise<EvaluationAction> {
    return this.evaluations.setActionDone(user, id, body.done);
  }
}
