import { TODO_KINDS, type EvaluationTrend, type TodoItem } from '@alliances/shared/contracts';

/** A mean moving by less than this between two campaigns is flat. */
export const FLAT_TREND = 0.05;

export function trendOf(delta: number | null): EvaluationTrend {
  if (delta === null) return null;
  if (delta > FLAT_TREND) return 'up';
  if (delta < -FLAT_TREND) return 'down';
  return 'flat';
}

/** A calendar day or an instant, as a time to compare (a day counts from its start, UTC). */
const timeOf = (at: string | undefined): number =>
  at === undefined ? Number.POSITIVE_INFINITY : Date.parse(at.length === 10 ? `${at}T00:00:00Z` : at);

/** By due date, those without one last; then by kind (the order of TODO_KINDS), then by title. */
export function sortTodo(items: TodoItem[]): TodoItem[] {
  return [...items].sort(
    (a, b) =>
      timeOf(a.dueAt) - timeOf(b.dueAt) || TODO_KINDS.indexOf(a.kind) - TODO_KINDS.indexOf(b.kind) || a.title.localeCompare(b.title),
  );
}
