import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundDomainException, runAsSystem, type AuthUser } from '@alliances/api/core';
import { AlliancePolicy, AlliancesReader } from '@alliances/api/alliances';
import { EvaluationsReader } from '@alliances/api/evaluations';
import { OrganisationPolicy } from '@alliances/api/organisations';
import { CatalystsReader } from '@alliances/api/proposals';
import {
  EVALUATION_DIMENSIONS,
  OBSERVATORY_MIN_ALLIANCES,
  RESULT_FOCUS_KEYS,
  type AllianceBenchmark,
  type BenchmarkStats,
  type ObservatoryGroupBy,
  type ObservatoryQuery,
  type ObservatoryView,
  type PartnershipCategory,
} from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';
import { ANY, COORDINATES, GROUP_BYS, groupFactsSql, toGroup } from './observatory-cells';

type Row = Record<string, number | string> & { key: string; computed_at?: Date };

/** The filters of a query, by coordinate: a région is given as its INSEE code (`84`; `R84` is accepted). */
function filtersOf(query: ObservatoryQuery): Partial<Record<ObservatoryGroupBy, string>> {
  return {
    ...(query.region ? { region: query.region.toUpperCase().replace(/^R/, '') } : {}),
    ...(query.domain ? { domain: query.domain } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.collectiveObjective ? { collectiveObjective: query.collectiveObjective } : {}),
  };
}

/**
 * The observatory (issue 18, docs/decisions/0026-observatory-aggregates.md): aggregates of the alliances that
 * opted in, never a group, total or mean from fewer than OBSERVATORY_MIN_ALLIANCES alliances. The platform scope
 * reads the precomputed cells (O(groups) rows whatever the number of alliances); a funder's portfolio or a
 * catalyst's territory groups its own facts on the fly (O(alliances in scope)).
 */
@Injectable()
export class ObservatoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AlliancePolicy,
    private readonly organisationPolicy: OrganisationPolicy,
    private readonly alliances: AlliancesReader,
    private readonly evaluations: EvaluationsReader,
    private readonly catalysts: CatalystsReader,
  ) {}

  async view(user: AuthUser | null, query: ObservatoryQuery): Promise<ObservatoryView> {
    const scope = user ? (query.scope ?? 'platform') : 'platform';
    const groupBy = query.groupBy ?? 'region';
    const filters = filtersOf(query);
    let rows: Row[];
    if (scope === 'platform') rows = await this.cells(groupBy, filters);
    else {
      if (!query.organisationId || !user) throw new NotFoundDomainException('organisation');
      await this.organisationPolicy.member(user, query.organisationId);
      rows = await this.scoped(scope, query.organisationId, groupBy, filters);
    }
    const wanted = filters[groupBy];
    const totalRow = rows.find((r) => r.key === (wanted ?? ANY));
    const candidates = rows.filter((r) => r.key !== ANY && (!wanted || r.key === wanted) && Number(r['alliances']) > 0);
    const shown = candidates.filter((r) => Number(r['alliances']) >= OBSERVATORY_MIN_ALLIANCES);
    const computedAt = rows.reduce<Date | null>((at, r) => (r.computed_at && (!at || r.computed_at > at) ? r.computed_at : at), null);
    return {
      scope,
      groupBy,
      filters: {
        ...(query.region ? { region: filters.region } : {}),
        ...(query.domain ? { domain: query.domain } : {}),
        ...(query.category ? { category: query.category } : {}),
        ...(query.collectiveObjective ? { collectiveObjective: query.collectiveObjective } : {}),
      },
      minAlliances: OBSERVATORY_MIN_ALLIANCES,
      total: totalRow && Number(totalRow['alliances']) >= OBSERVATORY_MIN_ALLIANCES ? toGroup('all', totalRow) : null,
      groups: shown.map((r) => toGroup(r.key, r)).sort((a, b) => b.alliances - a.alliances || a.key.localeCompare(b.key)),
      withheld: candidates.length - shown.length,
      computedAt: (computedAt ?? new Date()).toISOString(),
    };
  }

  /** The platform's precomputed cells: the three other coordinates fixed (a filter or `*`), one statement. */
  private async cells(groupBy: ObservatoryGroupBy, filters: Partial<Record<ObservatoryGroupBy, string>>): Promise<Row[]> {
    const others = GROUP_BYS.filter((g) => g !== groupBy);
    const key = COORDINATES[groupBy].column;
    // The cells hold counts only (no alliance id, no row-level policy): read as they are for anyone.
    return this.dataSource.query(
      `SELECT ${key} AS key, * FROM observatory_cells WHERE ${others.map((g, i) => `${COORDINATES[g].column} = $${i + 1}`).join(' AND ')}`,
      others.map((g) => filters[g] ?? ANY),
    );
  }

  /** A funder's portfolio or a catalyst's territory, grouped from its alliances' facts. */
  private async scoped(
    scope: 'portfolio' | 'territory',
    organisationId: string,
    groupBy: ObservatoryGroupBy,
    filters: Partial<Record<ObservatoryGroupBy, string>>,
  ): Promise<Row[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (scope === 'portfolio') {
      const funded = await this.alliances.fundedBy(organisationId, {});
      params.push(funded.map((a) => a.id));
      where.push(`f.alliance_id = ANY($${params.length}::uuid[])`);
    } else {
      const areas = await this.catalysts.areasOf(organisationId);
      if (!areas.length) throw new NotFoundDomainException('catalyst');
      params.push(areas);
      where.push(`f.territory_codes && $${params.length}::text[]`);
    }
    for (const g of GROUP_BYS) {
      const value = filters[g];
      if (value === undefined) continue;
      params.push(value);
      where.push(`$${params.length} = ANY(${COORDINATES[g].values})`);
    }
    // Every alliance of the scope, not only the caller's (row-level security would keep the caller's alone):
    // as the system, and only the k-anonymous aggregates leave this service.
    return runAsSystem(() => this.dataSource.query(groupFactsSql(groupBy, where.join(' AND ')), params));
  }

  /**
   * The alliance's latest counted campaign beside similar alliances (same category, counted in the observatory,
   * evaluated, itself excluded): median and quartiles, only from OBSERVATORY_MIN_ALLIANCES peers.
   */
  async benchmark(user: AuthUser, allianceId: string): Promise<AllianceBenchmark> {
    const access = await this.policy.partnerReadable(user, allianceId);
    const category = access.alliance.category as PartnershipCategory;
    const own = (await this.evaluations.latestSummaries([allianceId])).get(allianceId);
    const keys = [
      ...EVALUATION_DIMENSIONS.map((d) => ({ kind: 'dimension' as const, key: d, json: `dimension_means->>'${d}'` })),
      ...RESULT_FOCUS_KEYS.map((k) => ({ kind: 'focus' as const, key: k, json: `focus_means->>'${k}'` })),
    ];
    const [stats] = await runAsSystem(
      () =>
        this.dataSource.query(
          `SELECT count(*)::int AS peers, ${keys
            .map(
              (k, i) =>
                `count((${k.json}))::int AS n${i}, percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY (${k.json})::float8) AS q${i}`,
            )
            .join(', ')}
             FROM observatory_facts WHERE category = $1 AND campaign_id IS NOT NULL AND alliance_id <> $2`,
          [category, allianceId],
        ) as Promise<Record<string, number | number[] | null>[]>,
    );
    const peers = Number(stats['peers']) >= OBSERVATORY_MIN_ALLIANCES ? Number(stats['peers']) : 0;
    const statsOf = (i: number): BenchmarkStats | null => {
      const q = stats[`q${i}`] as number[] | null;
      if (!peers || !q || Number(stats[`n${i}`]) < OBSERVATORY_MIN_ALLIANCES) return null;
      return { q1: round(q[0]), median: round(q[1]), q3: round(q[2]) };
    };
    const ownMean = (kind: 'dimension' | 'focus', key: string): number | null => {
      const value = kind === 'dimension' ? own?.dimensionMeans[key as never] : own?.focusMeans[key as never];
      return typeof value === 'number' ? round(value) : null;
    };
    return {
      allianceId,
      category,
      campaignId: own?.campaignId ?? null,
      peers,
      dimensions: keys.flatMap((k, i) => (k.kind === 'dimension' ? [{ key: k.key, mean: ownMean(k.kind, k.key), peers: statsOf(i) }] : [])),
      focuses: keys.flatMap((k, i) => (k.kind === 'focus' ? [{ key: k.key, mean: ownMean(k.kind, k.key), peers: statsOf(i) }] : [])),
    };
  }
}

const round = (x: number) => Math.round(x * 100) / 100;
