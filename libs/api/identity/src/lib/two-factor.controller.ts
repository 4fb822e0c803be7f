import { Body, Controller, Delete, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ClientIp, CurrentUser, DomainException, Public, type AuthUser } from '@alliances/api/core';
import { IdentityErrorCode, type LoginResponse, type RecoveryCodesResponse, type TotpSetupResponse } from '@alliances/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AllowedDuringTwoFactorSetup } from './jwt-auth.guard';
import { SignInService, signInContextOf } from './sign-in.service';
import { TwoFactorService } from './two-factor.service';
import { MfaLoginDto, TotpCodeDto } from './two-factor.dto';
import { UsersService } from './users.service';

/**
 * `/me/totp`: the person's own two-step sign-in. A restricted session may use all of it: it is what it
 * is for. Throttled per account as the sign-in is, so that a stolen session cannot guess codes to turn it off.
 */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me/totp')
@AllowedDuringTwoFactorSetup()
@UseGuards(ThrottlerGuard)
export class TwoFactorController {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @Post()
  @ApiOperation({
    summary: 'Start setting up TOTP two-step sign-in',
    description:
      'A new secret (base32) and its otpauth:// URL for the QR code; nothing changes until a code made from it is confirmed. Replaces an unconfirmed secret. 409 auth.totp_already_enabled once confirmed.',
  })
  @ApiCreatedResponse({ description: '{secret, otpauthUrl}' })
  @ApiConflictResponse({ description: 'auth.totp_already_enabled' })
  setup(@CurrentUser() user: AuthUser): Promise<TotpSetupResponse> {
    return this.twoFactor.begin(user);
  }

  @Post('confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm the new secret with a current code',
    description:
      'Two-step sign-in is on from now; answers ten single-use recovery codes, shown once. 400 auth.totp_invalid for a wrong code. A restricted session refreshes next to get a full access token. Audited (auth.totp_enabled).',
  })
  @ApiOkResponse({ description: '{recoveryCodes}' })
  async confirm(@CurrentUser() user: AuthUser, @Body() body: TotpCodeDto, @ClientIp() ip: string | null): Promise<RecoveryCodesResponse> {
    return { recoveryCodes: await this.twoFactor.confirm(user, body.code, ip) };
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Turn two-step sign-in off',
    description:
      'With a current code or an unused recovery code (400 auth.totp_invalid otherwise). 409 auth.totp_not_enabled when it is off, 409 auth.two_factor_required while a rule (platform administrator, organisation) requires it. Audited (auth.totp_disabled).',
  })
  @ApiNoContentResponse()
  async disable(@CurrentUser() user: AuthUser, @Body() body: TotpCodeDto, @ClientIp() ip: string | null): Promise<void> {
    await this.twoFactor.disable(user, body.code, ip);
  }

  @Post('recovery-codes')
  @ApiOperation({
    summary: 'New recovery codes',
    description:
      'With a current code or an unused recovery code: ten new codes, the earlier ones stop working. 409 auth.totp_not_enabled when two-step sign-in is off. Audited (auth.recovery_codes_regenerated).',
  })
  @ApiCreatedResponse({ description: '{recoveryCodes}' })
  async regenerate(
    @CurrentUser() user: AuthUser,
    @Body() body: TotpCodeDto,
    @ClientIp() ip: string | null,
  ): Promise<RecoveryCodesResponse> {
    return { recoveryCodes: await this.twoFactor.regenerate(user, body.code, ip) };
  }
}

/** The second step of a sign-in. Throttled as `/auth/login` is; each challenge also takes five codes at most. */
@ApiTags('auth')
@Controller('auth/login')
@UseGuards(ThrottlerGuard)
export class TwoFactorLoginController {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly users: UsersService,
    private readonly signIn: SignInService,
  ) {}

  @Public()
  @Post('mfa')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Answer the second-step challenge of a sign-in',
    description:
      'The mfaToken the sign-in answered and a current TOTP code or an unused recovery code: the session opens (as /auth/login does). A wrong code, an expired (5 minutes), used or dead (5 wrong codes) challenge: 401 auth.mfa_invalid. Wrong codes are audited (auth.mfa_failed).',
  })
  @ApiOkResponse({ description: 'An access token in the body, a refresh token in an httpOnly cookie.' })
  @ApiUnauthorizedResponse({ description: 'auth.mfa_invalid' })
  @ApiTooManyRequestsResponse({
    description: 'Too many attempts from this address, or auth.mfa_rate_limited: 10 wrong codes for the account within an hour.',
  })
  async answer(
    @Body() body: MfaLoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const { userId, method, factor } = await this.twoFactor.answer(body.mfaToken, body.code, request.ip ?? null);
    const user = await this.users.findActiveById(userId);
    if (!user) throw new DomainException(IdentityErrorCode.AccountDisabled, 'This account is disabled');
    return this.signIn.openSession(user, signInContextOf(request), reply, method, { secondFactor: factor });
  }
}
