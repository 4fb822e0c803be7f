import { Body, Controller, Delete, Get, HttpCode, Patch, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, ClientIp, CurrentUser, DomainException, type AuthUser } from '@alliances/api/core';
import { DeleteAccountDto, PasswordService, TokensService, UpdateMeDto, UsersService, toUser } from '@alliances/api/identity';
import { IdentityErrorCode, type MeResponse } from '@alliances/shared/contracts';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { OrganisationsService } from './organisations.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class AccountController {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokensService,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get()
  async me(@CurrentUser() caller: AuthUser): Promise<MeResponse> {
    const [user, memberships] = await Promise.all([this.users.findById(caller.id), this.organisations.mine(caller)]);
    return { user: toUser(user!), memberships, isPlatformAdmin: caller.isPlatformAdmin };
  }

  @Patch()
  async update(@CurrentUser() caller: AuthUser, @Body() body: UpdateMeDto): Promise<MeResponse> {
    await this.users.update(caller.id, body);
    return this.me(caller);
  }

  /** RGPD right of access: everything the product holds about the caller, as JSON. */
  @Get('export')
  async export(@CurrentUser() caller: AuthUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<Record<string, unknown>> {
    const user = await this.users.findById(caller.id);
    const q = (sql: string) => this.dataSource.query(sql, [caller.id]);
    const [memberships, sessions, invitationsSent, invitationsReceived, auditTrail] = await Promise.all([
      q('SELECT m.organisation_id, o.name AS organisation_name, m.role, m.created_at FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = $1'),
      q('SELECT created_at, expires_at, rotated_at, revoked_at, ip, user_agent FROM refresh_tokens WHERE user_id = $1 ORDER BY created_at'),
      q('SELECT email, role, organisation_id, created_at, accepted_at FROM invitations WHERE invited_by = $1'),
      // Invitations addressed to the person's email hold their address too.
      q(`SELECT i.organisation_id, o.name AS organisation_name, i.role, i.created_at, i.expires_at, i.accepted_at, i.revoked_at
           FROM invitations i JOIN organisations o ON o.id = i.organisation_id
          WHERE i.accepted_by = $1 OR i.email = (SELECT email FROM users WHERE id = $1) ORDER BY i.created_at`),
      // What they did, and what was done to their account (role changes, failed sign-ins…).
      q(`SELECT at, action, object_type, object_id, organisation_id, ip, details FROM audit_log
          WHERE actor_id = $1 OR (object_type = 'user' AND object_id = $1) ORDER BY at`),
    ]);
    reply.header('content-disposition', 'attachment; filename="alliances-my-data.json"');
    return { exportedAt: new Date().toISOString(), user: user ? { ...toUser(user), lastLoginAt: user.lastLoginAt } : null, memberships, sessions, invitationsSent, invitationsReceived, auditTrail };
  }

  /**
   * RGPD erasure. The password confirms it is really the person. Their comments stay as "former
   * member" and their signatures stay as the legal record they are; everything else identifying goes.
   */
  @Delete()
  @HttpCode(204)
  async delete(@CurrentUser() caller: AuthUser, @Body() body: DeleteAccountDto, @ClientIp() ip: string | null): Promise<void> {
    if (!(await this.passwords.verify(await this.users.passwordHashOf(caller.id), body.password))) {
      throw new DomainException(401, IdentityErrorCode.InvalidCredentials, 'Wrong password');
    }
    await this.dataSource.transaction(async (manager) => {
      const lastAdminOf: { name: string }[] = await manager.query(
        `SELECT o.name FROM memberships m JOIN organisations o ON o.id = m.organisation_id
          WHERE m.user_id = $1 AND m.role = 'admin'
            AND NOT EXISTS (SELECT 1 FROM memberships a WHERE a.organisation_id = m.organisation_id AND a.role = 'admin' AND a.user_id <> $1)
            AND EXISTS (SELECT 1 FROM memberships o2 WHERE o2.organisation_id = m.organisation_id AND o2.user_id <> $1)`,
        [caller.id],
      );
      if (lastAdminOf.length) {
        throw new DomainException(409, IdentityErrorCode.LastAdmin, `Name another admin first in: ${lastAdminOf.map((o) => o.name).join(', ')}`);
      }
      await manager.query('DELETE FROM memberships WHERE user_id = $1', [caller.id]);
      await this.tokens.revokeAllOf(caller.id, manager);
      await this.users.anonymise(caller.id, manager);
      await this.audit.record({ actorId: caller.id, action: 'user.deleted', objectType: 'user', objectId: caller.id, ip }, manager);
    });
  }
}
