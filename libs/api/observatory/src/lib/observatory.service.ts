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
import { ANY, COORDINATES, GROUP_BYS, groupFactsSql, MEAN_PREFIXES, pairFactsSql, toGroup } from './observatory-cells';

type Row = Record<string, number | string> & { key: string; computed_at?: Date };
type Filters = Partial<Record<ObservatoryGroupBy, string>>;
/** One source's rows: by the grouping coordinate, and by it and each other coordinate (key → key2 → row). */
interface Grids {
  main: Map<string, Row>;
  pairs: Partial<Record<ObservatoryGroupBy, Map<string, Map<string, Row>>>>;
}
interface Verdict {
  hidden: boolean;
  means: Set<string>;
}
const num = (row: Row | undefined, column: string) => Number(row?.[column] ?? 0);
const small = (x: number) => x > 0 && x < OBSERVATORY_MIN_ALLIANCES;

/**
 * The siblings of one family (one coordinate varying under `parent`) that are withheld on the count `column`:
 * fewer than 5, or 1–4 from the parent; then, while what is withheld could be derived as 1–4 alliances (the
 * parent minus the shown siblings, or the withheld siblings together), the smallest shown sibling too.
 */
function suppressed(parent: Row | undefined, siblings: Map<string, Row>, column: string): Set<string> {
  const total = num(parent, column);
  const hidden = new Set<string>();
  for (const [k, r] of siblings) if (num(r, column) < OBSERVATORY_MIN_ALLIANCES || small(total - num(r, column))) hidden.add(k);
  const shown = [...siblings]
    .filter(([k]) => !hidden.has(k))
    .sort(([ka, a], [kb, b]) => num(a, column) - num(b, column) || ka.localeCompare(kb));
  const leaks = () => {
    let inShown = 0;
    let inHidden = 0;
    for (const [k, r] of siblings) {
      if (hidden.has(k)) inHidden += num(r, column);
      else inShown += num(r, column);
    }
    return small(total - inShown) || small(inHidden);
  };
  while (shown.length && leaks()) hidden.add((shown.shift() as [string, Row])[0]);
  return hidden;
}

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
    const platform = await this.grids(groupBy, filters, (g, d, fixed) => this.cells(g, d, fixed));
    let own = platform;
    if (scope !== 'platform') {
      if (!query.organisationId || !user) throw new NotFoundDomainException('organisation');
      await this.organisationPolicy.member(user, query.organisationId);
      const where = await this.scopeWhere(scope, query.organisationId);
      own = await this.grids(groupBy, filters, (g, d, fixed) => this.scoped(where, g, d, fixed));
    }
    const wanted = filters[groupBy];
    const totalKey = wanted ?? ANY;
    const candidates = [...own.main.values()].filter((r) => r.key !== ANY && (!wanted || r.key === wanted) && Number(r['alliances']) > 0);
    const verdicts = new Map<string, Verdict>();
    const verdict = (k: string) => {
      if (!verdicts.has(k)) verdicts.set(k, this.verdict(own, k, groupBy, filters, scope === 'platform' ? null : platform));
      return verdicts.get(k) as Verdict;
    };
    const totalRow = own.main.get(totalKey);
    const shown = candidates.filter((r) => !verdict(r.key).hidden);
    const rows = [...own.main.values()];
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
      total: totalRow && !verdict(totalKey).hidden ? toGroup('all', totalRow, verdict(totalKey).means) : null,
      groups: shown
        .map((r) => toGroup(r.key, r, verdict(r.key).means))
        .sort((a, b) => b.alliances - a.alliances || a.key.localeCompare(b.key)),
      withheld: candidates.length - shown.length,
      computedAt: (computedAt ?? new Date()).toISOString(),
    };
  }

  /**
   * Whether the cell `groupBy = key` (the other coordinates as filtered) may be shown, and which of its means
   * (decision 0026, "Differencing"): for each coordinate the cell fixes, its family (the cell's siblings along that
   * coordinate and their parent, the same cell with that coordinate `*`) is suppressed as a whole — fewer than 5
   * alliances, 1–4 from the parent, then the smallest shown siblings until what is withheld is 0 or ≥ 5 — so that
   * no subtraction of shown cells isolates 1–4 alliances; the same on the count behind each mean. A scoped view is
   * also compared with the platform cells it is a subset of (the same coordinates, or one more value every alliance
   * of the cell shares): 1–4 alliances apart, or equal to a platform cell the platform withholds, it is withheld.
   */
  private verdict(grids: Grids, key: string, groupBy: ObservatoryGroupBy, filters: Filters, platform: Grids | null): Verdict {
    const cell = grids.main.get(key);
    const means = new Set<string>();
    if (!cell) return { hidden: true, means };
    let hidden = num(cell, 'alliances') < OBSERVATORY_MIN_ALLIANCES;
    const family = (parent: Row | undefined, siblings: Map<string, Row>, own: string) => {
      if (suppressed(parent, siblings, 'alliances').has(own)) hidden = true;
      for (const m of MEAN_PREFIXES) if (suppressed(parent, siblings, `${m}_n`).has(own)) means.add(m);
    };
    if (key !== ANY) family(grids.main.get(ANY), new Map([...grids.main].filter(([k]) => k !== ANY)), key);
    for (const d of GROUP_BYS) {
      const value = filters[d];
      if (d === groupBy || value === undefined) continue;
      const grid = grids.pairs[d]?.get(key) ?? new Map<string, Row>();
      family(grid.get(ANY), new Map([...grid].filter(([k]) => k !== ANY)), value);
    }
    if (platform) {
      const columns = ['alliances', ...MEAN_PREFIXES.map((m) => `${m}_n`)];
      const compare = (superset: Row | undefined, equalHidden: boolean, subset: Row | undefined, sameCell: boolean) => {
        if (!superset) return;
        for (const c of columns) {
          // Only a superset that holds every alliance of the cell for this count.
          if (!sameCell && num(subset, c) !== num(cell, c)) continue;
          const gap = num(superset, c) - num(cell, c);
          if ((gap > 0 && gap < OBSERVATORY_MIN_ALLIANCES) || (gap === 0 && equalHidden)) {
            if (c === 'alliances') hidden = true;
            else means.add(c.slice(0, -2));
          }
        }
      };
      const same = this.verdict(platform, key, groupBy, filters, null);
      compare(platform.main.get(key), false, cell, true);
      if (same.hidden) compare(platform.main.get(key), true, cell, true);
      for (const m of same.means) if (num(platform.main.get(key), `${m}_n`) === num(cell, `${m}_n`)) means.add(m);
      if (key === ANY) for (const [v, row] of grids.main) if (v !== ANY) compare(platform.main.get(v), false, row, false);
      for (const d of GROUP_BYS) {
        if (d === groupBy) continue;
        const mine = grids.pairs[d]?.get(key);
        const theirs = platform.pairs[d]?.get(key);
        for (const [v, row] of mine ?? []) if (v !== ANY && v !== filters[d]) compare(theirs?.get(v), false, row, false);
      }
    }
    return { hidden, means };
  }

  /** The rows of one source: `main` by `groupBy` (its own filter left out), and for each other coordinate the pairs (groupBy, it). */
  private async grids(
    groupBy: ObservatoryGroupBy,
    filters: Filters,
    read: (groupBy: ObservatoryGroupBy, other: ObservatoryGroupBy | null, fixed: Filters) => Promise<Row[]>,
  ): Promise<Grids> {
    const without = (...gs: ObservatoryGroupBy[]) =>
      Object.fromEntries(Object.entries(filters).filter(([g]) => !gs.includes(g as ObservatoryGroupBy))) as Filters;
    const others = GROUP_BYS.filter((g) => g !== groupBy);
    const [main, ...pairs] = await Promise.all([
      read(groupBy, null, without(groupBy)),
      ...others.map((d) => read(groupBy, d, without(groupBy, d))),
    ]);
    const grids: Grids = { main: new Map(main.map((r) => [String(r.key), r])), pairs: {} };
    others.forEach((d, i) => {
      const grid = new Map<string, Map<string, Row>>();
      for (const r of pairs[i]) {
        const k = String(r.key);
        if (!grid.has(k)) grid.set(k, new Map());
        grid.get(k)?.set(String(r['key2']), r);
      }
      grids.pairs[d] = grid;
    });
    return grids;
  }

  /** The platform's precomputed cells: `groupBy` (and `other`) free, the remaining coordinates fixed (a filter or `*`). */
  private async cells(groupBy: ObservatoryGroupBy, other: ObservatoryGroupBy | null, fixed: Filters): Promise<Row[]> {
    const rest = GROUP_BYS.filter((g) => g !== groupBy && g !== other);
    // The cells hold counts only (no alliance id, no row-level policy): read as they are for anyone.
    return this.dataSource.query(
      `SELECT ${COORDINATES[groupBy].column} AS key, ${other ? `${COORDINATES[other].column} AS key2,` : ''} * FROM observatory_cells
        WHERE ${rest.map((g, i) => `${COORDINATES[g].column} = $${i + 1}`).join(' AND ')}`,
      rest.map((g) => fixed[g] ?? ANY),
    );
  }

  /** The condition selecting the facts of a funder's portfolio or a catalyst's territory. */
  private async scopeWhere(scope: 'portfolio' | 'territory', organisationId: string): Promise<{ sql: string; params: unknown[] }> {
    if (scope === 'portfolio') {
      const funded = await this.alliances.fundedBy(organisationId, {});
      return { sql: 'f.alliance_id = ANY($1::uuid[])', params: [funded.map((a) => a.id)] };
    }
    const areas = await this.catalysts.areasOf(organisationId);
    if (!areas.length) throw new NotFoundDomainException('catalyst');
    return { sql: 'f.territory_codes && $1::text[]', params: [areas] };
  }

  /** A funder's portfolio or a catalyst's territory, grouped from its alliances' facts. */
  private async scoped(
    scope: { sql: string; params: unknown[] },
    groupBy: ObservatoryGroupBy,
    other: ObservatoryGroupBy | null,
    fixed: Filters,
  ): Promise<Row[]> {
    const params: unknown[] = [...scope.params];
    const where: string[] = [scope.sql];
    for (const g of GROUP_BYS) {
      const value = fixed[g];
      if (value === undefined) continue;
      params.push(value);
      where.push(`$${params.length} = ANY(${COORDINATES[g].values})`);
    }
    // Every alliance of the scope, not only the caller's (row-level security would keep the caller's alone):
    // as the system, and only the k-anonymous aggregates leave this service.
    const sql = other ? pairFactsSql(groupBy, other, where.join(' AND ')) : groupFactsSql(groupBy, where.join(' AND '));
    return runAsSystem(() => this.dataSource.query(sql, params));
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
