import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

export type AccountTokenPurpose = 'password_reset' | 'email_change';

export const PASSWORD_RESET_TTL_MS = 60 * 60_000;
export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60_000;

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/**
 * The single-use links of the password reset and the email change (docs/decisions/0016): 32 random
 * bytes in the mail, only their SHA-256 in `account_tokens`, so a copy of the database opens nothing.
 */
@Injectable()
export class AccountTokensService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new link of the account; the earlier unused ones of the same purpose stop working. */
  async issue(userId: string, purpose: AccountTokenPurpose, ttlMs: number, newEmail: string | null = null): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM account_tokens WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL', [userId, purpose]);
      await manager.query(
        `INSERT INTO account_tokens (user_id, purpose, token_hash, new_email, expires_at) VALUES ($1, $2, $3, $4, now() + $5 * interval '1 millisecond')`,
        [userId, purpose, sha256(token), newEmail, ttlMs],
      );
    });
    return token;
  }

  /**
   * Uses a link: a conditional UPDATE marks it used, so two concurrent uses cannot both succeed.
   * Null when unknown, expired or already used. Runs in the caller's transaction, so that a failure
   * further on leaves the link unused.
   */
  async consume(
    token: string,
    purpose: AccountTokenPurpose,
    manager: EntityManager,
  ): Promise<{ userId: string; newEmail: string | null } | null> {
    if (typeof token !== 'string' || !token) return null;
    const [rows]: [{ user_id: string; new_email: string | null }[], number] = await manager.query(
      `UPDATE account_tokens SET used_at = now()
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id, new_email`,
      [sha256(token), purpose],
    );
    return rows[0] ? { userId: rows[0].user_id, newEmail: rows[0].new_email } : null;
  }

  /** The unused links of a purpose stop working (a reset link sent to an address the account no longer has). */
  async voidUnused(userId: string, purpose: AccountTokenPurpose, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM account_tokens WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL', [userId, purpose]);
  }

  /** The account a link was made for, whatever its state (to audit a failed use); null for an unknown one. */
  async ownerOf(token: string, purpose: AccountTokenPurpose): Promise<string | null> {
    if (typeof token !== 'string' || !token) return null;
    const rows: { user_id: string }[] = await this.dataSource.query(
      'SELECT user_id FROM account_tokens WHERE token_hash = $1 AND purpose = $2',
      [sha256(token), purpose],
    );
    return rows[0]?.user_id ?? null;
  }

  /** The address of an email change waiting for its confirmation, if any. */
  async pendingEmailOf(userId: string): Promise<string | null> {
    const rows: { new_email: string }[] = await this.dataSource.query(
      `SELECT new_email FROM account_tokens
        WHERE user_id = $1 AND purpose = 'email_change' AND used_at IS NULL AND expires_at > now()
        ORDER BY created_at DESC LIMIT 1`,
      [userId],
    );
    return rows[0]?.new_email ?? null;
  }

  /** RGPD erasure. */
  async removeAllOf(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM account_tokens WHERE user_id = $1', [userId]);
  }
}
