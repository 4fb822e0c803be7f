import {
  ALLIANCE_STATUSES,
  EVALUATION_DIMENSIONS,
  OBSERVATORY_MIN_ALLIANCES,
  RESULT_FOCUS_KEYS,
  type AllianceStatus,
  type EvaluationDimension,
  type ObservatoryGroup,
  type ObservatoryGroupBy,
  type ResultFocusKey,
} from '@alliances/shared/contracts';

/**
 * The additive measures of an observatory cell (docs/decisions/0026-observatory-aggregates.md): counts and sums
 * only, so that a cell can be rebuilt from the facts, or moved by one alliance (+1 / −1) when its participation
 * changes. Each measure is an aggregate over `observatory_facts f` (one row per counted alliance).
 */
export const OBJECTIVE_STATUSES = ['on_track', 'at_risk', 'off_track', 'achieved'] as const;

interface Measure {
  column: string;
  /** The aggregate over the facts `f`. */
  aggregate: string;
  kind: 'int' | 'float';
}

const mean = (prefix: string, key: string, json: string): Measure[] => [
  { column: `${prefix}_${key}_sum`, aggregate: `COALESCE(sum((${json}->>'${key}')::float8), 0)`, kind: 'float' },
  { column: `${prefix}_${key}_n`, aggregate: `count((${json}->>'${key}'))`, kind: 'int' },
];

export const MEASURES: Measure[] = [
  { column: 'alliances', aggregate: 'count(*)', kind: 'int' },
  ...ALLIANCE_STATUSES.map((s) => ({ column: `st_${s}`, aggregate: `count(*) FILTER (WHERE f.status = '${s}')`, kind: 'int' as const })),
  { column: 'evaluated', aggregate: 'count(f.campaign_id)', kind: 'int' },
  { column: 'obj_total', aggregate: `COALESCE(sum((f.objectives->>'total')::int), 0)`, kind: 'int' },
  ...OBJECTIVE_STATUSES.map((s) => ({
    column: `obj_${s}`,
    aggregate: `COALESCE(sum((f.objectives->>'${s}')::int), 0)`,
    kind: 'int' as const,
  })),
  ...EVALUATION_DIMENSIONS.flatMap((d) => mean('d', d, 'f.dimension_means')),
  ...RESULT_FOCUS_KEYS.flatMap((k) => mean('f', k, 'f.focus_means')),
];

/** The cell coordinate of each "group by", and the facts' array it ranges over. */
export const COORDINATES: Record<ObservatoryGroupBy, { column: string; values: string }> = {
  region: { column: 'region', values: 'f.region_codes' },
  domain: { column: 'domain', values: 'f.domains' },
  category: { column: 'category', values: 'ARRAY[f.category]' },
  collectiveObjective: { column: 'collective_objective', values: 'f.collective_objectives' },
};
export const GROUP_BYS = Object.keys(COORDINATES) as ObservatoryGroupBy[];
/** The coordinate value meaning "any". */
export const ANY = '*';

/**
 * One statement that adds `sign` times the facts matching `where` to the cells: first summed by profile (alliances
 * sharing régions, domains, category and objectives), then spread over every combination of each coordinate's
 * values and `*`, so each alliance counts once per cell.
 */
export function addToCellsSql(where: string, sign: 1 | -1): string {
  const columns = MEASURES.map((m) => m.column);
  const spread = MEASURES.map((m) => `${sign === 1 ? '' : '-'}sum(p.${m.column})${m.kind === 'int' ? '::int' : '::float8'}`);
  return `WITH p AS (
      SELECT f.region_codes, f.domains, f.category, f.collective_objectives, ${MEASURES.map((m) => `${m.aggregate} AS ${m.column}`).join(', ')}
        FROM observatory_facts f WHERE ${where} GROUP BY 1, 2, 3, 4)
    INSERT INTO observatory_cells (region, domain, category, collective_objective, ${columns.join(', ')}, computed_at)
    SELECT r, d, c, o, ${spread.join(', ')}, now()
      FROM p, unnest(p.region_codes || '{*}'::text[]) r, unnest(p.domains || '{*}'::text[]) d,
           unnest(ARRAY[p.category, '*']) c, unnest(p.collective_objectives || '{*}'::text[]) o
     GROUP BY 1, 2, 3, 4
    ON CONFLICT (region, domain, category, collective_objective) DO UPDATE SET
      ${columns.map((c) => `${c} = observatory_cells.${c} + EXCLUDED.${c}`).join(', ')}, computed_at = now()`;
}

/** The same measures computed on the fly over a subset of the facts (a portfolio, a territory), grouped by one coordinate. */
export function groupFactsSql(groupBy: ObservatoryGroupBy, where: string): string {
  return `SELECT g AS key, ${MEASURES.map((m) => `${m.aggregate}${m.kind === 'int' ? '::int' : '::float8'} AS ${m.column}`).join(', ')}
            FROM observatory_facts f, unnest(${COORDINATES[groupBy].values} || '{*}'::text[]) g
           WHERE ${where} GROUP BY g`;
}

/** The same measures over a subset of the facts, grouped by two coordinates at once (`key`, `key2`). */
export function pairFactsSql(groupBy: ObservatoryGroupBy, other: ObservatoryGroupBy, where: string): string {
  return `SELECT g AS key, h AS key2, ${MEASURES.map((m) => `${m.aggregate}${m.kind === 'int' ? '::int' : '::float8'} AS ${m.column}`).join(', ')}
            FROM observatory_facts f, unnest(${COORDINATES[groupBy].values} || '{*}'::text[]) g, unnest(${COORDINATES[other].values} || '{*}'::text[]) h
           WHERE ${where} GROUP BY g, h`;
}

/** The prefix of each mean (its `<prefix>_sum` and `<prefix>_n` columns). */
export const MEAN_PREFIXES = [...EVALUATION_DIMENSIONS.map((d) => `d_${d}`), ...RESULT_FOCUS_KEYS.map((k) => `f_${k}`)];

/**
 * A cell (or an on-the-fly group) as the contract's group; means only from OBSERVATORY_MIN_ALLIANCES alliances,
 * and none of the `hiddenMeans` prefixes (their alliances could be derived by subtraction).
 */
export function toGroup(key: string, row: Record<string, number | string>, hiddenMeans: ReadonlySet<string> = new Set()): ObservatoryGroup {
  const n = (column: string) => Number(row[column] ?? 0);
  const meanOf = (prefix: string, k: string) =>
    n(`${prefix}_${k}_n`) >= OBSERVATORY_MIN_ALLIANCES && !hiddenMeans.has(`${prefix}_${k}`)
      ? round(n(`${prefix}_${k}_sum`) / n(`${prefix}_${k}_n`))
      : null;
  return {
    key,
    alliances: n('alliances'),
    statuses: Object.fromEntries(ALLIANCE_STATUSES.map((s) => [s, n(`st_${s}`)])) as Record<AllianceStatus, number>,
    evaluated: n('evaluated'),
    meanByDimension: Object.fromEntries(EVALUATION_DIMENSIONS.map((d) => [d, meanOf('d', d)])) as Record<
      EvaluationDimension,
      number | null
    >,
    meanByFocus: Object.fromEntries(RESULT_FOCUS_KEYS.map((k) => [k, meanOf('f', k)])) as Record<ResultFocusKey, number | null>,
    objectives: {
      total: n('obj_total'),
      on_track: n('obj_on_track'),
      at_risk: n('obj_at_risk'),
      off_track: n('obj_off_track'),
      achieved: n('obj_achieved'),
    },
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
