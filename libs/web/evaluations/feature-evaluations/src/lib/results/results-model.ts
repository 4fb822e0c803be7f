import type {
  CampaignTrendPoint,
  DimensionResult,
  EvaluationDimension,
  EvaluationResults,
  OrganisationMean,
  ProfileResult,
  ResultFocusKey,
} from '@alliances/shared/contracts';
import type { BarSeries } from './bar-chart';

export interface RadarSeries {
  /** Organisation id, or null for the overall mean. */
  organisationId: string | null;
  name: string;
  /** One value per dimension, in the order of `results.dimensions`; null where nothing can be shown. */
  values: (number | null)[];
}

/** Organisations with at least one mean shown (they passed the respondent threshold). */
export function shownOrganisations(results: EvaluationResults): { organisationId: string; organisationName: string }[] {
  const all = results.dimensions[0]?.byOrganisation ?? [];
  return all
    .filter((o) => results.dimensions.some((d) => d.byOrganisation.some((b) => b.organisationId === o.organisationId && b.mean !== null)))
    .map(({ organisationId, organisationName }) => ({ organisationId, organisationName }));
}

/** Organisations kept out of the results because too few of their members answered. */
export function hiddenOrganisations(
  results: EvaluationResults,
): { organisationId: string; organisationName: string; respondents: number }[] {
  const shown = new Set(shownOrganisations(results).map((o) => o.organisationId));
  return (results.dimensions[0]?.byOrganisation ?? [])
    .filter((o) => !shown.has(o.organisationId))
    .map(({ organisationId, organisationName, respondents }) => ({ organisationId, organisationName, respondents }));
}

/** The radar's series: one per organisation whose mean is shown, then the overall mean. */
export function radarSeries(results: EvaluationResults, overallName: string): RadarSeries[] {
  const perOrganisation = shownOrganisations(results).map((o) => ({
    organisationId: o.organisationId,
    name: o.organisationName,
    values: results.dimensions.map((d) => d.byOrganisation.find((b) => b.organisationId === o.organisationId)?.mean ?? null),
  }));
  return [...perOrganisation, { organisationId: null, name: overallName, values: results.dimensions.map((d) => d.mean) }];
}

/** Dimensions by perception gap, largest first; dimensions without a gap come last, in their order. */
export function byGap(dimensions: DimensionResult[]): DimensionResult[] {
  return dimensions
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (b.d.gap ?? -1) - (a.d.gap ?? -1) || a.i - b.i)
    .map(({ d }) => d);
}

export type Trend = 'up' | 'down' | 'flat' | 'none';

/** Below this, a change of mean is read as stable. */
export const STABLE = 0.05;

export function trendOf(delta: number | null | undefined): Trend {
  if (delta === null || delta === undefined) return 'none';
  if (delta > STABLE) return 'up';
  if (delta < -STABLE) return 'down';
  return 'flat';
}

export function previousOf(results: EvaluationResults, key: EvaluationDimension): { mean: number | null; delta: number | null } | null {
  return results.previous?.dimensions.find((d) => d.key === key) ?? null;
}

/** What a reader takes away first: the overall mean, the strongest and weakest dimensions, the widest gap, the largest moves. */
export interface KeyFindings {
  /** Mean of the dimensions' means; null when none is shown. */
  overall: number | null;
  strongest: DimensionResult | null;
  weakest: DimensionResult | null;
  widestGap: DimensionResult | null;
  rise: { key: EvaluationDimension; delta: number } | null;
  fall: { key: EvaluationDimension; delta: number } | null;
}

export function keyFindings(results: EvaluationResults): KeyFindings {
  const scored = results.dimensions.filter((d): d is DimensionResult & { mean: number } => d.mean !== null);
  const overall = scored.length ? scored.reduce((sum, d) => sum + d.mean, 0) / scored.length : null;
  // The first of equals wins, in the questionnaire's order.
  const pick = (better: (a: number, b: number) => boolean) =>
    scored.reduce<(DimensionResult & { mean: number }) | null>((best, d) => (!best || better(d.mean, best.mean) ? d : best), null);
  const strongest = pick((a, b) => a > b);
  const weakest = pick((a, b) => a < b);
  const gapped = byGap(results.dimensions)[0];
  const moves = (results.previous?.dimensions ?? []).filter((d): d is typeof d & { delta: number } => d.delta !== null);
  const rise = moves.reduce<{ key: EvaluationDimension; delta: number } | null>((m, d) => (d.delta > (m?.delta ?? STABLE) ? d : m), null);
  const fall = moves.reduce<{ key: EvaluationDimension; delta: number } | null>((m, d) => (d.delta < (m?.delta ?? -STABLE) ? d : m), null);
  return {
    overall,
    strongest,
    weakest: weakest && strongest && weakest.key !== strongest.key ? weakest : null,
    widestGap: gapped && gapped.gap !== null && gapped.gap > 0 ? gapped : null,
    rise: rise && { key: rise.key, delta: rise.delta },
    fall: fall && { key: fall.key, delta: fall.delta },
  };
}

/** Bars of focus or group means: the overall mean first, then each organisation whose means are shown. */
export function focusSeries(
  rows: { mean: number | null; byOrganisation: OrganisationMean[] }[],
  shown: { organisationId: string; organisationName: string }[],
  overallName: string,
): BarSeries[] {
  return [
    { name: overallName, values: rows.map((r) => r.mean) },
    ...shown.map((o) => ({
      name: o.organisationName,
      values: rows.map((r) => r.byOrganisation.find((b) => b.organisationId === o.organisationId)?.mean ?? null),
    })),
  ];
}

/** Bars by actor profile (profiles shown only): the overall mean, then each focus. */
export function profileSeries(profiles: ProfileResult[], overallName: string, focusName: (key: ResultFocusKey) => string): BarSeries[] {
  const keys = profiles[0]?.focuses.map((f) => f.key) ?? [];
  return [
    { name: overallName, values: profiles.map((p) => p.mean) },
    ...keys.map((key) => ({ name: focusName(key), values: profiles.map((p) => p.focuses.find((f) => f.key === key)?.mean ?? null) })),
  ];
}

/** One line per focus (or group) across the campaigns, oldest first; a campaign without it leaves a gap. */
export function trendSeries(campaigns: CampaignTrendPoint[], view: 'focuses' | 'groups', nameOf: (key: string) => string): BarSeries[] {
  const keys = [...new Set(campaigns.flatMap((c) => c[view].map((m) => m.key as string)))];
  return keys.map((key) => ({
    name: nameOf(key),
    values: campaigns.map((c) => (c[view] as { key: string; mean: number | null }[]).find((m) => m.key === key)?.mean ?? null),
  }));
}
