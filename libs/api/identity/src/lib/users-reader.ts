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
}
