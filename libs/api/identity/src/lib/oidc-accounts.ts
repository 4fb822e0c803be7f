import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AuditService, disconnectSessions, MailService, type AppConfig } from '@alliances/api/core';
import type { ErrorCode, Locale } from '@alliances/shared/contracts';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { accountMailLocale } from './account-mails';
import { AccountTokensService } from './account-tokens.service';
import { OIDC_MAILS } from './oidc-mails';
import { TokensService } from './tokens.service';
import { UserEntity } from './user.entity';
import { normaliseEmail } from './users.service';

/** The claims of the ID token and the userinfo answer that single sign-on reads. */
export interface OidcClaims {
  sub: string;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
  given_name?: unknown;
  family_name?: unknown;
  locale?: unknown;
}

export type OidcAccountOutcome = { user: UserEntity } | { failure: ErrorCode };

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/**
 * Which account an identity at the provider signs in to (docs/decisions/0018-oidc-sign-in.md): the
 * one it is linked to; else, only when the provider vouches for the address (`email_verified`), the
 * account with that address, linked now, or a new account without a password.
 *
 * Registration never proves the address: an account with it may have been opened by someone else,
 * waiting for its owner. Linking it therefore takes away its password, its sessions and its pending
 * account links, and tells the address (the owner sets a password again with "forgot password").
 */
@Injectable()
export class OidcAccounts {
  private readonly logger = new Logger('OidcAccounts');

  constructor(
    private readonly audit: AuditService,
    private readonly tokens: TokensService,
    private readonly accountTokens: AccountTokensService,
    private readonly mail: MailService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async resolve(issuer: string, claims: OidcClaims, ip: string | null): Promise<OidcAccountOutcome> {
    const linked = await this.linkedUser(issuer, claims.sub);
    if (linked) return this.usable(linked);

    const email = text(claims.email);
    if (!email || claims.email_verified !== true) return { failure: 'oidc.email_unverified' };
    try {
      const linked = await this.dataSource.transaction(async (manager) => {
        const existing = await manager.findOne(UserEntity, {
          where: { email: normaliseEmail(email), deletedAt: IsNull() },
          lock: { mode: 'pessimistic_write' },
        });
        // A disabled account stays as it is: nothing is linked to it.
        if (existing?.disabledAt) return { failure: 'auth.account_disabled' as const };
        const user = existing ?? (await this.createAccount(manager, email, claims, issuer, ip));
        await manager.query('INSERT INTO oidc_identities (user_id, issuer, subject, email) VALUES ($1, $2, $3, $4)', [
          user.id,
          issuer,
          claims.sub,
          normaliseEmail(email),
        ]);
        const takenOver = existing ? await this.takeOver(manager, existing) : null;
        await this.audit.record(
          {
            actorId: user.id,
            action: 'auth.oidc_linked',
            objectType: 'user',
            objectId: user.id,
            ip,
            details: {
              issuer,
              created: !existing,
              ...(takenOver ? { passwordRemoved: takenOver.passwordRemoved, sessionsRevoked: takenOver.revoked.length } : {}),
            },
          },
          manager,
        );
        return { user, takenOver };
      });
      if ('failure' in linked) return linked;
      if (linked.takenOver) this.afterTakeOver(linked.user, linked.takenOver);
      return { user: linked.user };
    } catch (error) {
      // Two callbacks of one new identity racing: the unique indexes decide, the loser signs in to the winner's account.
      if ((error as { driverError?: { code?: string } }).driverError?.code !== '23505') throw error;
      const raced = await this.linkedUser(issuer, claims.sub);
      if (!raced) throw error;
      return this.usable(raced);
    }
  }

  /** What someone else may hold on an account found by its address goes: password, sessions, pending links. */
  private async takeOver(manager: EntityManager, user: UserEntity): Promise<{ passwordRemoved: boolean; revoked: string[] }> {
    const passwordRemoved = user.passwordHash !== null;
    if (passwordRemoved) await manager.query('UPDATE users SET password_hash = NULL WHERE id = $1', [user.id]);
    // A pending address change would hand the account to the address it names; a reset link is the owner's mailbox's, voided anyway.
    await this.accountTokens.voidUnused(user.id, 'email_change', manager);
    await this.accountTokens.voidUnused(user.id, 'password_reset', manager);
    const revoked = await this.tokens.revokeAllOf(user.id, manager);
    return { passwordRemoved, revoked };
  }

  private afterTakeOver(user: UserEntity, takenOver: { passwordRemoved: boolean; revoked: string[] }): void {
    disconnectSessions(takenOver.revoked);
    const provider = this.config.oidc?.displayName ?? 'Single sign-on';
    const mail = OIDC_MAILS.accountLinked[accountMailLocale(user.locale)]({ provider, passwordRemoved: takenOver.passwordRemoved });
    void this.mail
      .send({ to: user.email, ...mail })
      .catch((error: unknown) => this.logger.error(`account linked mail failed: ${String(error)}`));
  }

  private usable(user: UserEntity): OidcAccountOutcome {
    return user.disabledAt ? { failure: 'auth.account_disabled' } : { user };
  }

  private async linkedUser(issuer: string, subject: string): Promise<UserEntity | null> {
    const rows: { user_id: string }[] = await this.dataSource.query(
      'SELECT user_id FROM oidc_identities WHERE issuer = $1 AND subject = $2',
      [issuer, subject],
    );
    if (!rows.length) return null;
    return this.dataSource.manager.findOne(UserEntity, { where: { id: rows[0].user_id, deletedAt: IsNull() } });
  }

  private async createAccount(
    manager: EntityManager,
    email: string,
    claims: OidcClaims,
    issuer: string,
    ip: string | null,
  ): Promise<UserEntity> {
    const locale: Locale = text(claims.locale)?.toLowerCase().startsWith('en') ? 'en' : 'fr';
    const displayName =
      text(claims.name) ?? ([text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ') || email.split('@')[0]);
    // No password: the person signs in through the provider until they set one (password reset).
    const user = await manager.save(manager.create(UserEntity, { email: normaliseEmail(email), displayName, passwordHash: null, locale }));
    await this.audit.record(
      { actorId: user.id, action: 'auth.oidc_account_created', objectType: 'user', objectId: user.id, ip, details: { issuer } },
      manager,
    );
    return user;
  }
}
