/**
 * The latest check-in of each row of `indicator` (by measurement date, then entry time), joined as `alias`
 * with its `value` and `date`: the one place this rule is written, for the board and for ObjectivesReader.
 */
export const latestCheckIn = (indicator: string, alias: string): string =>
  `LEFT JOIN LATERAL (SELECT value, date FROM checkins WHERE indicator_id = ${indicator}.id ORDER BY date DESC, created_at DESC LIMIT 1) ${alias} ON true`;
