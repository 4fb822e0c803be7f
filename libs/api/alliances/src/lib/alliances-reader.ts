import { Injectable } from '@nestjs/common';
import { presentIds } from '@alliances/api/core';
import { InjectRepository } from '@nestjs/typeorm';
import type { AllianceRole, CollectiveObjective, MagicSquare } from '@alliances/shared/contracts';
import { In, Repository } from 'typeorm';
import { AllianceEntity, AllianceMemberEntity } from './alliance.entity';

/** An alliance an organisation funds, as the funder's portfolio lists it. */
export interface FundedAlliance {
  id: string;
  name: string;
  status: string;
  domains: string[];
  territory_codes: string[];
}

/** Read access to alliances and their members for other domains (docs/decisions/0012-table-ownership.md). */
@Injectable()
export class AlliancesReader {
  constructor(
    @InjectRepository(AllianceEntity) private readonly alliances: Repository<AllianceEntity>,
    @InjectRepository(AllianceMemberEntity) private readonly members: Repository<AllianceMemberEntity>,
  ) {}

  /** The alliances `organisationId` actively funds, by name, filtered by domain, territory and status when given. */
  fundedBy(organisationId: string, filters: { domain?: string; territory?: string; status?: string }): Promise<FundedAlliance[]> {
    return this.alliances.query(
      `SELECT a.id, a.name, a.status, a.domains, a.territory_codes FROM alliances a
         JOIN alliance_members am ON am.alliance_id = a.id AND am.organisation_id = $1 AND am.role = 'funder' AND am.status = 'active'
        WHERE ($2::text IS NULL OR $2 = ANY(a.domains)) AND ($3::text IS NULL OR $3 = ANY(a.territory_codes)) AND ($4::text IS NULL OR a.status = $4)
        ORDER BY a.name`,
      [organisationId, filters.domain ?? null, filters.territory ?? null, filters.status ?? null],
    );
  }

  /** Alliance names by id, in one statement; unknown ids (and null) are absent from the map. */
  async names(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = presentIds(ids);
    if (!wanted.length) return new Map();
    const rows = await this.alliances.find({ select: { id: true, name: true }, where: { id: In(wanted) } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Alliances by category (most first) and by status, for the platform figures (one statement each). */
  async figures(): Promise<{ byCategory: { category: string; count: number }[]; byStatus: { status: string; count: number }[] }> {
    const [byCategory, byStatus] = await Promise.all([
      this.alliances.query(`SELECT category, count(*)::int AS count FROM alliances GROUP BY category ORDER BY count DESC`),
      this.alliances.query(`SELECT status, count(*)::int AS count FROM alliances GROUP BY status ORDER BY status`),
    ]);
    return { byCategory, byStatus };
  }

  /** Whether `organisationId` is an active member of the alliance, in one statement. */
  async isActiveMember(allianceId: string, organisationId: string): Promise<boolean> {
    const rows = await this.members.query(
      `SELECT 1 FROM alliance_members WHERE alliance_id = $1 AND organisation_id = $2 AND status = 'active'`,
      [allianceId, organisationId],
    );
    return rows.length > 0;
  }

  /** The active seats of `organisationIds` in any alliance, with the alliance's name, in one statement (calendar feeds, issue 17). */
  async activeSeatsOf(
    organisationIds: string[],
  ): Promise<{ allianceId: string; allianceName: string; organisationId: string; role: AllianceRole }[]> {
    if (!organisationIds.length) return [];
    const rows: { alliance_id: string; name: string; organisation_id: string; role: AllianceRole }[] = await this.members.query(
      `SELECT am.alliance_id, a.name, am.organisation_id, am.role FROM alliance_members am JOIN alliances a ON a.id = am.alliance_id
        WHERE am.organisation_id = ANY($1::uuid[]) AND am.status = 'active'`,
      [organisationIds],
    );
    return rows.map((r) => ({ allianceId: r.alliance_id, allianceName: r.name, organisationId: r.organisation_id, role: r.role }));
  }

  /** The active members of an alliance (organisation id and role), with the given roles only when given, in one statement. */
  activeMembers(allianceId: string, roles?: AllianceRole[]): Promise<{ organisationId: string; role: AllianceRole }[]> {
    return this.members.find({
      select: { organisationId: true, role: true },
      where: { allianceId, status: 'active', ...(roles ? { role: In(roles) } : {}) },
    });
  }

  /**
   * The active seats (`<allianceId>|<organisationId>`) of the given alliances that are not closed, in one
   * statement: what a scheduled reminder checks before recalling anything (issue 17 review).
   */
  async openSeats(allianceIds: string[]): Promise<Set<string>> {
    const wanted = presentIds(allianceIds);
    if (!wanted.length) return new Set();
    const rows: { alliance_id: string; organisation_id: string }[] = await this.members.query(
      `SELECT am.alliance_id, am.organisation_id FROM alliance_members am JOIN alliances a ON a.id = am.alliance_id
        WHERE am.alliance_id = ANY($1::uuid[]) AND am.status = 'active' AND a.status <> 'closed'`,
      [wanted],
    );
    return new Set(rows.map((r) => `${r.alliance_id}|${r.organisation_id}`));
  }

  /** The lead organisation and status of an alliance, or null when it does not exist (or the caller may not see it). */
  async leadOf(allianceId: string): Promise<{ organisationId: string; status: string } | null> {
    const rows: { organisation_id: string; status: string }[] = await this.members.query(
      `SELECT am.organisation_id, a.status FROM alliances a JOIN alliance_members am ON am.alliance_id = a.id AND am.role = 'lead' AND am.status = 'active'
        WHERE a.id = $1`,
      [allianceId],
    );
    return rows[0] ? { organisationId: rows[0].organisation_id, status: rows[0].status } : null;
  }

  /** Counts of the alliances with a territory among `territoryCodes`, by category, domain and status (one statement). */
  async territoryCounts(
    territoryCodes: string[],
  ): Promise<{ total: number; byCategory: Record<string, number>; byDomain: Record<string, number>; byStatus: Record<string, number> }> {
    const [row]: {
      total: number;
      by_category: Record<string, number> | null;
      by_domain: Record<string, number> | null;
      by_status: Record<string, number> | null;
    }[] = await this.alliances.query(
      `WITH a AS (SELECT id, category, status, domains FROM alliances WHERE territory_codes && $1::text[])
       SELECT (SELECT count(*)::int FROM a) AS total,
              (SELECT json_object_agg(category, n) FROM (SELECT category, count(*)::int AS n FROM a GROUP BY category) c) AS by_category,
              (SELECT json_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM a GROUP BY status) s) AS by_status,
              (SELECT json_object_agg(domain, n) FROM (SELECT domain, count(*)::int AS n FROM a, unnest(a.domains) AS domain GROUP BY domain) d) AS by_domain`,
      [territoryCodes],
    );
    return { total: row.total, byCategory: row.by_category ?? {}, byDomain: row.by_domain ?? {}, byStatus: row.by_status ?? {} };
  }

  /**
   * What an alliance's public page shows of it (name, purpose, category, territories, SDG tags), or null.
   * The library calls it as the system once the page is open and the card published (issue 18).
   */
  async publicProfile(
    allianceId: string,
  ): Promise<{ name: string; purpose: string; category: string; territoryCodes: string[]; sdgs: string[]; updatedAt: Date } | null> {
    const a = await this.alliances.findOne({
      select: { name: true, purpose: true, category: true, territoryCodes: true, sdgs: true, updatedAt: true },
      where: { id: allianceId },
    });
    return a
      ? { name: a.name, purpose: a.purpose, category: a.category, territoryCodes: a.territoryCodes, sdgs: a.sdgs, updatedAt: a.updatedAt }
      : null;
  }

  /** The profile of each alliance (category, status, objectives, domains, territories) by id, in one statement (the observatory, issue 18). */
  async profiles(
    ids: string[],
  ): Promise<
    Map<string, { category: string; status: string; collectiveObjectives: string[]; domains: string[]; territoryCodes: string[] }>
  > {
    const wanted = presentIds(ids);
    if (!wanted.length) return new Map();
    const rows: {
      id: string;
      category: string;
      status: string;
      collective_objectives: string[];
      domains: string[];
      territory_codes: string[];
    }[] = await this.alliances.query(
      `SELECT id, category, status, collective_objectives, domains, territory_codes FROM alliances WHERE id = ANY($1::uuid[])`,
      [wanted],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          category: r.category,
          status: r.status,
          collectiveObjectives: r.collective_objectives,
          domains: r.domains,
          territoryCodes: r.territory_codes,
        },
      ]),
    );
  }

  /** The active members with the given roles of each alliance, by alliance id, in one statement. */
  async activeMembersOf(allianceIds: string[], roles: AllianceRole[]): Promise<Map<string, string[]>> {
    const wanted = presentIds(allianceIds);
    const found = new Map<string, string[]>();
    if (!wanted.length) return found;
    const rows: { alliance_id: string; organisation_id: string }[] = await this.members.query(
      `SELECT alliance_id, organisation_id FROM alliance_members WHERE alliance_id = ANY($1::uuid[]) AND status = 'active' AND role = ANY($2::text[])`,
      [wanted, roles],
    );
    for (const r of rows) found.set(r.alliance_id, [...(found.get(r.alliance_id) ?? []), r.organisation_id]);
    return found;
  }

  /**
   * What an evaluation campaign is set up from (issue 18): the alliance's name, status, version of the
   * charter in force and collective objectives, and each active lead or partner's magic-square objective.
   */
  async evaluationProfile(allianceId: string): Promise<{
    name: string;
    status: string;
    inForceVersion: number | null;
    collectiveObjectives: CollectiveObjective[];
    squares: { organisationId: string; square: MagicSquare[] }[];
  } | null> {
    const alliance = await this.alliances.findOne({ where: { id: allianceId } });
    if (!alliance) return null;
    const seats = await this.members.find({
      select: { organisationId: true, objective: true },
      where: { allianceId, status: 'active', role: In(['lead', 'partner']) },
    });
    return {
      name: alliance.name,
      status: alliance.status,
      inForceVersion: alliance.inForceVersion,
      collectiveObjectives: alliance.collectiveObjectives ?? [],
      squares: seats
        .filter((s) => s.objective?.square?.length)
        .map((s) => ({ organisationId: s.organisationId, square: s.objective?.square ?? [] })),
    };
  }
}
