import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APP_CONFIG,
  AuditService,
  DomainException,
  MailService,
  type AppConfig,
  type AuthUser,
  type OutgoingMail,
} from '@alliances/api/core';
import {
  RECOVERY_CODE_COUNT,
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
  type AccountSecurity,
  type MfaChallengeResponse,
  type SignInMethod,
  type TotpSetupResponse,
  type TwoFactorRequirement,
} from '@alliances/shared/contracts';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { DataSource, EntityManager } from 'typeorm';
import { ACCOUNT_MAILS, accountMailLocale } from './account-mails';
import type { SignInContext } from './sign-in.service';
import { normaliseRecoveryCode, TwoFactorKeys } from './two-factor-keys';
import { TwoFactorRules } from './two-factor-rules';
import { UsersService } from './users.service';

const ISSUER = 'Alliances';
const CHALLENGE_TTL_MS = 5 * 60_000;
const CHALLENGE_MAX_ATTEMPTS = 5;
/**
 * Wrong second-step codes an account takes over a sliding hour, all challenges and the account page
 * together: five per challenge alone would let whoever has the password open challenges forever.
 */
export const ACCOUNT_FAILED_CODES_PER_HOUR = 10;
/** Not a sign-in: a wrong code typed on the account page, kept as a dead challenge so that it counts. */
const ACCOUNT_PAGE_FAILURE = 'account_page';
/** Crockford's base32, lower case: no i, l, o, u to misread when typed from paper. */
const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export type SecondFactor = 'totp' | 'recovery_code';

interface FactorRow {
  secret_encrypted: string;
  created_at: Date;
  confirmed_at: Date | null;
}

interface ChallengeRow {
  id: string;
  user_id: string;
  method: SignInMethod;
}

/**
 * Two-step sign-in with TOTP (RFC 6238: SHA-1, 6 digits, 30 s, one step either side) and recovery
 * codes (docs/decisions/0017). The secret is encrypted at rest (AES-256-GCM under a key derived with
 * HKDF from TOTP_ENCRYPTION_KEY, or JWT_SECRET), a time step is accepted once per account, recovery
 * codes are kept as keyed hashes and work once, and a sign-in challenge dies after 5 minutes, its first
 * success or its fifth wrong code.
 */
@Injectable()
export class TwoFactorService {
  private readonly logger = new Logger('TwoFactor');
  private readonly keys: TwoFactorKeys;
  private rulesReader: TwoFactorRules | null | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly moduleRef: ModuleRef,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    if (config.production && !config.totpEncryptionKey) {
      this.logger.warn(
        'TOTP_ENCRYPTION_KEY is not set: the TOTP secrets are encrypted under a key derived from JWT_SECRET; set a separate key (docs/decisions/0017)',
      );
    }
    this.keys = new TwoFactorKeys(config.totpEncryptionKey ?? config.jwtSecret);
  }

  // Rules ----------------------------------------------------------------------------------------

  /** Why two-step sign-in is required of the person (nothing: it is their choice). */
  async requirement(userId: string): Promise<TwoFactorRequirement> {
    const [user, organisations] = await Promise.all([this.users.findActiveById(userId), this.rules()?.coveringOrganisations(userId) ?? []]);
    return { platformAdmin: user?.isPlatformAdmin === true, organisations };
  }

  async required(userId: string): Promise<boolean> {
    const requirement = await this.requirement(userId);
    return requirement.platformAdmin || requirement.organisations.length > 0;
  }

  /**
   * The organisations domain provides the reader (identity may not import it); looked up in the whole
   * application once. Absent in an application without organisations: then only the platform rule applies.
   */
  private rules(): TwoFactorRules | null {
    if (this.rulesReader === undefined) {
      try {
        this.rulesReader = this.moduleRef.get(TwoFactorRules, { strict: false });
      } catch {
        this.rulesReader = null;
      }
    }
    return this.rulesReader ?? null;
  }

  // Status ---------------------------------------------------------------------------------------

  async enabled(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM totp_factors WHERE user_id = $1 AND confirmed_at IS NOT NULL`, [
      userId,
    ]);
    return rows.length > 0;
  }

  async status(userId: string): Promise<AccountSecurity['twoFactor']> {
    const [factor, left, requiredBy] = await Promise.all([this.factorOf(userId), this.recoveryCodesLeft(userId), this.requirement(userId)]);
    const enabled = !!factor?.confirmed_at;
    return {
      enabled,
      enabledAt: factor?.confirmed_at ? new Date(factor.confirmed_at).toISOString() : null,
      recoveryCodesLeft: enabled ? left : 0,
      required: requiredBy.platformAdmin || requiredBy.organisations.length > 0,
      requiredBy,
    };
  }

  // Setting it up --------------------------------------------------------------------------------

  /** A new secret, unconfirmed until a code made from it comes back; replaces an earlier unconfirmed one. */
  async begin(user: AuthUser): Promise<TotpSetupResponse> {
    const factor = await this.factorOf(user.id);
    if (factor?.confirmed_at) throw new DomainException('auth.totp_already_enabled', 'Two-step sign-in is already on');
    const secret = new Secret({ size: 20 });
    // Never over a confirmed factor: a setup racing a confirmation must not turn it back off.
    const written: unknown[] = await this.dataSource.query(
      `INSERT INTO totp_factors (user_id, secret_encrypted, created_at, confirmed_at, last_used_step) VALUES ($1, $2, now(), NULL, NULL)
       ON CONFLICT (user_id) DO UPDATE SET secret_encrypted = EXCLUDED.secret_encrypted, created_at = now(), confirmed_at = NULL, last_used_step = NULL
         WHERE totp_factors.confirmed_at IS NULL
       RETURNING user_id`,
      [user.id, this.keys.encrypt(secret.base32, user.id)],
    );
    if (!written.length) throw new DomainException('auth.totp_already_enabled', 'Two-step sign-in is already on');
    return { secret: secret.base32, otpauthUrl: this.totp(secret.base32, user.email).toString() };
  }

  async confirm(user: AuthUser, code: string, ip: string | null): Promise<string[]> {
    const factor = await this.factorOf(user.id);
    if (factor?.confirmed_at) throw new DomainException('auth.totp_already_enabled', 'Two-step sign-in is already on');
    if (!factor) throw new DomainException('auth.totp_not_enabled', 'Start the setup first');
    await this.assertUnderFailureLimit(user.id);
    if (!(await this.consumeTotp(user.id, factor, code, false))) {
      await this.accountPageFailure(user, ip, 'confirm');
      throw new DomainException('auth.totp_invalid', 'Wrong code');
    }
    const codes = await this.dataSource.transaction(async (manager) => {
      // Only the secret the code was checked against: a setup begun meanwhile replaced it.
      const [confirmed] = (await manager.query(
        `UPDATE totp_factors SET confirmed_at = now() WHERE user_id = $1 AND secret_encrypted = $2 AND confirmed_at IS NULL RETURNING user_id`,
        [user.id, factor.secret_encrypted],
      )) as [unknown[], number];
      if (!confirmed?.length) throw new DomainException('auth.totp_invalid', 'Wrong code');
      const codes = await this.replaceRecoveryCodes(user.id, manager);
      await this.audit.record({ actorId: user.id, action: 'auth.totp_enabled', objectType: 'user', objectId: user.id, ip }, manager);
      return codes;
    });
    this.sendLater({ to: user.email, ...ACCOUNT_MAILS.twoFactorEnabled[accountMailLocale(user.locale)]() });
    return codes;
  }

  /** Turns it off with a current code or a recovery code; refused while a rule requires it. */
  async disable(user: AuthUser, code: string, ip: string | null): Promise<void> {
    if (!(await this.enabled(user.id))) throw new DomainException('auth.totp_not_enabled', 'Two-step sign-in is not on');
    if (await this.required(user.id)) {
      throw new DomainException('auth.two_factor_required', 'A rule requires two-step sign-in of this account');
    }
    const factor = await this.verifyOrRefuse(user, code, ip, 'disable');
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [user.id]);
      await manager.query(`DELETE FROM mfa_challenges WHERE user_id = $1`, [user.id]);
      await manager.query(`DELETE FROM totp_factors WHERE user_id = $1`, [user.id]);
      await this.audit.record(
        { actorId: user.id, action: 'auth.totp_disabled', objectType: 'user', objectId: user.id, ip, details: { with: factor } },
        manager,
      );
    });
    this.sendLater({ to: user.email, ...ACCOUNT_MAILS.twoFactorDisabled[accountMailLocale(user.locale)]() });
  }

  /** Ten new recovery codes; the earlier ones stop working. */
  async regenerate(user: AuthUser, code: string, ip: string | null): Promise<string[]> {
    if (!(await this.enabled(user.id))) throw new DomainException('auth.totp_not_enabled', 'Two-step sign-in is not on');
    const factor = await this.verifyOrRefuse(user, code, ip, 'regenerate');
    const codes = await this.dataSource.transaction(async (manager) => {
      const codes = await this.replaceRecoveryCodes(user.id, manager);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'auth.recovery_codes_regenerated',
          objectType: 'user',
          objectId: user.id,
          ip,
          details: { with: factor },
        },
        manager,
      );
      return codes;
    });
    this.sendLater({ to: user.email, ...ACCOUNT_MAILS.recoveryCodesRegenerated[accountMailLocale(user.locale)]() });
    return codes;
  }

  private async verifyOrRefuse(user: AuthUser, code: string, ip: string | null, step: 'disable' | 'regenerate'): Promise<SecondFactor> {
    await this.assertUnderFailureLimit(user.id);
    const factor = await this.verify(user.id, code, ip);
    if (!factor) {
      await this.accountPageFailure(user, ip, step);
      throw new DomainException('auth.totp_invalid', 'Wrong code');
    }
    return factor;
  }

  // Wrong codes of the account -------------------------------------------------------------------

  /**
   * The wrong codes of the last hour, from the challenges (kept an hour for this): each attempt counts,
   * less the one that succeeded. In PostgreSQL, so that every API instance sees the same count.
   */
  private async failedCodes(userId: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT (coalesce(sum(attempts), 0) - count(consumed_at))::int AS n FROM mfa_challenges
        WHERE user_id = $1 AND created_at > now() - interval '1 hour'`,
      [userId],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  private async assertUnderFailureLimit(userId: string, pending = 0): Promise<void> {
    if ((await this.failedCodes(userId)) - pending >= ACCOUNT_FAILED_CODES_PER_HOUR) {
      throw new DomainException('auth.mfa_rate_limited', 'Too many wrong codes for this account within an hour, try again later');
    }
  }

  /** A wrong code just counted: the owner hears of it once, when it reaches the limit. */
  private async afterFailure(user: { id: string; email: string; locale?: string | null }, ip: string | null): Promise<void> {
    if ((await this.failedCodes(user.id)) !== ACCOUNT_FAILED_CODES_PER_HOUR) return;
    await this.audit.record({ actorId: user.id, action: 'auth.mfa_rate_limited', objectType: 'user', objectId: user.id, ip });
    this.sendLater({ to: user.email, ...ACCOUNT_MAILS.secondStepThrottled[accountMailLocale(user.locale)]() });
  }

  /** A wrong code on the account page: audited, and kept as a dead challenge so that it counts too. */
  private async accountPageFailure(user: AuthUser, ip: string | null, step: 'confirm' | 'disable' | 'regenerate'): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO mfa_challenges (token_hash, user_id, method, ip, expires_at, attempts) VALUES ($1, $2, $3, $4, now(), 1)`,
      [sha256(randomBytes(32).toString('base64url')), user.id, ACCOUNT_PAGE_FAILURE, ip],
    );
    await this.audit.record({ actorId: user.id, action: 'auth.totp_failed', objectType: 'user', objectId: user.id, ip, details: { step } });
    await this.afterFailure(user, ip);
  }

  private sendLater(mail: OutgoingMail): void {
    void this.mail.send(mail).catch((error: unknown) => this.logger.error(`mail "${mail.subject}" failed: ${String(error)}`));
  }

  // Sign-in challenges ---------------------------------------------------------------------------

  /** A challenge when the account has two-step sign-in on; null otherwise. */
  async challengeFor(userId: string, context: SignInContext, method: SignInMethod): Promise<MfaChallengeResponse | null> {
    if (!(await this.enabled(userId))) return null;
    // The account's challenges go as a new one comes once older than the hour its wrong codes count for.
    await this.dataSource.query(`DELETE FROM mfa_challenges WHERE user_id = $1 AND created_at < now() - interval '1 hour'`, [userId]);
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.query(
      `INSERT INTO mfa_challenges (token_hash, user_id, method, ip, user_agent, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [sha256(token), userId, method, context.ip, context.userAgent?.slice(0, 512) ?? null, new Date(Date.now() + CHALLENGE_TTL_MS)],
    );
    const left = await this.recoveryCodesLeft(userId);
    return { mfaRequired: true, mfaToken: token, methods: left > 0 ? ['totp', 'recovery_code'] : ['totp'] };
  }

  /**
   * The second step of a sign-in: the attempt is counted before the code is checked (a challenge takes
   * five codes at most, even sent at once), and the challenge is spent by its first success.
   */
  async answer(mfaToken: string, code: string, ip: string | null): Promise<{ userId: string; method: SignInMethod; factor: SecondFactor }> {
    const invalid = () => new DomainException('auth.mfa_invalid', 'This sign-in step has expired or the code is wrong');
    const [rows] = (await this.dataSource.query(
      `UPDATE mfa_challenges SET attempts = attempts + 1
        WHERE token_hash = $1 AND consumed_at IS NULL AND expires_at > now() AND attempts < $2
        RETURNING id, user_id, method`,
      [sha256(mfaToken), CHALLENGE_MAX_ATTEMPTS],
    )) as [ChallengeRow[], number];
    const row = rows?.[0];
    if (!row) throw invalid();
    // The attempt just counted is not a failure yet; over the limit even the right code is refused.
    await this.assertUnderFailureLimit(row.user_id, 1);
    const factor = await this.verify(row.user_id, code, ip);
    if (!factor) {
      await this.audit.record({ actorId: row.user_id, action: 'auth.mfa_failed', objectType: 'user', objectId: row.user_id, ip });
      const owner = await this.users.findActiveById(row.user_id);
      if (owner) await this.afterFailure(owner, ip);
      throw invalid();
    }
    const [spent] = (await this.dataSource.query(
      `UPDATE mfa_challenges SET consumed_at = now() WHERE id = $1 AND consumed_at IS NULL RETURNING id`,
      [row.id],
    )) as [unknown[], number];
    if (!spent?.length) throw invalid();
    return { userId: row.user_id, method: row.method, factor };
  }

  // Codes ----------------------------------------------------------------------------------------

  /** A current TOTP code (its step then spent) or an unused recovery code (then used); null when neither. */
  async verify(userId: string, code: string, ip: string | null): Promise<SecondFactor | null> {
    const compact = code.replace(/[\s-]/g, '');
    if (new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(compact)) {
      const factor = await this.factorOf(userId);
      return factor?.confirmed_at && (await this.consumeTotp(userId, factor, compact, true)) ? 'totp' : null;
    }
    const normalised = normaliseRecoveryCode(compact);
    if (normalised.length !== 10) return null;
    const [used] = (await this.dataSource.query(
      `UPDATE recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
      [userId, this.keys.recoveryHash(normalised)],
    )) as [unknown[], number];
    if (!used?.length) return null;
    const left = await this.recoveryCodesLeft(userId);
    await this.audit.record({
      actorId: userId,
      action: 'auth.recovery_code_used',
      objectType: 'user',
      objectId: userId,
      ip,
      details: { left },
    });
    return 'recovery_code';
  }

  /** Checks a code against the secret and spends its time step, atomically: the same step never works twice. */
  private async consumeTotp(userId: string, factor: FactorRow, code: string, confirmed: boolean): Promise<boolean> {
    const now = Date.now();
    const delta = this.totp(this.keys.decrypt(factor.secret_encrypted, userId)).validate({ token: code, timestamp: now, window: 1 });
    if (delta === null) return false;
    const step = Math.floor(now / 1000 / TOTP_PERIOD_SECONDS) + delta;
    const [spent] = (await this.dataSource.query(
      `UPDATE totp_factors SET last_used_step = $2
        WHERE user_id = $1 AND (confirmed_at IS NOT NULL) = $3 AND (last_used_step IS NULL OR last_used_step < $2) RETURNING user_id`,
      [userId, step, confirmed],
    )) as [unknown[], number];
    return !!spent?.length;
  }

  private async replaceRecoveryCodes(userId: string, manager: EntityManager): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
      const raw = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
      return `${raw.slice(0, 5)}-${raw.slice(5)}`;
    });
    await manager.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
    await manager.query(`INSERT INTO recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])`, [
      userId,
      codes.map((c) => this.keys.recoveryHash(c)),
    ]);
    return codes;
  }

  private async recoveryCodesLeft(userId: string): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL`, [
      userId,
    ])) as {
      n: number;
    }[];
    return row?.n ?? 0;
  }

  private async factorOf(userId: string): Promise<FactorRow | null> {
    const rows: FactorRow[] = await this.dataSource.query(
      `SELECT secret_encrypted, created_at, confirmed_at FROM totp_factors WHERE user_id = $1`,
      [userId],
    );
    return rows[0] ?? null;
  }

  private totp(secret: string, label = 'account'): TOTP {
    return new TOTP({
      issuer: ISSUER,
      label,
      algorithm: 'SHA1',
      digits: TOTP_DIGITS,
      period: TOTP_PERIOD_SECONDS,
      secret: Secret.fromBase32(secret),
    });
  }
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
