import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ClientIp, CurrentUser, IdParam, type AuthUser } from '@alliances/api/core';
import type { AccountSession, RevokeSessionsResponse } from '@alliances/shared/contracts';
import { SessionsService } from './sessions.service';

/** The caller's signed-in devices. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  list(@CurrentUser() caller: AuthUser): Promise<{ items: AccountSession[]; nextCursor: null }> {
    return this.sessions.list(caller);
  }

  /** Every session but the current one. */
  @Delete()
  @HttpCode(200)
  revokeOthers(@CurrentUser() caller: AuthUser, @ClientIp() ip: string | null): Promise<RevokeSessionsResponse> {
    return this.sessions.revokeOthers(caller, ip);
  }

  @Delete(':id')
  @HttpCode(204)
  revoke(@CurrentUser() caller: AuthUser, @Param() { id }: IdParam, @ClientIp() ip: string | null): Promise<void> {
    return this.sessions.revoke(caller, id, ip);
  }
}
