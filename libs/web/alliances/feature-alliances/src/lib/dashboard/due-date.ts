/** Whole days from today (local calendar) to a due day (`YYYY-MM-DD`) or instant: negative when past. */
export function daysUntil(dueAt: string, now = new Date()): number {
  const due = dueAt.length === 10 ? new Date(`${dueAt}T00:00:00`) : new Date(dueAt);
  const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  return Math.round((startOf(due) - startOf(now)) / 86_400_000);
}

/** The translation key and parameters of a relative due date: overdue, today, tomorrow, in n days. */
export function relativeDue(dueAt: string, now = new Date()): { key: string; params: { n: number } } {
  const days = daysUntil(dueAt, now);
  if (days < -1) return { key: 'dashboard.due.overdueDays', params: { n: -days } };
  if (days === -1) return { key: 'dashboard.due.overdueOne', params: { n: 1 } };
  if (days === 0) return { key: 'dashboard.due.today', params: { n: 0 } };
  if (days === 1) return { key: 'dashboard.due.tomorrow', params: { n: 1 } };
  return { key: 'dashboard.due.inDays', params: { n: days } };
}
