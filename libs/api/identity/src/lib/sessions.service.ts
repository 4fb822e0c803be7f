import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, disconnectSessions, DomainException, NotFoundDomainException, type AuthUser } from '@alliances/api/core';
import type { AccountSession, RevokeSessionsResponse, SignInMethod } from '@alliances/shared/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { TokensService } from './tokens.service';
import { describeUserAgent } from './user-agent';

interface SessionRow {
  id: string;
  method: SignInMethod;
  user_agent: string | null;
  ip: string | null;
  created_at: Date;
  last_seen_at: Date;
}

/** How fresh the session of an account without a password must be for a sensitive step. */
export const REAUTHENTICATION_WINDOW_MS = 10 * 60_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The person's signed-in devices: one refresh-token family each (docs/decisions/0016). A session is
 * live while it is not revoked and one of its refresh tokens can still be rotated.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokensService,
    private readonly audit: AuditService,
  ) {}

  async list(caller: AuthUser): Promise<{ items: AccountSession[]; nextCursor: null }> {
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT s.id, s.method, s.user_agent, s.ip, s.created_at, s.last_seen_at
         FROM user_sessions s
        WHERE s.user_id = $1 AND s.revoked_at IS NULL
          AND EXISTS (SELECT 1 FROM refresh_tokens r
                       WHERE r.family_id = s.id AND r.rotated_at IS NULL AND r.revoked_at IS NULL AND r.expires_at > now())
        ORDER BY s.last_seen_at DESC, s.id`,
      [caller.id],
    );
    return {
      items: rows.map((row) => ({
        id: row.id,
        ...describeUserAgent(row.user_agent),
        ip: row.ip,
        createdAt: new Date(row.created_at).toISOString(),
        lastSeenAt: new Date(row.last_seen_at).toISOString(),
        method: row.method,
        current: row.id === caller.sessionId,
      })),
      nextCursor: null,
    };
  }

  /** Revokes one of the caller's sessions; someone else's, or one already closed, is not found. */
  async revoke(caller: AuthUser, id: string, ip: string | null): Promise<void> {
    if (!UUID.test(id)) throw new NotFoundDomainException('session');
    await this.dataSource.transaction(async (manager) => {
      const rows: { id: string }[] = await manager.query(
        'SELECT id FROM user_sessions WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL FOR UPDATE',
        [id, caller.id],
      );
      if (!rows[0]) throw new NotFoundDomainException('session');
      await this.tokens.revokeFamily(id, manager);
      await this.audit.record(
        { actorId: caller.id, action: 'auth.session_revoked', objectType: 'user', objectId: caller.id, ip, details: { sessionId: id } },
        manager,
      );
    });
    disconnectSessions([id]);
  }

  /** Every session of the caller but the one of this request. */
  async revokeOthers(caller: AuthUser, ip: string | null): Promise<RevokeSessionsResponse> {
    const revoked = await this.dataSource.transaction(async (manager) => {
      const revoked = await this.tokens.revokeAllOf(caller.id, manager, caller.sessionId);
      await this.audit.record(
        {
          actorId: caller.id,
          action: 'auth.sessions_revoked',
          objectType: 'user',
          objectId: caller.id,
          ip,
          details: { count: revoked.length },
        },
        manager,
      );
      return revoked;
    });
    disconnectSessions(revoked);
    return { revoked: revoked.length };
  }

  /** The sessions, for the RGPD export: no token, no hash. */
  exportOf(userId: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT id, method, user_agent AS "userAgent", ip, created_at AS "createdAt", last_seen_at AS "lastSeenAt", revoked_at AS "revokedAt"
         FROM user_sessions WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
  }

  /**
   * An account without a password (single sign-on) has no second proof to give before a sensitive
   * step: its session must then have been opened less than 10 minutes ago, so that a stolen access
   * token alone is not enough.
   */
  async assertRecentSignIn(caller: AuthUser): Promise<void> {
    const rows: unknown[] =
      caller.sessionId && UUID.test(caller.sessionId)
        ? await this.dataSource.query(
            `SELECT 1 FROM user_sessions
              WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND created_at > now() - $3 * interval '1 millisecond'`,
            [caller.sessionId, caller.id, REAUTHENTICATION_WINDOW_MS],
          )
        : [];
    if (!rows.length) throw new DomainException('auth.reauthentication_required', 'Sign in again first (less than 10 minutes ago)');
  }

  /** RGPD erasure. */
  async removeAllOf(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM user_sessions WHERE user_id = $1', [userId]);
  }
}
