import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, SocketAuthenticator, type AppConfig, type AuthUser } from '@alliances/api/core';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './tokens.service';
import { UsersService } from './users.service';

/** Sockets present the same access token as HTTP requests; a disabled or deleted account, a revoked session or a restricted one is refused. */
@Injectable()
export class JwtSocketAuthenticator extends SocketAuthenticator {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async authenticate(token: string): Promise<AuthUser> {
    const claims = this.jwt.verify<{ sub: string; sid?: string; tfs?: number }>(token, {
      secret: this.config.jwtSecret,
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
    });
    // A restricted session (two-step sign-in to set up first) may only set it up, over HTTP.
    if (claims.tfs === 1) throw new Error('two-step sign-in setup required');
    const sessionId = typeof claims.sid === 'string' ? claims.sid : undefined;
    const user = await this.users.findActiveInSession(claims.sub, sessionId);
    if (!user) throw new Error('unknown user or revoked session');
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      isPlatformAdmin: user.isPlatformAdmin,
      ...(sessionId ? { sessionId } : {}),
    };
  }
}
