import type { TodoItem } from '@alliances/shared/contracts';
import { sortTodo, trendOf } from './dashboard-todo';

const item = (kind: TodoItem['kind'], title: string, dueAt?: string): TodoItem => ({
  kind,
  allianceId: null,
  allianceName: null,
  title,
  link: '/',
  ...(dueAt ? { dueAt } : {}),
});

describe('sortTodo', () => {
  it('orders days and instants together by due date, those without one last', () => {
    const sorted = sortTodo([
      item('mention', 'm'),
      item('report_due', 'r', '2026-12-10'),
      item('answer_evaluation', 'e', '2026-12-09T18:00:00.000Z'),
      item('sign_charter', 's'),
      item('checkin_due', 'c', '2026-12-01'),
    ]);
    expect(sorted.map((i) => i.title)).toEqual(['c', 'e', 'r', 's', 'm']);
  });
});

describe('trendOf', () => {
  it('is up, down or flat by the change of the mean, null without a previous one', () => {
    expect(trendOf(0.4)).toBe('up');
    expect(trendOf(-0.3)).toBe('down');
    expect(trendOf(0.01)).toBe('flat');
    expect(trendOf(null)).toBeNull();
  });
});
