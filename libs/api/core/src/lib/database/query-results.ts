/** The distinct ids of a list that may hold nulls (an author gone, an alliance-less notification), for `= ANY($1)` and `In(…)`. */
export function presentIds(ids: readonly (string | null | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => !!id))];
}

/** TypeORM answers an UPDATE … RETURNING sent through `query()` with `[rows, count]`, a SELECT with the rows. */
export function returnedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}
