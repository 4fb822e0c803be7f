import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientIp, CurrentUser, csvDocument, IdParam, type AuthUser } from '@alliances/api/core';
import type { Contribution, Grant, Portfolio } from '@alliances/shared/contracts';
import type { FastifyReply } from 'fastify';
import { CreateContributionDto, CreateGrantDto, PortfolioQuery, ReviewReportDto, SubmitReportDto, TrancheStatusDto } from './funding.dto';
import { FundingService } from './funding.service';

@ApiTags('funding')
@ApiBearerAuth()
@Controller()
export class FundingController {
  constructor(private readonly funding: FundingService) {}

  @Post('alliances/:id/grants')
  @ApiOperation({ summary: 'A funder organisation admin records a grant with tranches and reporting milestones' })
  createGrant(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: CreateGrantDto,
    @ClientIp() ip: string | null,
  ): Promise<Grant> {
    return this.funding.createGrant(user, id, body, ip);
  }

  @Get('alliances/:id/grants')
  grants(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<Grant[]> {
    return this.funding.grants(user, id);
  }

  @Patch('tranches/:id')
  tranche(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: TrancheStatusDto,
    @ClientIp() ip: string | null,
  ): Promise<Grant> {
    return this.funding.setTrancheStatus(user, id, body.status, ip);
  }

  @Post('reports/:id/submission')
  @HttpCode(200)
  submit(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: SubmitReportDto,
    @ClientIp() ip: string | null,
  ): Promise<Grant> {
    return this.funding.submitReport(user, id, body.submission, ip);
  }

  @Post('reports/:id/review')
  @HttpCode(200)
  review(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: ReviewReportDto,
    @ClientIp() ip: string | null,
  ): Promise<Grant> {
    return this.funding.reviewReport(user, id, body.approved, body.comment, ip);
  }

  @Post('alliances/:id/contributions')
  addContribution(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: CreateContributionDto,
    @ClientIp() ip: string | null,
  ): Promise<Contribution> {
    return this.funding.addContribution(user, id, body, ip);
  }

  @Get('alliances/:id/contributions')
  contributions(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<Contribution[]> {
    return this.funding.contributions(user, id);
  }

  @Get('organisations/:id/portfolio')
  @ApiOperation({
    summary:
      'Funded alliances with money committed and paid, next tranche, next report (overdue first), objective statuses, latest evaluation; ?format=csv',
  })
  async portfolio(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Query() query: PortfolioQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Portfolio | string> {
    const portfolio = await this.funding.portfolio(user, id, query);
    if (query.format !== 'csv') return portfolio;
    const header = [
      'alliance',
      'status',
      'committed',
      'paid',
      'currency',
      'next_tranche_due',
      'next_tranche_amount',
      'next_report',
      'next_report_due',
      'report_overdue',
      'evaluation_mean',
      'evaluation_trend',
      'contributions_valuation',
    ];
    const rows = portfolio.entries.map((e) => [
      e.allianceName,
      e.status,
      e.committed,
      e.paid,
      e.currency,
      e.nextTranche?.dueOn ?? '',
      e.nextTranche?.amount ?? '',
      e.nextReport?.title ?? '',
      e.nextReport?.dueOn ?? '',
      e.nextReport?.overdue ? 'yes' : '',
      e.latestEvaluation?.mean?.toFixed(2) ?? '',
      e.latestEvaluation?.delta?.toFixed(2) ?? '',
      e.contributionsValuation,
    ]);
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="portefeuille.csv"');
    return csvDocument([header, ...rows]);
  }
}
