import { Body, Controller, Get, Headers, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { NotificationPreferences } from '@alliances/shared/contracts';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Public, type AuthUser } from '@alliances/api/core';
import { UsersReader } from '@alliances/api/identity';
import { UnsubscribeQuery, UpdateNotificationPreferencesDto } from './notifications.dto';
import { NotificationPreferencesService } from './notification-preferences.service';
import { unsubscribePage } from './unsubscribe-page';
import type { UnsubscribeScope } from './unsubscribe-token';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  get(@CurrentUser() user: AuthUser): Promise<NotificationPreferences> {
    return this.preferences.of(user.id);
  }

  @Put()
  update(@CurrentUser() user: AuthUser, @Body() body: UpdateNotificationPreferencesDto): Promise<NotificationPreferences> {
    return this.preferences.update(user.id, body ?? {});
  }
}

/** The one-click unsubscribe link of every notification mail (RFC 8058): no sign-in, the signed token is the key. */
@ApiTags('notifications')
@Controller('notifications/unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly preferences: NotificationPreferencesService,
    private readonly users: UsersReader,
  ) {}

  /** The link opened in a browser: a confirmation page whose button posts (a mail scanner's GET changes nothing). */
  @Public()
  @Get()
  async confirm(
    @Query() query: UnsubscribeQuery,
    @Headers('accept-language') language: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    void reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store');
    let link: { userId: string; scope: UnsubscribeScope };
    try {
      link = this.preferences.verify(query.token);
    } catch {
      // A person opened it: a page in their browser's language rather than a JSON error.
      void reply.status(400);
      return unsubscribePage(/^en\b/i.test(language ?? '') ? 'en' : 'fr', { state: 'invalid' });
    }
    const locale = (await this.users.contacts([link.userId])).get(link.userId)?.locale;
    return unsubscribePage(locale === 'en' ? 'en' : 'fr', { state: 'confirm', scope: link.scope, token: query.token as string });
  }

  /** The mail client's one-click POST (body `List-Unsubscribe=One-Click`), or the page's button. */
  @Public()
  @Post()
  @HttpCode(200)
  async unsubscribe(@Query() query: UnsubscribeQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { userId, scope } = await this.preferences.unsubscribe(query.token as string);
    const locale = (await this.users.contacts([userId])).get(userId)?.locale;
    void reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store');
    return unsubscribePage(locale === 'en' ? 'en' : 'fr', { state: 'done', scope, token: query.token as string });
  }
}
