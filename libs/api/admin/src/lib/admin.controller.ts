import { Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ClientIp, CurrentUser, type AuthUser } from '@alliances/api/core';
import { PlatformAdminGuard } from '@alliances/api/identity';
import type { AdminUser, Page, PlatformFigures } from '@alliances/shared/contracts';
import { UserIdParam, UsersQuery } from './admin.dto';
import { AdminService } from './admin.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
@UseGuards(PlatformAdminGuard)
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Get('users')
  users(@Query() query: UsersQuery): Promise<Page<AdminUser>> {
    return this.admin.users(query);
  }

  @Post('users/:id/disable')
  @HttpCode(204)
  disable(@CurrentUser() user: AuthUser, @Param() { id }: UserIdParam, @ClientIp() ip: string | null): Promise<void> {
    return this.admin.setDisabled(user, id, true, ip);
  }

  @Post('users/:id/enable')
  @HttpCode(204)
  enable(@CurrentUser() user: AuthUser, @Param() { id }: UserIdParam, @ClientIp() ip: string | null): Promise<void> {
    return this.admin.setDisabled(user, id, false, ip);
  }

  @Get('figures')
  figures(): Promise<PlatformFigures> {
    return this.admin.figures();
  }
}
