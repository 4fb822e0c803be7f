import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { ClientIp, CurrentUser, type AuthUser } from '@alliances/api/core';
import type { AccountSecurity } from '@alliances/shared/contracts';
import { ChangeEmailDto, ChangePasswordDto } from './account-recovery.dto';
import { AccountRecoveryService } from './account-recovery.service';
import { AllowedDuringTwoFactorSetup } from './jwt-auth.guard';

/** Guessing the current password through these routes is throttled per signed-in person. */
const perPerson = {
  account: { getTracker: (req: Record<string, unknown>) => `user:${String((req['user'] as AuthUser | undefined)?.id)}` },
};

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class AccountSecurityController {
  constructor(private readonly recovery: AccountRecoveryService) {}

  /** The account page reads it while a restricted session sets two-step sign-in up. */
  @Get('security')
  @AllowedDuringTwoFactorSetup()
  security(@CurrentUser() caller: AuthUser): Promise<AccountSecurity> {
    return this.recovery.security(caller);
  }

  @Post('password')
  @HttpCode(204)
  @UseGuards(ThrottlerGuard)
  @Throttle(perPerson)
  changePassword(@CurrentUser() caller: AuthUser, @Body() body: ChangePasswordDto, @ClientIp() ip: string | null): Promise<void> {
    return this.recovery.changePassword(caller, body, ip);
  }

  @Post('email')
  @HttpCode(202)
  @UseGuards(ThrottlerGuard)
  @Throttle(perPerson)
  changeEmail(@CurrentUser() caller: AuthUser, @Body() body: ChangeEmailDto, @ClientIp() ip: string | null): Promise<void> {
    return this.recovery.requestEmailChange(caller, body, ip);
  }
}
