import { Body, Controller, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { SkipThrottle, Throttle, ThrottlerGuard } from '@nestjs/throttler';
import {
  APP_CONFIG,
  AuditService,
  ClientIp,
  disconnectSessions,
  CurrentUser,
  DomainException,
  Public,
  type AppConfig,
  type AuthUser,
} from '@alliances/api/core';
import { IdentityErrorCode, type RefreshResponse, type SignInResponse, type User } from '@alliances/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LoginDto, RegisterDto } from './auth.dto';
import { AllowedDuringTwoFactorSetup } from './jwt-auth.guard';
import { PasswordService } from './password.service';
import { REFRESH_COOKIE, SignInService, signInContextOf } from './sign-in.service';
import { ACCESS_TOKEN_TTL_SECONDS, TokensService } from './tokens.service';
import { TwoFactorGate } from './two-factor-gate';
import { toUser, UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
@UseGuards(ThrottlerGuard)
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokensService,
    private readonly signIn: SignInService,
    private readonly gate: TwoFactorGate,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('register')
  @ApiCreatedResponse({ description: 'The account is created; sign in next.' })
  async register(@Body() body: RegisterDto, @ClientIp() ip: string | null): Promise<{ user: User }> {
    return { user: toUser(await this.users.register(body, ip)) };
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ description: 'An access token in the body, a refresh token in an httpOnly cookie.' })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password, or a disabled account.' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address or on this account.' })
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResponse> {
    const user = await this.users.findWithPassword(body.email);
    const ok = await this.passwords.verify(user?.passwordHash, body.password);
    if (!user || !ok) {
      await this.audit.record({
        actorId: user?.id ?? null,
        action: 'auth.login_failed',
        objectType: 'user',
        objectId: user?.id ?? null,
        ip: request.ip,
        details: { email: body.email.toLowerCase() },
      });
      throw new DomainException(IdentityErrorCode.InvalidCredentials, 'Wrong email or password');
    }
    if (user.disabledAt) throw new DomainException(IdentityErrorCode.AccountDisabled, 'This account is disabled');
    return this.signIn.afterFirstFactor(user, signInContextOf(request), reply, 'password');
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @Throttle({ account: { limit: 1000, ttl: 60_000 } })
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiOkResponse({ description: 'A new access token; the refresh cookie is rotated.' })
  async refresh(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<RefreshResponse> {
    const presented = request.cookies?.[REFRESH_COOKIE];
    if (!presented) throw new DomainException(IdentityErrorCode.RefreshInvalid, 'No session');
    try {
      const { userId, familyId, refreshToken } = await this.tokens.rotate(presented, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      const user = await this.users.findActiveById(userId);
      if (!user) {
        await this.tokens.revokeAllOf(userId);
        throw new DomainException(IdentityErrorCode.AccountDisabled, 'This account is disabled');
      }
      this.signIn.setRefreshCookie(reply, refreshToken);
      const twoFactorSetupRequired = await this.gate.setupRequired(userId);
      return {
        accessToken: this.tokens.accessToken(userId, { sessionId: familyId, twoFactorSetupRequired }),
        expiresIn: ACCESS_TOKEN_TTL_SECONDS,
        ...(twoFactorSetupRequired ? { twoFactorSetupRequired } : {}),
      };
    } catch (error) {
      this.signIn.clearRefreshCookie(reply);
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @AllowedDuringTwoFactorSetup()
  // No email in the body: the per-account limit would count per address and lock out colleagues behind one NAT.
  @SkipThrottle({ account: true })
  @ApiBearerAuth()
  async logout(
    @CurrentUser() user: AuthUser,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const presented = request.cookies?.[REFRESH_COOKIE];
    // Only the caller's own session family; a cookie of somebody else is ignored.
    const revoked: (string | null)[] = [];
    if (presented && (await this.tokens.userOf(presented)) === user.id) revoked.push(await this.tokens.revokeFamilyOf(presented));
    // The session of the access token too: a copy of it must not outlive the sign-out.
    if (user.sessionId) {
      await this.tokens.revokeFamily(user.sessionId);
      revoked.push(user.sessionId);
    }
    disconnectSessions(revoked.filter((id): id is string => id !== null));
    await this.audit.record({ actorId: user.id, action: 'auth.logout', objectType: 'user', objectId: user.id, ip: request.ip });
    this.signIn.clearRefreshCookie(reply);
  }
}
