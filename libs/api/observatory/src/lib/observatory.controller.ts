import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { ClientIp, CurrentUser, IdParam, Public, type AuthUser } from '@alliances/api/core';
import type { AllianceBenchmark, ObservatoryParticipation, ObservatoryView } from '@alliances/shared/contracts';
import type { FastifyReply } from 'fastify';
import { OPEN_LICENCE, observatoryCsv } from './open-data';
import {
  ObservatoryConsentDto,
  ObservatoryConsentParams,
  ObservatoryQueryDto,
  PublicObservatoryQueryDto,
  SetParticipationDto,
} from './observatory.dto';
import { ObservatoryService } from './observatory.service';
import { ParticipationService } from './participation.service';

@ApiTags('observatory')
@ApiBearerAuth()
@Controller()
export class ObservatoryController {
  constructor(
    private readonly participation: ParticipationService,
    private readonly observatory: ObservatoryService,
  ) {}

  @Get('alliances/:id/observatory')
  @ApiOperation({ summary: 'The alliance’s participation in the observatory: opted in, each lead/partner organisation’s consent' })
  get(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<ObservatoryParticipation> {
    return this.participation.get(user, id);
  }

  @Put('alliances/:id/observatory')
  @ApiOperation({ summary: 'The lead opts the alliance in (every lead/partner organisation must then consent) or out' })
  set(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: SetParticipationDto,
    @ClientIp() ip: string | null,
  ): Promise<ObservatoryParticipation> {
    return this.participation.set(user, id, body.optIn, ip);
  }

  @Post('alliances/:id/observatory/consents')
  @HttpCode(200)
  @ApiOperation({ summary: 'An admin of a lead/partner organisation consents; the alliance counts once every one has' })
  consent(
    @CurrentUser() user: AuthUser,
    @Param() { id }: IdParam,
    @Body() body: ObservatoryConsentDto,
    @ClientIp() ip: string | null,
  ): Promise<ObservatoryParticipation> {
    return this.participation.consent(user, id, body.organisationId, ip);
  }

  @Delete('alliances/:id/observatory/consents/:organisationId')
  @ApiOperation({ summary: 'An admin of a lead/partner organisation withdraws its consent: the alliance leaves the observatory at once' })
  withdraw(
    @CurrentUser() user: AuthUser,
    @Param() { id, organisationId }: ObservatoryConsentParams,
    @ClientIp() ip: string | null,
  ): Promise<ObservatoryParticipation> {
    return this.participation.withdraw(user, id, organisationId, ip);
  }

  @Get('observatory')
  @ApiOperation({
    summary:
      'Aggregates of the alliances that opted in, by région, domain, category or collective objective; never a group of fewer than 5',
  })
  view(@CurrentUser() user: AuthUser, @Query() query: ObservatoryQueryDto): Promise<ObservatoryView> {
    return this.observatory.view(user, query);
  }

  @Get('alliances/:id/benchmark')
  @ApiOperation({ summary: 'The alliance’s latest evaluation beside the median and quartiles of similar alliances (from 5)' })
  benchmark(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<AllianceBenchmark> {
    return this.observatory.benchmark(user, id);
  }
}

/** The open data: public, the platform scope only, throttled per client address. */
@ApiTags('observatory')
@Controller('public')
@UseGuards(ThrottlerGuard)
export class PublicObservatoryController {
  constructor(private readonly observatory: ObservatoryService) {}

  @Public()
  @Get('observatory.json')
  @SkipThrottle({ account: true })
  @Throttle({ ip: { limit: 120, ttl: 60_000 } })
  @ApiOperation({ summary: 'Open data: the observatory’s platform aggregates as JSON, Licence Ouverte 2.0 (Etalab)' })
  async json(@Query() query: PublicObservatoryQueryDto): Promise<ObservatoryView & { licence: typeof OPEN_LICENCE }> {
    return { licence: OPEN_LICENCE, ...(await this.observatory.view(null, query)) };
  }

  @Public()
  @Get('observatory.csv')
  @SkipThrottle({ account: true })
  @Throttle({ ip: { limit: 120, ttl: 60_000 } })
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Open data: the observatory’s platform aggregates as CSV, Licence Ouverte 2.0 (Etalab)' })
  async csv(@Query() query: PublicObservatoryQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const view = await this.observatory.view(null, query);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="observatoire-alliances.csv"')
      .header('link', `<${OPEN_LICENCE.url}>; rel="license"; title="${OPEN_LICENCE.name}"`)
      .send(observatoryCsv(view));
  }
}
