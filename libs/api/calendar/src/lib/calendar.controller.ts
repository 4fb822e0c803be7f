import { Controller, Delete, Get, Header, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { ClientIp, CurrentUser, IdParam, NotFoundDomainException, Public, type AuthUser } from '@alliances/api/core';
import type { CalendarTokenResponse } from '@alliances/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MeetingsReader } from '@alliances/api/meetings';
import { CalendarService } from './calendar.service';
import { toICalendar } from './icalendar';

/** The signed-in person's secret feed address (docs/api.md "Calendar"). */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('me/calendar-token')
export class CalendarTokenController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'The address of the personal iCalendar feed, created on the first call.' })
  async get(@CurrentUser() user: AuthUser, @ClientIp() ip: string | null): Promise<CalendarTokenResponse> {
    return { url: await this.calendar.url(user, ip) };
  }

  @Post()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'A new address; the previous one answers 404 at once.' })
  async regenerate(@CurrentUser() user: AuthUser, @ClientIp() ip: string | null): Promise<CalendarTokenResponse> {
    return { url: await this.calendar.regenerate(user, ip) };
  }

  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The address answers 404 from now on; the next GET creates a new one.' })
  revoke(@CurrentUser() user: AuthUser, @ClientIp() ip: string | null): Promise<void> {
    return this.calendar.revoke(user, ip);
  }
}

/** The feed itself: public, the token in the address is the secret. Throttled per client address, with room for calendar services that poll from shared addresses. */
@ApiTags('calendar')
@Controller('calendar')
@UseGuards(ThrottlerGuard)
export class CalendarFeedController {
  constructor(private readonly calendar: CalendarService) {}

  @Public()
  @Get(':file')
  @SkipThrottle({ account: true })
  // Calendar services (Google, Outlook) poll many people's feeds from a few shared addresses, as do offices
  // behind one NAT: far more than a sign-in's 30 a minute. The token is 32 random bytes: nothing to guess.
  @Throttle({ ip: { limit: 600, ttl: 60_000 } })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'The person’s iCalendar feed (RFC 5545).' })
  @ApiNotFoundResponse({ description: 'Unknown or revoked address, or an account disabled or deleted.' })
  async feed(
    @Param('file') file: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    if (!file.endsWith('.ics')) throw new NotFoundDomainException();
    const feed = await this.calendar.feed(file.slice(0, -'.ics'.length));
    reply
      .header('Content-Type', 'text/calendar; charset=utf-8')
      .header('Content-Disposition', 'inline; filename="alliances.ics"')
      // Calendar applications poll: five minutes of freshness, then a cheap revalidation.
      .header('Cache-Control', 'private, max-age=300')
      .header('ETag', feed.etag)
      .header('Last-Modified', feed.lastModified.toUTCString())
      .header('Referrer-Policy', 'no-referrer')
      .header('X-Robots-Tag', 'noindex');
    if (request.headers['if-none-match'] === feed.etag) {
      reply.status(304);
      return '';
    }
    return feed.body;
  }
}

/** One meeting as an `.ics` file, for those who don't subscribe to the feed (the same event, same UID). */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingCalendarController {
  constructor(
    private readonly meetings: MeetingsReader,
    private readonly calendar: CalendarService,
  ) {}

  @Get(':id/ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'The meeting as an iCalendar file (RFC 5545), to import into any calendar application.' })
  @ApiNotFoundResponse({ description: 'No such meeting, or not one of the caller’s alliances.' })
  async meeting(@CurrentUser() user: AuthUser, @Param() { id }: IdParam, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const entry = await this.meetings.entry(user, id);
    // Written before the headers: a failure must still answer as JSON, not as a text/calendar that cannot carry it.
    const body = toICalendar([entry], this.calendar.icalOptions(user));
    reply
      .header('Content-Type', 'text/calendar; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="meeting-${id}.ics"`)
      .header('Cache-Control', 'no-store');
    return body;
  }
}
