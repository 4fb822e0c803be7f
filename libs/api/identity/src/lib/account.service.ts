import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, disconnectSessions, DomainException, type AuthUser } from '@alliances/api/core';
import { IdentityErrorCode, type MeResponse } from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';
import { AccountFiles } from './account-files';
import { AccountMemberships } from './account-memberships';
import { AccountTokensService } from './account-tokens.service';
import { LinkedIdentities } from './linked-identities';
import { SessionsService } from './sessions.service';
import type { DeleteAccountDto, UpdateMeDto } from './auth.dto';
import { PasswordService } from './password.service';
import { TokensService } from './tokens.service';
import { TwoFactorGate } from './two-factor-gate';
import { UsersService, toUser } from './users.service';

/** The person's own account: profile, RGPD export and erasure. */
@Injectable()
export class AccountService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokensService,
    private readonly memberships: AccountMemberships,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly accountTokens: AccountTokensService,
    private readonly gate: TwoFactorGate,
    private readonly linkedIdentities: LinkedIdentities,
    // The erasure spans memberships, tokens, the user and the audit entry in one transaction.
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() private readonly files?: AccountFiles,
  ) {}

  async me(caller: AuthUser): Promise<MeResponse> {
    const [user, memberships] = await Promise.all([this.users.findById(caller.id), this.memberships.mine(caller)]);
    return {
      user: toUser(user!),
      memberships,
      isPlatformAdmin: caller.isPlatformAdmin,
      ...(caller.twoFactorSetupRequired ? { twoFactorSetupRequired: true } : {}),
    };
  }

  async update(caller: AuthUser, body: UpdateMeDto): Promise<MeResponse> {
    await this.users.update(caller.id, body);
    return this.me(caller);
  }

  /** RGPD right of access: everything the product holds about the caller. */
  async export(caller: AuthUser): Promise<Record<string, unknown>> {
    const user = await this.users.findById(caller.id);
    const [{ memberships, invitationsSent, invitationsReceived }, refreshTokens, sessions, twoFactor, linkedIdentities, auditTrail, files] =
      await Promise.all([
        this.memberships.exportOf(caller.id, user?.email ?? null),
        this.dataSource.query(
          'SELECT created_at, expires_at, rotated_at, revoked_at, ip, user_agent FROM refresh_tokens WHERE user_id = $1 ORDER BY created_at',
          [caller.id],
        ),
        this.sessions.exportOf(caller.id),
        this.gate.status(caller.id),
        this.linkedIdentities.list(caller.id),
        this.audit.trailOf(caller.id),
        this.files?.uploadsOf(caller.id) ?? [],
      ]);
    return {
      exportedAt: new Date().toISOString(),
      user: user ? { ...toUser(user), lastLoginAt: user.lastLoginAt } : null,
      memberships,
      sessions,
      // Each use of a session's refresh token (never the token nor its hash).
      refreshTokens,
      twoFactor,
      linkedIdentities,
      invitationsSent,
      invitationsReceived,
      // The files the person uploaded to alliances (name, size, alliance, date): the bytes belong to the alliance.
      files,
      auditTrail,
    };
  }

  /**
   * RGPD erasure. The password confirms it is really the person (an account created by single sign-on
   * that never set one types its address, the right to erasure may not depend on a password it never
   * had, and must have signed in less than 10 minutes ago). Their comments stay as "former member" and
   * their signatures stay as the legal record they are; everything else identifying goes.
   */
  async delete(caller: AuthUser, body: DeleteAccountDto, ip: string | null): Promise<void> {
    const hash = await this.users.passwordHashOf(caller.id);
    if (hash === null) await this.sessions.assertRecentSignIn(caller);
    const confirmed =
      hash === null
        ? typeof body.confirmEmail === 'string' && body.confirmEmail.trim().toLowerCase() === caller.email.toLowerCase()
        : await this.passwords.verify(hash, body.password ?? '');
    if (!confirmed) {
      throw new DomainException(IdentityErrorCode.InvalidCredentials, 'Wrong password');
    }
    const revoked = await this.dataSource.transaction(async (manager) => {
      const lastAdminOf = await this.memberships.lastAdminOf(caller.id, manager);
      if (lastAdminOf.length) {
        throw new DomainException(IdentityErrorCode.LastAdmin, `Name another admin first in: ${lastAdminOf.map((o) => o.name).join(', ')}`);
      }
      await this.memberships.removeAll(caller.id, manager);
      const sessionIds = await this.tokens.revokeAllOf(caller.id, manager);
      await this.sessions.removeAllOf(caller.id, manager);
      await this.accountTokens.removeAllOf(caller.id, manager);
      await manager.query('DELETE FROM oidc_identities WHERE user_id = $1', [caller.id]);
      await this.users.anonymise(caller.id, manager);
      await this.audit.record({ actorId: caller.id, action: 'user.deleted', objectType: 'user', objectId: caller.id, ip }, manager);
      return sessionIds;
    });
    disconnectSessions(revoked);
  }
}
