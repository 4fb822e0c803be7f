import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { APP_CONFIG, DomainException, setRequestTenant, type AppConfig, type AuthUser } from '@alliances/api/core';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AccessTokenClaims, JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './tokens.service';
import { UsersService } from './users.service';

/** Bearer access tokens: algorithm pinned, issuer, audience and expiry checked; the user is reloaded so a disabled account, or a revoked session, is refused at once. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject (jsonwebtoken 9 takes one; the passport-jwt typings predate it): given a string or
      // a Buffer, jsonwebtoken tries to parse it as a PEM public key on every request and builds the
      // secret key only once that throws, a fifth of the CPU time of a cached read (bench/rest.bench.ts).
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as Buffer,
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims & { exp?: unknown }): Promise<AuthUser> {
    // The library checks `exp` only when present: a token without one would never expire.
    if (typeof claims.exp !== 'number') throw new DomainException('auth.unauthenticated', 'Unauthorized');
    // The token is verified: the lookup below already runs in the caller's tenant (docs/decisions/0007).
    if (typeof claims.sub === 'string') setRequestTenant(claims.sub);
    const sessionId = typeof claims.sid === 'string' ? claims.sid : undefined;
    const user =
      typeof claims.sub === 'string' && /^[0-9a-f-]{36}$/i.test(claims.sub)
        ? await this.users.findActiveInSession(claims.sub, sessionId)
        : null;
    if (!user) throw new DomainException('auth.unauthenticated', 'Unauthorized');
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      isPlatformAdmin: user.isPlatformAdmin,
      ...(typeof claims.sid === 'string' ? { sessionId: claims.sid } : {}),
      ...(claims.tfs === 1 ? { twoFactorSetupRequired: true } : {}),
    };
  }
}
