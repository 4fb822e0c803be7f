import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AuditService, type AppConfig } from '@alliances/api/core';
import type { LoginResponse, SignInMethod, SignInResponse } from '@alliances/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_DAYS, TokensService } from './tokens.service';
import { TwoFactorGate } from './two-factor-gate';
import type { UserEntity } from './user.entity';
import { toUser, UsersService } from './users.service';

export const REFRESH_COOKIE = 'alliances_refresh';
const COOKIE_PATH = '/api/auth';

export interface SignInContext {
  ip: string | null;
  userAgent: string | null;
}

export const signInContextOf = (request: FastifyRequest): SignInContext => ({
  ip: request.ip ?? null,
  userAgent: request.headers['user-agent'] ?? null,
});

/**
 * The one way a session is opened, whatever proved the first factor (password, password reset,
 * single sign-on): the two-step gate first, then a refresh-token family (the session), its httpOnly
 * cookie and an access token.
 */
@Injectable()
export class SignInService {
  constructor(
    private readonly tokens: TokensService,
    private readonly users: UsersService,
    private readonly gate: TwoFactorGate,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The first factor is proven: a second-step challenge when two-step sign-in is on, else a session. */
  async afterFirstFactor(user: UserEntity, context: SignInContext, reply: FastifyReply, method: SignInMethod): Promise<SignInResponse> {
    const challenge = await this.gate.challengeFor(user, context, method);
    if (challenge) return challenge;
    return this.openSession(user, context, reply, method);
  }

  /** Opens a session: a new refresh-token family in the cookie and an access token in the body. */
  async openSession(
    user: UserEntity,
    context: SignInContext,
    reply: FastifyReply,
    method: SignInMethod,
    options: { secondFactor?: 'totp' | 'recovery_code' } = {},
  ): Promise<LoginResponse> {
    const { familyId, refreshToken } = await this.tokens.startFamily(user.id, context, method);
    const setupRequired = await this.gate.setupRequired(user.id);
    await Promise.all([
      this.users.touchLogin(user.id),
      this.audit.record({
        actorId: user.id,
        action: 'auth.login',
        objectType: 'user',
        objectId: user.id,
        ip: context.ip,
        details: { method, ...(options.secondFactor ? { secondFactor: options.secondFactor } : {}) },
      }),
    ]);
    this.setRefreshCookie(reply, refreshToken);
    return {
      accessToken: this.tokens.accessToken(user.id, { sessionId: familyId, twoFactorSetupRequired: setupRequired }),
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      user: toUser(user),
      ...(setupRequired ? { twoFactorSetupRequired: true } : {}),
    };
  }

  setRefreshCookie(reply: FastifyReply, token: string): void {
    reply.setCookie(REFRESH_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.publicUrl.startsWith('https://'),
      path: COOKIE_PATH,
      maxAge: REFRESH_TOKEN_TTL_DAYS * 86_400,
    });
  }

  clearRefreshCookie(reply: FastifyReply): void {
    reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
  }
}
