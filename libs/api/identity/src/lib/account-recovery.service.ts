import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APP_CONFIG,
  AuditService,
  disconnectSessions,
  DomainException,
  MailService,
  type AppConfig,
  type AuthUser,
  type OutgoingMail,
} from '@alliances/api/core';
import { IdentityErrorCode, type AccountSecurity, type ConfirmEmailResponse, type SignInResponse } from '@alliances/shared/contracts';
import type { FastifyReply } from 'fastify';
import { DataSource, EntityManager } from 'typeorm';
import { ACCOUNT_MAILS, accountMailLocale } from './account-mails';
import type { ChangeEmailDto, ChangePasswordDto, ResetPasswordDto } from './account-recovery.dto';
import { AccountTokensService, EMAIL_CHANGE_TTL_MS, PASSWORD_RESET_TTL_MS, type AccountTokenPurpose } from './account-tokens.service';
import { LinkedIdentities } from './linked-identities';
import { PasswordService } from './password.service';
import { SessionsService } from './sessions.service';
import { SignInService, type SignInContext } from './sign-in.service';
import { TokensService } from './tokens.service';
import { TwoFactorGate } from './two-factor-gate';
import { normaliseEmail, UsersService } from './users.service';

const isUniqueViolation = (error: unknown): boolean =>
  (error as { driverError?: { code?: string }; code?: string }).driverError?.code === '23505';

/** Password reset, password change, email change and the account page's security summary. */
@Injectable()
export class AccountRecoveryService {
  private readonly logger = new Logger('AccountRecovery');

  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokensService,
    private readonly accountTokens: AccountTokensService,
    private readonly signIn: SignInService,
    private readonly gate: TwoFactorGate,
    private readonly linkedIdentities: LinkedIdentities,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The forgotten-password request. The caller answers 202 without waiting for this: whether the
   * account exists shows neither in the answer nor in its timing.
   */
  requestPasswordReset(email: string, ip: string | null): void {
    void this.sendPasswordReset(email, ip).catch((error: unknown) => this.logger.error(`password reset mail failed: ${String(error)}`));
  }

  private async sendPasswordReset(email: string, ip: string | null): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user || user.disabledAt || user.deletedAt) return;
    const token = await this.accountTokens.issue(user.id, 'password_reset', PASSWORD_RESET_TTL_MS);
    await this.audit.record({ actorId: null, action: 'auth.password_reset_requested', objectType: 'user', objectId: user.id, ip });
    await this.mail.send({
      to: user.email,
      ...ACCOUNT_MAILS.passwordReset[accountMailLocale(user.locale)]({ link: `${this.config.publicUrl}/reset-password/${token}` }),
    });
  }

  /** A new password from the mail's link: every session of the account ends, then the person is signed in. */
  async resetPassword(body: ResetPasswordDto, context: SignInContext, reply: FastifyReply): Promise<SignInResponse> {
    this.passwords.assertAcceptable(body.password);
    const passwordHash = await this.passwords.hash(body.password);
    const outcome = await this.withInvalidLinkAudited(body.token, 'password_reset', context.ip, () =>
      this.dataSource.transaction(async (manager) => {
        const used = await this.accountTokens.consume(body.token, 'password_reset', manager);
        const [rows]: [{ id: string }[], number] = used
          ? await manager.query(
              'UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1 AND deleted_at IS NULL AND disabled_at IS NULL RETURNING id',
              [used.userId, passwordHash],
            )
          : [[], 0];
        // Rolls the token's use back too: nothing changes.
        if (!rows[0]) throw new DomainException('auth.reset_token_invalid', 'This reset link is invalid, expired or already used');
        const revoked = await this.tokens.revokeAllOf(rows[0].id, manager);
        await this.afterPasswordChange(rows[0].id, manager);
        await this.audit.record(
          { actorId: rows[0].id, action: 'auth.password_reset', objectType: 'user', objectId: rows[0].id, ip: context.ip },
          manager,
        );
        return { userId: rows[0].id, revoked };
      }),
    );
    disconnectSessions(outcome.revoked);
    const user = await this.users.findActiveById(outcome.userId);
    if (!user) throw new DomainException('auth.reset_token_invalid', 'This reset link is invalid, expired or already used');
    return this.signIn.afterFirstFactor(user, context, reply, 'password_reset');
  }

  /** The signed-in person changes their password; their other sessions end. */
  async changePassword(caller: AuthUser, body: ChangePasswordDto, ip: string | null): Promise<void> {
    // An account without a password (single sign-on) has no current password to prove: always wrong.
    if (!(await this.passwords.verify(await this.users.passwordHashOf(caller.id), body.currentPassword))) {
      await this.passwordCheckFailed(caller, ip, 'password_change');
      throw new DomainException('auth.wrong_password', 'The current password is wrong');
    }
    this.passwords.assertAcceptable(body.newPassword, 'newPassword');
    const passwordHash = await this.passwords.hash(body.newPassword);
    const revoked = await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [caller.id, passwordHash]);
      const ids = await this.tokens.revokeAllOf(caller.id, manager, caller.sessionId);
      await this.afterPasswordChange(caller.id, manager);
      await this.audit.record(
        {
          actorId: caller.id,
          action: 'auth.password_changed',
          objectType: 'user',
          objectId: caller.id,
          ip,
          details: { sessionsRevoked: ids.length },
        },
        manager,
      );
      return ids;
    });
    disconnectSessions(revoked);
    this.sendLater({ to: caller.email, ...ACCOUNT_MAILS.passwordChanged[accountMailLocale(caller.locale)]() });
  }

  /**
   * An email change waits for the link sent to the new address. An address that already belongs to
   * an account gets an informative mail instead, and the answer is the same (no enumeration).
   */
  async requestEmailChange(caller: AuthUser, body: ChangeEmailDto, ip: string | null): Promise<void> {
    const passwordHash = await this.users.passwordHashOf(caller.id);
    // Without a password there is no second proof: a fresh sign-in stands for it.
    if (passwordHash === null) await this.sessions.assertRecentSignIn(caller);
    else if (!(await this.passwords.verify(passwordHash, body.password ?? ''))) {
      await this.passwordCheckFailed(caller, ip, 'email_change');
      throw new DomainException('auth.wrong_password', 'The password is wrong');
    }
    const newEmail = normaliseEmail(body.newEmail);
    const holder = await this.users.findByEmail(newEmail);
    // Nothing in the caller's audit trail (their RGPD export) tells whether the address is taken.
    await this.audit.record({
      actorId: caller.id,
      action: 'auth.email_change_requested',
      objectType: 'user',
      objectId: caller.id,
      ip,
      details: { newEmail },
    });
    const locale = accountMailLocale(caller.locale);
    // The notice goes in both cases: its absence would tell the caller that the address is taken.
    this.sendLater({ to: caller.email, ...ACCOUNT_MAILS.emailChangeNotice[locale]({ newEmail }) });
    // A link is issued in both cases, so that the work, its timing and the pending address look alike;
    // for a taken address it is mailed nowhere (and would fail on the unique address anyway).
    const token = await this.accountTokens.issue(caller.id, 'email_change', EMAIL_CHANGE_TTL_MS, newEmail);
    if (holder) {
      this.sendLater({ to: newEmail, ...ACCOUNT_MAILS.emailAlreadyUsed[accountMailLocale(holder.locale)]() });
      return;
    }
    this.sendLater({
      to: newEmail,
      ...ACCOUNT_MAILS.emailChangeConfirm[locale]({ link: `${this.config.publicUrl}/confirm-email/${token}` }),
    });
  }

  /** The link of the new address was opened: it becomes the account's. */
  async confirmEmail(token: string, ip: string | null): Promise<ConfirmEmailResponse> {
    try {
      return await this.withInvalidLinkAudited(token, 'email_change', ip, () =>
        this.dataSource.transaction(async (manager) => {
          const used = await this.accountTokens.consume(token, 'email_change', manager);
          const rows: { email: string }[] = used
            ? await manager.query('SELECT email FROM users WHERE id = $1 AND deleted_at IS NULL AND disabled_at IS NULL FOR UPDATE', [
                used.userId,
              ])
            : [];
          if (!used?.newEmail || !rows[0])
            throw new DomainException('auth.email_token_invalid', 'This confirmation link is invalid, expired or already used');
          // Taken meanwhile: the transaction rolls back, the link stays usable should the address be freed.
          await manager.query('UPDATE users SET email = $2, updated_at = now() WHERE id = $1', [used.userId, used.newEmail]);
          // A reset link mailed to the former address must not open the account any more.
          await this.accountTokens.voidUnused(used.userId, 'password_reset', manager);
          await this.audit.record(
            {
              actorId: used.userId,
              action: 'auth.email_changed',
              objectType: 'user',
              objectId: used.userId,
              ip,
              details: { from: rows[0].email, to: used.newEmail },
            },
            manager,
          );
          return { email: used.newEmail };
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error) || (error as { code?: string }).code === '23505') {
        throw new DomainException(IdentityErrorCode.EmailTaken, 'An account already uses this email');
      }
      throw error;
    }
  }

  async security(caller: AuthUser): Promise<AccountSecurity> {
    const [user, pendingEmail, passwordHash, twoFactor, linkedIdentities] = await Promise.all([
      this.users.findById(caller.id),
      this.accountTokens.pendingEmailOf(caller.id),
      this.users.passwordHashOf(caller.id),
      this.gate.status(caller.id),
      this.linkedIdentities.list(caller.id),
    ]);
    return { email: user?.email ?? caller.email, pendingEmail, hasPassword: passwordHash !== null, twoFactor, linkedIdentities };
  }

  /**
   * A new password voids what the former one started: a pending email change (its link may have been
   * asked by whoever had the password) and the live second-step challenges of a sign-in with it. The
   * challenges are expired rather than deleted: their wrong codes still count towards the hourly limit.
   */
  private async afterPasswordChange(userId: string, manager: EntityManager): Promise<void> {
    await this.accountTokens.voidUnused(userId, 'password_reset', manager);
    await this.accountTokens.voidUnused(userId, 'email_change', manager);
    await manager.query(`UPDATE mfa_challenges SET expires_at = now() WHERE user_id = $1 AND consumed_at IS NULL AND expires_at > now()`, [
      userId,
    ]);
  }

  private async passwordCheckFailed(caller: AuthUser, ip: string | null, step: 'password_change' | 'email_change'): Promise<void> {
    await this.audit.record({
      actorId: caller.id,
      action: 'auth.password_check_failed',
      objectType: 'user',
      objectId: caller.id,
      ip,
      details: { step },
    });
  }

  /** An unknown, expired or used link is audited (with its account when the link was a real one). */
  private async withInvalidLinkAudited<T>(
    token: string,
    purpose: AccountTokenPurpose,
    ip: string | null,
    run: () => Promise<T>,
  ): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (error instanceof DomainException && (code === 'auth.reset_token_invalid' || code === 'auth.email_token_invalid')) {
        const userId = await this.accountTokens.ownerOf(token, purpose);
        await this.audit.record({
          actorId: userId,
          action: 'auth.token_invalid',
          objectType: 'user',
          objectId: userId,
          ip,
          details: { purpose },
        });
      }
      throw error;
    }
  }

  /** Mails go after the answer: a slow mail server neither delays it nor undoes what was done. */
  private sendLater(mail: OutgoingMail): void {
    void this.mail.send(mail).catch((error: unknown) => this.logger.error(`mail "${mail.subject}" failed: ${String(error)}`));
  }
}
