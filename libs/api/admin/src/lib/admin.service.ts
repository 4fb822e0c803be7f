import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, decodeCursor, DomainException, NotFoundDomainException, type AuthUser } from '@alliances/api/core';
import { TokensService } from '@alliances/api/identity';
import type { AdminUser, Page, PlatformFigures } from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';
import type { UsersQuery } from './admin.dto';

@Injectable()
export class AdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokensService,
    private readonly audit: AuditService,
  ) {}

  /** Everyone, searchable by name or email, keyset-paginated on (created_at, id). */
  async users(query: UsersQuery): Promise<Page<AdminUser>> {
    const limit = query.limit ?? 50;
    let after: [string, string] | undefined;
    if (query.cursor) {
      const { at, id } = decodeCursor(query.cursor);
      after = [at, id];
    }
    const q = query.q?.trim() ? `%${query.q.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
    const rows: { id: string; email: string; display_name: string; is_platform_admin: boolean; disabled_at: Date | null; last_login_at: Date | null; created_at: Date; organisations: number }[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.display_name, u.is_platform_admin, u.disabled_at, u.last_login_at, u.created_at,
              (SELECT count(*)::int FROM memberships m WHERE m.user_id = u.id) AS organisations
         FROM users u
        WHERE u.deleted_at IS NULL AND ($1::text IS NULL OR fold_accents(u.email) LIKE fold_accents($1) OR fold_accents(u.display_name) LIKE fold_accents($1))
          ${after ? 'AND (u.created_at, u.id) < ($3::timestamptz, $4::uuid)' : ''}
        ORDER BY u.created_at DESC, u.id DESC LIMIT $2`,
      after ? [q, limit + 1, ...after] : [q, limit + 1],
    );
    const items = rows.slice(0, limit).map((r) => ({
      id: r.id,
      email: r.email,
      displayName: r.display_name,
      isPlatformAdmin: r.is_platform_admin,
      disabled: !!r.disabled_at,
      lastLoginAt: r.last_login_at ? new Date(r.last_login_at).toISOString() : null,
      createdAt: new Date(r.created_at).toISOString(),
      organisations: r.organisations,
    }));
    const last = rows[limit - 1];
    return { items, nextCursor: rows.length > limit && last ? Buffer.from(`${new Date(last.created_at).toISOString()}|${last.id}`).toString('base64url') : null };
  }

  /** Disabling revokes every session at once; access tokens stop working on the next request. */
  async setDisabled(admin: AuthUser, id: string, disabled: boolean, ip: string | null): Promise<void> {
    if (id === admin.id && disabled) throw new DomainException('admin.cannot_disable_self', 'You cannot disable your own account');
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.query('UPDATE users SET disabled_at = CASE WHEN $2 THEN now() ELSE NULL END WHERE id = $1 AND deleted_at IS NULL RETURNING id', [id, disabled]);
      const rows = Array.isArray(result[0]) ? result[0] : result;
      if (!rows.length) throw new NotFoundDomainException('user');
      if (disabled) await this.tokens.revokeAllOf(id, manager);
      await this.audit.record({ actorId: admin.id, action: disabled ? 'user.disabled' : 'user.enabled', objectType: 'user', objectId: id, ip }, manager);
    });
  }

  async figures(): Promise<PlatformFigures> {
    const q = <T>(sql: string) => this.dataSource.query(sql) as Promise<T>;
    const [byProfile, byStatus, byCategory, alliancesByStatus, active, users] = await Promise.all([
      q<{ profile: string; count: number }[]>(`SELECT profile, count(*)::int AS count FROM organisations GROUP BY profile ORDER BY count DESC`),
      q<{ status: string; count: number }[]>(`SELECT status, count(*)::int AS count FROM organisations GROUP BY status ORDER BY status`),
      q<{ category: string; count: number }[]>(`SELECT category, count(*)::int AS count FROM alliances GROUP BY category ORDER BY count DESC`),
      q<{ status: string; count: number }[]>(`SELECT status, count(*)::int AS count FROM alliances GROUP BY status ORDER BY status`),
      q<{ n: number }[]>(`SELECT count(*)::int AS n FROM users WHERE deleted_at IS NULL AND last_login_at >= date_trunc('month', now())`),
      q<{ n: number }[]>(`SELECT count(*)::int AS n FROM users WHERE deleted_at IS NULL`),
    ]);
    return { organisationsByProfile: byProfile, organisationsByStatus: byStatus, alliancesByCategory: byCategory, alliancesByStatus, activeUsersThisMonth: active[0].n, users: users[0].n };
  }
}
