import { Injectable } from '@nestjs/common';
import { presentIds } from '@alliances/api/core';
import { InjectRepository } from '@nestjs/typeorm';
import type { DirectoryCard, OrganisationStatus } from '@alliances/shared/contracts';
import { Repository } from 'typeorm';
import { CARD_COLUMNS, IN_DIRECTORY, toDirectoryCard, type CardRow } from './directory/directory-cards';
import { OrganisationEntity } from './organisation.entity';
import { TerritoriesService } from './territories.service';

/** Read access to organisations for other domains (docs/decisions/0012-table-ownership.md): they never name these tables. */
@Injectable()
export class OrganisationsReader {
  constructor(
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
    private readonly territories: TerritoriesService,
  ) {}

  /** Whether the organisation is in the partner directory: listed and approved (false for an unknown id). */
  async isListed(organisationId: string): Promise<boolean> {
    const rows: unknown[] = await this.organisations.query(`SELECT 1 FROM organisations o WHERE o.id = $1 AND ${IN_DIRECTORY}`, [
      organisationId,
    ]);
    return rows.length > 0;
  }

  /**
   * The public directory cards (name, profile, description, website, territory, domains, seeks, offers,
   * open to alliances) of those of `ids` that are listed and approved, by name, in one statement; the
   * others are absent. Never identifiers, members or the house model.
   */
  async directoryCards(ids: (string | null)[]): Promise<DirectoryCard[]> {
    const wanted = presentIds(ids);
    if (!wanted.length) return [];
    const rows: CardRow[] = await this.organisations.query(
      `SELECT ${CARD_COLUMNS} FROM organisations o WHERE o.id = ANY($1::uuid[]) AND ${IN_DIRECTORY} ORDER BY o.name, o.id`,
      [wanted],
    );
    return rows.map((row) => toDirectoryCard(row, this.territories));
  }

  /** The admins (user ids) of these organisations, in one statement: who is told of a proposal. */
  async admins(organisationIds: string[]): Promise<{ organisation_id: string; user_id: string }[]> {
    if (!organisationIds.length) return [];
    return this.organisations.query(
      `SELECT organisation_id, user_id FROM memberships WHERE organisation_id = ANY($1::uuid[]) AND role = 'admin' ORDER BY organisation_id, user_id`,
      [[...new Set(organisationIds)]],
    );
  }

  /**
   * Approved organisations located in any of these départements (`69`) or régions (`R84`): how many,
   * how many listed, and how many per profile; counts only (a territorial catalyst's view).
   */
  async territoryFigures(territoryCodes: string[]): Promise<{ total: number; listed: number; byProfile: Record<string, number> }> {
    const regions = territoryCodes.filter((c) => /^R\d+$/.test(c));
    const departements = territoryCodes.filter((c) => !/^R\d+$/.test(c));
    const rows: { profile: string; total: number; listed: number }[] = await this.organisations.query(
      `SELECT profile, count(*)::int AS total, count(*) FILTER (WHERE listed)::int AS listed FROM organisations
        WHERE status = 'approved' AND (departement_code = ANY($1::text[]) OR region_code = ANY($2::text[])) GROUP BY profile ORDER BY profile`,
      [departements, regions],
    );
    return {
      total: rows.reduce((n, r) => n + r.total, 0),
      listed: rows.reduce((n, r) => n + r.listed, 0),
      byProfile: Object.fromEntries(rows.map((r) => [r.profile, r.total])),
    };
  }

  /** The organisations `userId` is a member of (any role), in one statement (meetings' calendar feed, issue 17). */
  async organisationIdsOf(userId: string): Promise<string[]> {
    const rows: { organisation_id: string }[] = await this.organisations.query(
      'SELECT organisation_id FROM memberships WHERE user_id = $1',
      [userId],
    );
    return rows.map((r) => r.organisation_id);
  }

  /** The organisation (id and status) when `userId` is one of its members: one row, or none. */
  findForMember(organisationId: string, userId: string): Promise<{ id: string; status: OrganisationStatus }[]> {
    return this.organisations.query(
      `SELECT o.id, o.status FROM organisations o JOIN memberships m ON m.organisation_id = o.id AND m.user_id = $2 WHERE o.id = $1`,
      [organisationId, userId],
    );
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

  /** How many organisations exist, whatever their status. */
  count(): Promise<number> {
    return this.organisations.count();
  }

  /** Organisations by profile (most first) and by status, for the platform figures (one statement each). */
  async figures(): Promise<{ byProfile: { profile: string; count: number }[]; byStatus: { status: string; count: number }[] }> {
    const [byProfile, byStatus] = await Promise.all([
      this.organisations.query(`SELECT profile, count(*)::int AS count FROM organisations GROUP BY profile ORDER BY count DESC`),
      this.organisations.query(`SELECT status, count(*)::int AS count FROM organisations GROUP BY status ORDER BY status`),
    ]);
    return { byProfile, byStatus };
  }

  /** How many organisations each of `userIds` belongs to, in one statement; 0 for those in none. */
  async membershipCounts(userIds: string[]): Promise<Map<string, number>> {
    if (!userIds.length) return new Map();
    const rows: { user_id: string; n: number }[] = await this.organisations.query(
      `SELECT user_id, count(*)::int AS n FROM memberships WHERE user_id = ANY($1::uuid[]) GROUP BY user_id`,
      [userIds],
    );
    const counts = new Map(userIds.map((id) => [id, 0]));
    for (const r of rows) counts.set(r.user_id, r.n);
    return counts;
  }

  /** Names of the organisations by id, ordered by name (as the database collates), in one statement; unknown ids are absent. */
  async names(ids: (string | null)[]): Promise<{ id: string; name: string }[]> {
    const wanted = presentIds(ids);
    if (!wanted.length) return [];
    return this.organisations.query(`SELECT id, name FROM organisations WHERE id = ANY($1::uuid[]) ORDER BY name`, [wanted]);
  }

  /** The distinct (person, role) pairs of the members of these organisations, in one statement. */
  async memberRoles(organisationIds: string[]): Promise<{ user_id: string; role: string }[]> {
    if (!organisationIds.length) return [];
    return this.organisations.query(`SELECT DISTINCT user_id, role FROM memberships WHERE organisation_id = ANY($1::uuid[])`, [
      organisationIds,
    ]);
  }

  /** The (person, organisation) pairs of the members of these organisations, in one statement. */
  async members(organisationIds: string[]): Promise<{ user_id: string; organisation_id: string }[]> {
    if (!organisationIds.length) return [];
    return this.organisations.query(`SELECT user_id, organisation_id FROM memberships WHERE organisation_id = ANY($1::uuid[])`, [
      organisationIds,
    ]);
  }

  /** The territory code of each organisation (null when it gave none), in one statement; unknown ids are absent. */
  async territoryCodes(ids: string[]): Promise<Map<string, string | null>> {
    if (!ids.length) return new Map();
    const rows: { id: string; territory_code: string | null }[] = await this.organisations.query(
      `SELECT id, territory_code FROM organisations WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r.territory_code]));
  }

  /** Names and profiles of the organisations by id, ordered by name (as the database collates), in one statement; unknown ids are absent. */
  async profiles(ids: string[]): Promise<{ id: string; name: string; profile: string }[]> {
    if (!ids.length) return [];
    return this.organisations.query(`SELECT id, name, profile FROM organisations WHERE id = ANY($1::uuid[]) ORDER BY name`, [
      [...new Set(ids)],
    ]);
  }
}
