import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@alliances/api/core';
import type { NotificationsPage } from '@alliances/shared/contracts';
import { MarkReadDto, NotificationsQuery } from './notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: NotificationsQuery): Promise<NotificationsPage> {
    return this.notifications.list(user.id, query.limit, query.cursor);
  }

  @Post('read')
  @HttpCode(200)
  async read(@CurrentUser() user: AuthUser, @Body() body: MarkReadDto): Promise<{ unread: number }> {
    return { unread: await this.notifications.markRead(user.id, body?.ids) };
  }
}
