import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AuditService, DomainException, type AppConfig } from '@alliances/api/core';
import { IdentityErrorCode, type SignInMethod } from '@alliances/shared/contracts';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_DAYS = 30;
export const JWT_ISSUER = 'alliances';
export const JWT_AUDIENCE = 'alliances-api';
export const JWT_ALGORITHM = 'HS256';

export interface AccessTokenClaims {
  sub: string;
  /** The session: the refresh-token family id. */
  sid?: string;
  /** Present (1) while a rule requires two-step sign-in that is not set up. */
  tfs?: 1;
}

export interface AccessTokenOptions {
  sessionId?: string;
  twoFactorSetupRequired?: boolean;
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  accessToken(userId: string, options: AccessTokenOptions = {}): string {
    const claims: AccessTokenClaims = { sub: userId };
    if (options.sessionId) claims.sid = options.sessionId;
    if (options.twoFactorSetupRequired) claims.tfs = 1;
    return this.jwt.sign(claims, {
      algorithm: JWT_ALGORITHM,
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      secret: this.config.jwtSecret,
    });
  }

  /** A new session (refresh-token family, and its `user_sessions` row): its id and the opaque token. */
  async startFamily(
    userId: string,
    context: { ip: string | null; userAgent: string | null },
    method: SignInMethod = 'password',
  ): Promise<{ familyId: string; refreshToken: string }> {
    const familyId = randomUUID();
    const refreshToken = await this.dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO user_sessions (id, user_id, method, user_agent, ip) VALUES ($1, $2, $3, $4, $5)', [
        familyId,
        userId,
        method,
        context.userAgent?.slice(0, 300) ?? null,
        context.ip,
      ]);
      return this.issueRefreshToken(userId, context, familyId, manager);
    });
    return { familyId, refreshToken };
  }

  /** Starts a new family (a sign-in) or continues one (a rotation). Returns the opaque token. */
  async issueRefreshToken(
    userId: string,
    context: { ip: string | null; userAgent: string | null },
    familyId: string = randomUUID(),
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await manager.insert(RefreshTokenEntity, {
      userId,
      familyId,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_DAYS * 86_400_000),
      ip: context.ip,
      userAgent: context.userAgent?.slice(0, 300) ?? null,
    });
    return token;
  }

  /**
   * Rotation: the presented token is marked used with a conditional UPDATE (so two concurrent uses
   * cannot both succeed) and a new one of the same family is returned. A token used twice means it
   * leaked: the whole family is revoked.
   */
  async rotate(
    token: string,
    context: { ip: string | null; userAgent: string | null },
  ): Promise<{ userId: string; familyId: string; refreshToken: string }> {
    const tokenHash = sha256(token);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const { raw } = await manager
        .createQueryBuilder()
        .update(RefreshTokenEntity)
        .set({ rotatedAt: () => 'now()' })
        .where('token_hash = :tokenHash AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > now()', { tokenHash })
        // A revoked session stays revoked even if one of its refresh tokens escaped the revocation.
        .andWhere('NOT EXISTS (SELECT 1 FROM user_sessions s WHERE s.id = refresh_tokens.family_id AND s.revoked_at IS NOT NULL)')
        // A string: an array would be read as entity property names, match nothing and return no row.
        .returning('user_id, family_id')
        .execute();
      const rotated = raw as { user_id: string; family_id: string }[];
      if (rotated[0]) {
        await manager.query('UPDATE user_sessions SET last_seen_at = now(), ip = coalesce($2, ip) WHERE id = $1', [
          rotated[0].family_id,
          context.ip,
        ]);
        const refreshToken = await this.issueRefreshToken(rotated[0].user_id, context, rotated[0].family_id, manager);
        return { userId: rotated[0].user_id, familyId: rotated[0].family_id, refreshToken };
      }
      const known = await manager.findOne(RefreshTokenEntity, { where: { tokenHash } });
      if (known && known.rotatedAt && !known.revokedAt) {
        await this.revokeFamily(known.familyId, manager);
        await this.audit.record(
          {
            actorId: known.userId,
            action: 'auth.refresh_reuse_detected',
            objectType: 'user',
            objectId: known.userId,
            ip: context.ip,
            details: { familyId: known.familyId },
          },
          manager,
        );
        return 'reused' as const;
      }
      return 'invalid' as const;
    });
    if (outcome === 'reused') throw new DomainException(IdentityErrorCode.RefreshReused, 'Session revoked: a refresh token was used twice');
    if (outcome === 'invalid') throw new DomainException(IdentityErrorCode.RefreshInvalid, 'Session expired, sign in again');
    return outcome;
  }

  async userOf(token: string): Promise<string | null> {
    const row = await this.dataSource.manager.findOne(RefreshTokenEntity, { where: { tokenHash: sha256(token) } });
    return row?.userId ?? null;
  }

  /** Revokes the session of a refresh token; its id, or null for an unknown token. */
  async revokeFamilyOf(token: string): Promise<string | null> {
    const row = await this.dataSource.manager.findOne(RefreshTokenEntity, { where: { tokenHash: sha256(token) } });
    if (!row) return null;
    await this.revokeFamily(row.familyId);
    return row.familyId;
  }

  /** Revokes a session: its refresh tokens and its `user_sessions` row (which refuses its access tokens at once). */
  async revokeFamily(familyId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [familyId]);
    await manager.query('UPDATE user_sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [familyId]);
  }

  /** Every session of the account, but `except` when given; the ids of the sessions revoked. */
  async revokeAllOf(userId: string, manager: EntityManager = this.dataSource.manager, except?: string): Promise<string[]> {
    const keep = except ?? null;
    await manager.query(
      'UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND family_id IS DISTINCT FROM $2::uuid',
      [userId, keep],
    );
    // An UPDATE through TypeORM answers [rows, count].
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE user_sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2::uuid RETURNING id`,
      [userId, keep],
    );
    return rows.map((r) => r.id);
  }
}
