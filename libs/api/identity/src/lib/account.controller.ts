import { Body, Controller, Delete, Get, HttpCode, Patch, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ClientIp, CurrentUser, type AuthUser } from '@alliances/api/core';
import type { MeResponse } from '@alliances/shared/contracts';
import type { FastifyReply } from 'fastify';
import { AccountService } from './account.service';
import { DeleteAccountDto, UpdateMeDto } from './auth.dto';
import { AllowedDuringTwoFactorSetup } from './jwt-auth.guard';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Get()
  @AllowedDuringTwoFactorSetup()
  me(@CurrentUser() caller: AuthUser): Promise<MeResponse> {
    return this.account.me(caller);
  }

  @Patch()
  update(@CurrentUser() caller: AuthUser, @Body() body: UpdateMeDto): Promise<MeResponse> {
    return this.account.update(caller, body);
  }

  /** RGPD right of access: everything the product holds about the caller, as JSON. */
  @Get('export')
  async export(@CurrentUser() caller: AuthUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<Record<string, unknown>> {
    const data = await this.account.export(caller);
    reply.header('content-disposition', 'attachment; filename="alliances-my-data.json"');
    return data;
  }

  /** RGPD erasure (see AccountService.delete). */
  @Delete()
  @HttpCode(204)
  delete(@CurrentUser() caller: AuthUser, @Body() body: DeleteAccountDto, @ClientIp() ip: string | null): Promise<void> {
    return this.account.delete(caller, body, ip);
  }
}
