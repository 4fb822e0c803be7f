import { Injectable } from '@nestjs/common';
import { presentIds, returnedRows } from '@alliances/api/core';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * Access to people for other domains (docs/decisions/0012-table-ownership.md): they never name `users`.
 * Reads, plus the two writes other domains need: an admin disabling someone, the digest claim.
 */
@Injectable()
export class UsersReader {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** Display names by user id, in one statement; unknown ids (and null) are absent from the map. */
  async displayNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = presentIds(ids);
    if (!wanted.length) return new Map();
    const rows = await this.users.find({ select: { id: true, displayName: true }, where: { id: In(wanted) } });
    return new Map(rows.map((r) => [r.id, r.displayName]));
  }

  /** The people of `ids` with what another domain may show or mail them, by display name, in one statement; unknown ids are absent. */
  async contacts(ids: (string | null)[]): Promise<Map<string, Pick<UserEntity, 'id' | 'displayName' | 'email' | 'locale' | 'deletedAt'>>> {
    const wanted = presentIds(ids);
    if (!wanted.length) return new Map();
    const rows = await this.users.find({
      select: { id: true, displayName: true, email: true, locale: true, deletedAt: true },
      where: { id: In(wanted) },
      order: { displayName: 'ASC' },
    });
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The person if the account may still be used (neither disabled nor deleted), with their locale; else null. */
  async usable(id: string): Promise<Pick<UserEntity, 'id' | 'locale'> | null> {
    const row = await this.users.findOne({ select: { id: true, locale: true, disabledAt: true, deletedAt: true }, where: { id } });
    return row && !row.disabledAt && !row.deletedAt ? { id: row.id, locale: row.locale } : null;
  }

  /** The person (deleted or not) holding exactly this email, if any. */
  byEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { email } });
  }

  /** Everyone not deleted, searchable by name or email (`q` a LIKE pattern), newest first, keyset on (created_at, id); `limit` rows. */
  page(
    q: string | null,
    limit: number,
    after?: [string, string],
  ): Promise<
    {
      id: string;
      email: string;
      display_name: string;
      is_platform_admin: boolean;
      disabled_at: Date | null;
      last_login_at: Date | null;
      created_at: Date;
    }[]
  > {
    return this.users.query(
      `SELECT u.id, u.email, u.display_name, u.is_platform_admin, u.disabled_at, u.last_login_at, u.created_at
         FROM users u
        WHERE u.deleted_at IS NULL AND ($1::text IS NULL OR fold_accents(u.email) LIKE fold_accents($1) OR fold_accents(u.display_name) LIKE fold_accents($1))
          ${after ? 'AND (u.created_at, u.id) < ($3::timestamptz, $4::uuid)' : ''}
        ORDER BY u.created_at DESC, u.id DESC LIMIT $2`,
      after ? [q, limit, ...after] : [q, limit],
    );
  }

  /** People not deleted: all of them, and those who signed in this calendar month (one statement). */
  async counts(): Promise<{ users: number; activeThisMonth: number }> {
    const [row]: { users: number; active: number }[] = await this.users.query(
      `SELECT count(*)::int AS users, (count(*) FILTER (WHERE last_login_at >= date_trunc('month', now())))::int AS active FROM users WHERE deleted_at IS NULL`,
    );
    return { users: row.users, activeThisMonth: row.active };
  }

  /** Disables or enables a person not deleted, in the caller's transaction; false when there is no such person. */
  async setDisabled(id: string, disabled: boolean, manager: EntityManager): Promise<boolean> {
    const result = await manager.query(
      'UPDATE users SET disabled_at = CASE WHEN $2 THEN now() ELSE NULL END WHERE id = $1 AND deleted_at IS NULL RETURNING id',
      [id, disabled],
    );
    return returnedRows(result).length > 0;
  }

  /**
   * Stamps `last_digest_at` of those of `ids` who are active and whose last digest is older than `interval`,
   * and returns them: the atomic claim that keeps two instances from mailing the same digest.
   */
  async claimDigest(ids: string[], interval: string): Promise<{ id: string; email: string; locale: string }[]> {
    if (!ids.length) return [];
    const claimed = await this.users.query(
      `UPDATE users u SET last_digest_at = now()
        WHERE u.id = ANY($2::uuid[]) AND u.deleted_at IS NULL AND u.disabled_at IS NULL
          AND (u.last_digest_at IS NULL OR u.last_digest_at <= now() - $1::interval)
        RETURNING u.id, u.email, u.locale`,
      [interval, ids],
    );
    return returnedRows<{ id: string; email: string; locale: string }>(claimed);
  }

  /** Of these people, those not deleted whose name contains `q` (accents and case folded), by id, at most `limit`, in one statement. */
  async searchAmong(ids: string[], q: string | null, limit: number): Promise<{ id: string; display_name: string }[]> {
    if (!ids.length) return [];
    return this.users.query(
      `SELECT id, display_name FROM users WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL
          AND ($2::text IS NULL OR fold_accents(display_name) LIKE '%' || fold_accents($2) || '%')
        ORDER BY id LIMIT $3`,
      [[...new Set(ids)], q, limit],
    );
  }
}
