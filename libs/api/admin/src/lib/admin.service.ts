import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AuditService,
  decodeCursor,
  disconnectSessions,
  DomainException,
  NotFoundDomainException,
  type AuthUser,
  encodeCursor,
} from '@alliances/api/core';
import { AlliancesReader } from '@alliances/api/alliances';
import { TokensService, UsersReader } from '@alliances/api/identity';
import { OrganisationsReader } from '@alliances/api/organisations';
import type { AdminUser, Page, PlatformFigures } from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';
import type { UsersQuery } from './admin.dto';

@Injectable()
export class AdminService {
  constructor(
    // Disabling a person and revoking their sessions commit together, with the audit entry.
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokensService,
    private readonly usersReader: UsersReader,
    private readonly organisationsReader: OrganisationsReader,
    private readonly alliancesReader: AlliancesReader,
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
    const rows = await this.usersReader.page(q, limit + 1, after);
    const organisations = await this.organisationsReader.membershipCounts(rows.slice(0, limit).map((r) => r.id));
    const items = rows.slice(0, limit).map((r) => ({
      id: r.id,
      email: r.email,
      displayName: r.display_name,
      isPlatformAdmin: r.is_platform_admin,
      disabled: !!r.disabled_at,
      lastLoginAt: r.last_login_at ? new Date(r.last_login_at).toISOString() : null,
      createdAt: new Date(r.created_at).toISOString(),
      organisations: organisations.get(r.id) ?? 0,
    }));
    const last = rows[limit - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(new Date(last.created_at), last.id) : null };
  }

  /**
   * Disabling revokes every session at once: access tokens stop working on the next request, and the
   * open sockets are closed once the change is committed.
   */
  async setDisabled(admin: AuthUser, id: string, disabled: boolean, ip: string | null): Promise<void> {
    if (id === admin.id && disabled) throw new DomainException('admin.cannot_disable_self', 'You cannot disable your own account');
    const revoked = await this.dataSource.transaction(async (manager) => {
      if (!(await this.usersReader.setDisabled(id, disabled, manager))) throw new NotFoundDomainException('user');
      const sessions = disabled ? await this.tokens.revokeAllOf(id, manager) : [];
      await this.audit.record(
        { actorId: admin.id, action: disabled ? 'user.disabled' : 'user.enabled', objectType: 'user', objectId: id, ip },
        manager,
      );
      return sessions;
    });
    disconnectSessions(revoked);
  }

  async figures(): Promise<PlatformFigures> {
    const [organisations, alliances, users] = await Promise.all([
      this.organisationsReader.figures(),
      this.alliancesReader.figures(),
      this.usersReader.counts(),
    ]);
    return {
      organisationsByProfile: organisations.byProfile,
      organisationsByStatus: organisations.byStatus,
      alliancesByCategory: alliances.byCategory,
      alliancesByStatus: alliances.byStatus,
      activeUsersThisMonth: users.activeThisMonth,
      users: users.users,
    };
  }
}
