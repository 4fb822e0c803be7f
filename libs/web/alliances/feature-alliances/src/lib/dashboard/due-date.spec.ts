import { daysUntil, relativeDue } from './due-date';

describe('relativeDue', () => {
  const now = new Date(2026, 11, 3, 15, 30);

  it('counts calendar days to a due day or instant, whatever the hour', () => {
    expect(daysUntil('2026-12-03', now)).toBe(0);
    expect(daysUntil('2026-12-10', now)).toBe(7);
    expect(daysUntil(new Date(2026, 11, 4, 9, 0).toISOString(), now)).toBe(1);
  });

  it('says overdue, today, tomorrow or in how many days', () => {
    expect(relativeDue('2026-11-28', now)).toEqual({ key: 'dashboard.due.overdueDays', params: { n: 5 } });
    expect(relativeDue('2026-12-02', now).key).toBe('dashboard.due.overdueOne');
    expect(relativeDue('2026-12-03', now).key).toBe('dashboard.due.today');
    expect(relativeDue('2026-12-04', now).key).toBe('dashboard.due.tomorrow');
    expect(relativeDue('2026-12-13', now)).toEqual({ key: 'dashboard.due.inDays', params: { n: 10 } });
  });
});
