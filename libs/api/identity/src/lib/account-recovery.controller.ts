import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiGoneResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { ClientIp, Public } from '@alliances/api/core';
import type { ConfirmEmailResponse, SignInResponse } from '@alliances/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ConfirmEmailDto, ForgotPasswordDto, ResetPasswordDto } from './account-recovery.dto';
import { AccountRecoveryService } from './account-recovery.service';
import { signInContextOf } from './sign-in.service';

/** The links of the account mails: the forgotten password and the confirmation of a new address. */
@ApiTags('auth')
@Controller('auth')
// The 'ip' and 'account' (the email of the body) throttlers of IdentityModule, as for the sign-in.
@UseGuards(ThrottlerGuard)
export class AccountRecoveryController {
  constructor(private readonly recovery: AccountRecoveryService) {}

  @Public()
  @Post('password/forgot')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'Always, whether or not an account uses the address: a reset link is mailed if one does.' })
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this address or for this email.' })
  forgot(@Body() body: ForgotPasswordDto, @ClientIp() ip: string | null): void {
    this.recovery.requestPasswordReset(body.email, ip);
  }

  @Public()
  @Post('password/reset')
  @HttpCode(200)
  // No email in the body: per address only. A link is 256 random bits, nothing to guess; the per-account
  // limit would count per client address for a quarter of an hour and lock out colleagues behind one NAT.
  @SkipThrottle({ account: true })
  @ApiOkResponse({ description: 'The password is changed, every session revoked; the answer is that of a sign-in.' })
  @ApiGoneResponse({ description: 'auth.reset_token_invalid: unknown, expired or used link.' })
  reset(
    @Body() body: ResetPasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResponse> {
    return this.recovery.resetPassword(body, signInContextOf(request), reply);
  }

  @Public()
  @Post('email/confirm')
  @HttpCode(200)
  @SkipThrottle({ account: true })
  @ApiOkResponse({ description: 'The new address is the account’s.' })
  @ApiGoneResponse({ description: 'auth.email_token_invalid: unknown, expired or used link.' })
  confirmEmail(@Body() body: ConfirmEmailDto, @ClientIp() ip: string | null): Promise<ConfirmEmailResponse> {
    return this.recovery.confirmEmail(body.token, ip);
  }
}
