import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { UserEntity } from './user.entity';

/** Read access to people for other domains (docs/decisions/0012-table-ownership.md): they never name `users`. */
@Injectable()
export class UsersReader {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** Display names by user id, in one statement; unknown ids (and null) are absent from the map. */
  async displayNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    if (!wanted.length) return new Map();
    const rows = await this.users.find({ select: { id: true, displayName: true }, where: { id: In(wanted) } });
    return new Map(rows.map((r) => [r.id, r.displayName]));
  }

  /** Name and deletion time of each person by id, in one statement; unknown ids are absent. */
  async authors(ids: (string | null)[]): Promise<{ id: string; display_name: string; deleted_at: Date | null }[]> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    if (!wanted.length) return [];
    return this.users.query('SELECT id, display_name, deleted_at FROM users WHERE id = ANY($1::uuid[])', [wanted]);
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
