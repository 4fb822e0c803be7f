import { INDICATOR_STATUSES, type IndicatorStatus, type PortfolioEntry } from '@alliances/shared/contracts';

export const STATUS_SYMBOL: Record<IndicatorStatus, string> = { achieved: '✔', on_track: '↗', at_risk: '!', off_track: '✖', no_data: '○' };

/** The non-zero objective status counts of an alliance, in the board's order. */
export function objectiveCounts(entry: Pick<PortfolioEntry, 'objectiveStatus'>): { status: IndicatorStatus; count: number }[] {
  return INDICATOR_STATUSES.map((status) => ({ status, count: entry.objectiveStatus[status] ?? 0 })).filter((c) => c.count > 0);
}

export type Trend = 'up' | 'down' | 'stable' | 'first';

/** Direction of the latest evaluation against the one before (a tenth of a point either way is stable). */
export function trendOf(delta: number | null | undefined): Trend {
  if (delta === null || delta === undefined) return 'first';
  if (delta >= 0.1) return 'up';
  if (delta <= -0.1) return 'down';
  return 'stable';
}

export const TREND_SYMBOL: Record<Trend, string> = { up: '↗', down: '↘', stable: '→', first: '' };

/** A territory filter typed by hand is used only when it looks like an INSEE code (commune, département, région). */
export function isTerritoryCode(text: string): boolean {
  return /^(\d{2}|2[AB]|97\d|\d{5}|2[AB]\d{3})$/i.test(text.trim());
}
