import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { OrganisationStatus } from '@alliances/shared/contracts';
import { Repository } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/** Read access to organisations for other domains (docs/decisions/0012-table-ownership.md): they never name these tables. */
@Injectable()
export class OrganisationsReader {
  constructor(@InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>) {}

  /** The organisation (id and status) when `userId` is one of its members: one row, or none. */
  findForMember(organisationId: string, userId: string): Promise<{ id: string; status: OrganisationStatus }[]> {
    return this.organisations.query(`SELECT o.id, o.status FROM organisations o JOIN memberships m ON m.organisation_id = o.id AND m.user_id = $2 WHERE o.id = $1`, [organisationId, userId]);
  }

  /** The organisation when it is approved. */
  approved(organisationId: string): Promise<OrganisationEntity | null> {
    return this.organisations.findOne({ where: { id: organisationId, status: 'approved' } });
  }

  /** Approved organisations whose name contains `q` (accents and case folded), by name, at most 20. */
  searchApproved(q: string): Promise<{ id: string; name: string; profile: string; territory_code: string | null }[]> {
    return this.organisations.query(
      `SELECT id, name, profile, territory_code FROM organisations
        WHERE status = 'approved' AND fold_accents(name) LIKE '%' || fold_accents($1) || '%' ORDER BY name LIMIT 20`,
      [q.replace(/[%_\\]/g, (c) => `\\${c}`)],
    );
  }

  /** Names of the organisations by id, ordered by name (as the database collates), in one statement; unknown ids are absent. */
  async names(ids: (string | null)[]): Promise<{ id: string; name: string }[]> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    if (!wanted.length) return [];
    return this.organisations.query(`SELECT id, name FROM organisations WHERE id = ANY($1::uuid[]) ORDER BY name`, [wanted]);
  }

  /** The distinct (person, role) pairs of the members of these organisations, in one statement. */
  async memberRoles(organisationIds: string[]): Promise<{ user_id: string; role: string }[]> {
    if (!organisationIds.length) return [];
    return this.organisations.query(`SELECT DISTINCT user_id, role FROM memberships WHERE organisation_id = ANY($1::uuid[])`, [organisationIds]);
  }

  /** The (person, organisation) pairs of the members of these organisations, in one statement. */
  async members(organisationIds: string[]): Promise<{ user_id: string; organisation_id: string }[]> {
    if (!organisationIds.length) return [];
    return this.organisations.query(`SELECT user_id, organisation_id FROM memberships WHERE organisation_id = ANY($1::uuid[])`, [organisationIds]);
  }

  /** Names and profiles of the organisations by id, ordered by name (as the database collates), in one statement; unknown ids are absent. */
  async profiles(ids: string[]): Promise<{ id: string; name: string; profile: string }[]> {
    if (!ids.length) return [];
    return this.organisations.query(`SELECT id, name, profile FROM organisations WHERE id = ANY($1::uuid[]) ORDER BY name`, [[...new Set(ids)]]);
  }
}
