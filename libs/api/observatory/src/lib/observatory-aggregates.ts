import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { runAsSystem } from '@alliances/api/core';
import { AlliancesReader } from '@alliances/api/alliances';
import { EvaluationsReader } from '@alliances/api/evaluations';
import { ObjectivesReader } from '@alliances/api/objectives';
import { TerritoriesService } from '@alliances/api/organisations';
import { DataSource, type EntityManager } from 'typeorm';
import { addToCellsSql, OBJECTIVE_STATUSES } from './observatory-cells';

/** One counted alliance, as `observatory_facts` keeps it. */
interface Fact {
  alliance_id: string;
  category: string;
  status: string;
  region_codes: string[];
  domains: string[];
  collective_objectives: string[];
  territory_codes: string[];
  campaign_id: string | null;
  dimension_means: object;
  focus_means: object;
  objectives: Record<string, number>;
}

/** Serialises the rebuild and the moves of single alliances (they both rewrite the cells). */
const CELLS_LOCK = 0x0b5e7a70;
const BATCH = 5000;

/**
 * Keeps the observatory's aggregates (docs/decisions/0026-observatory-aggregates.md): `observatory_facts` holds one
 * row per counted alliance (opted in, every current lead/partner organisation consented), read from the other
 * domains through their readers; `observatory_cells` sums them by région, domain, category and collective
 * objective. Rebuilt by the `observatory_refresh` job, moved at once for one alliance when its participation
 * changes. Runs as the system: it reads every alliance, and only counts leave through the observatory.
 */
@Injectable()
export class ObservatoryAggregates {
  private readonly logger = new Logger('ObservatoryAggregates');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alliances: AlliancesReader,
    private readonly evaluations: EvaluationsReader,
    private readonly objectives: ObjectivesReader,
    private readonly territories: TerritoriesService,
  ) {}

  /** The participation of each alliance: `off`, `awaiting_consent` or `in`, by the current lead and partners. */
  async statuses(
    allianceIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, 'off' | 'awaiting_consent' | 'in'>> {
    const [requested, consents, members] = await Promise.all([
      manager.query(`SELECT alliance_id FROM observatory_participations WHERE alliance_id = ANY($1::uuid[])`, [allianceIds]) as Promise<
        { alliance_id: string }[]
      >,
      manager.query(`SELECT alliance_id, organisation_id FROM observatory_consents WHERE alliance_id = ANY($1::uuid[])`, [
        allianceIds,
      ]) as Promise<{ alliance_id: string; organisation_id: string }[]>,
      this.alliances.activeMembersOf(allianceIds, ['lead', 'partner']),
    ]);
    const asked = new Set(requested.map((r) => r.alliance_id));
    const given = new Set(consents.map((c) => `${c.alliance_id}|${c.organisation_id}`));
    return new Map(
      allianceIds.map((id) => {
        if (!asked.has(id)) return [id, 'off'] as const;
        const seats = members.get(id) ?? [];
        return [id, seats.length && seats.every((o) => given.has(`${id}|${o}`)) ? 'in' : 'awaiting_consent'] as const;
      }),
    );
  }

  /** The facts of the alliances among `allianceIds` that count now. */
  private async factsOf(allianceIds: string[]): Promise<Fact[]> {
    const statuses = await this.statuses(allianceIds);
    const counted = allianceIds.filter((id) => statuses.get(id) === 'in');
    if (!counted.length) return [];
    const [profiles, summaries, objectives] = await Promise.all([
      this.alliances.profiles(counted),
      this.evaluations.latestSummaries(counted),
      this.objectives.statusCounts(counted),
    ]);
    return counted.flatMap((id) => {
      const profile = profiles.get(id);
      if (!profile) return [];
      const regions = new Set<string>();
      const places = new Set<string>();
      for (const code of profile.territoryCodes) {
        const at = this.territories.locate(code);
        if (!at) continue;
        places.add(at.territory.code);
        if (at.departementCode) places.add(at.departementCode);
        if (at.regionCode) {
          places.add(at.regionCode);
          regions.add(at.regionCode.slice(1));
        }
      }
      const summary = summaries.get(id);
      const counts = objectives.get(id) ?? {};
      return [
        {
          alliance_id: id,
          category: profile.category,
          status: profile.status,
          region_codes: [...regions].sort(),
          domains: [...new Set(profile.domains)].sort(),
          collective_objectives: [...new Set(profile.collectiveObjectives)].sort(),
          territory_codes: [...places].sort(),
          campaign_id: summary?.campaignId ?? null,
          dimension_means: summary?.dimensionMeans ?? {},
          focus_means: summary?.focusMeans ?? {},
          objectives: {
            total: Object.values(counts).reduce((a, b) => a + b, 0),
            ...Object.fromEntries(OBJECTIVE_STATUSES.map((s) => [s, counts[s] ?? 0])),
          },
        },
      ];
    });
  }

  private insertFacts(manager: EntityManager, facts: Fact[]): Promise<unknown> {
    return manager.query(
      `INSERT INTO observatory_facts (alliance_id, category, status, region_codes, domains, collective_objectives, territory_codes,
                                      campaign_id, dimension_means, focus_means, objectives)
       SELECT alliance_id, category, status, region_codes, domains, collective_objectives, territory_codes, campaign_id, dimension_means, focus_means, objectives
         FROM jsonb_to_recordset($1::jsonb) AS x(alliance_id uuid, category text, status text, region_codes text[], domains text[],
              collective_objectives text[], territory_codes text[], campaign_id uuid, dimension_means jsonb, focus_means jsonb, objectives jsonb)`,
      [JSON.stringify(facts)],
    );
  }

  /**
   * Moves the cells for these alliances at once (a participation changed): out with their old facts, in with the new.
   * The facts are gathered before the lock; under it the participations are read again (as `rebuild` does), so that
   * a consent racing with a withdrawal never leaves a withdrawn alliance counted.
   */
  refreshAlliances(allianceIds: string[]): Promise<void> {
    return runAsSystem(async () => {
      const gathered = await this.factsOf(allianceIds);
      await this.dataSource.transaction(async (manager) => {
        await manager.query('SELECT pg_advisory_xact_lock($1)', [CELLS_LOCK]);
        const statuses = await this.statuses(allianceIds, manager);
        const facts = gathered.filter((f) => statuses.get(f.alliance_id) === 'in');
        const where = 'f.alliance_id = ANY($1::uuid[])';
        await manager.query(addToCellsSql(where, -1), [allianceIds]);
        await manager.query('DELETE FROM observatory_facts WHERE alliance_id = ANY($1::uuid[])', [allianceIds]);
        if (facts.length) {
          await this.insertFacts(manager, facts);
          await manager.query(addToCellsSql(where, 1), [facts.map((f) => f.alliance_id)]);
        }
      });
    });
  }

  /**
   * The `observatory_refresh` job: every fact read again (statuses, evaluations, objectives, a partner who joined),
   * the cells rebuilt. The facts are gathered before the lock (the long part); under it, the participations are
   * read again, so that a withdrawal made meanwhile is never undone, and the write is short.
   */
  rebuild(): Promise<{ alliances: number; cells: number }> {
    return runAsSystem(async () => {
      const ids = await this.participating(this.dataSource.manager);
      const gathered: Fact[] = [];
      for (let i = 0; i < ids.length; i += BATCH) gathered.push(...(await this.factsOf(ids.slice(i, i + BATCH))));
      return this.dataSource.transaction(async (manager) => {
        await manager.query('SELECT pg_advisory_xact_lock($1)', [CELLS_LOCK]);
        const now = await this.participating(manager);
        const statuses = new Map<string, string>();
        for (let i = 0; i < now.length; i += BATCH)
          for (const [id, status] of await this.statuses(now.slice(i, i + BATCH), manager)) statuses.set(id, status);
        const kept = gathered.filter((f) => statuses.get(f.alliance_id) === 'in');
        const known = new Set(kept.map((f) => f.alliance_id));
        const joined = await this.factsOf(now.filter((id) => statuses.get(id) === 'in' && !known.has(id)));
        const facts = [...kept, ...joined];
        await manager.query('DELETE FROM observatory_facts');
        for (let i = 0; i < facts.length; i += BATCH) await this.insertFacts(manager, facts.slice(i, i + BATCH));
        await manager.query('DELETE FROM observatory_cells');
        await manager.query(addToCellsSql('true', 1));
        const [{ cells }] = await manager.query('SELECT count(*)::int AS cells FROM observatory_cells');
        this.logger.debug(`rebuilt: ${facts.length} alliance(s), ${cells} cell(s)`);
        return { alliances: facts.length, cells };
      });
    });
  }

  private async participating(manager: EntityManager): Promise<string[]> {
    const rows: { alliance_id: string }[] = await manager.query('SELECT alliance_id FROM observatory_participations ORDER BY alliance_id');
    return rows.map((r) => r.alliance_id);
  }
}
