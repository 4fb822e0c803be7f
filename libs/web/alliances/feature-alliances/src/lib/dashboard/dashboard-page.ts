import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatCard, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService, LocalDatePipe } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import type { DashboardAlliance, TodoItem, TodoKind } from '@alliances/shared/contracts';
import { DashboardApi } from './dashboard.api';
import { daysUntil, relativeDue } from './due-date';

/** The symbol shown beside each kind of thing to do (decorative: the text says what it is). */
const KIND_ICONS: Record<TodoKind, string> = {
  sign_charter: '✎',
  checkin_due: '◔',
  answer_evaluation: '★',
  report_due: '▤',
  proposal_received: '⇄',
  action_due: '✓',
  mention: '@',
};

interface TodoView extends TodoItem {
  icon: string;
  overdue: boolean;
  due: { key: string; params: { n: number } } | null;
}

/**
 * The signed-in person's home (`/`): "À faire", what needs them across all their alliances, each with
 * its due date and a link to where it is done; then "Mes alliances", each alliance's health at a glance.
 */
@Component({
  selector: 'all-dashboard-page',
  imports: [RouterLink, MatCard, MatCardHeader, MatCardTitle, MatCardContent, MatButton, Notice, TranslocoPipe, LocalDatePipe],
  templateUrl: './dashboard-page.html',
  styleUrl: './dashboard-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPage {
  private readonly api = inject(DashboardApi);
  private readonly language = inject(LanguageService);

  protected readonly dashboard = rxResource({ stream: () => this.api.get() });

  protected readonly todo = computed<TodoView[]>(() =>
    this.dashboard.hasValue()
      ? this.dashboard.value().todo.map((item) => ({
          ...item,
          icon: KIND_ICONS[item.kind],
          overdue: item.dueAt !== undefined && daysUntil(item.dueAt) < 0,
          due: item.dueAt ? relativeDue(item.dueAt) : null,
        }))
      : [],
  );
  protected readonly alliances = computed<DashboardAlliance[]>(() => (this.dashboard.hasValue() ? this.dashboard.value().alliances : []));

  /** Indicators with a status, for the small bar of each card (share of each status). */
  protected statusShares(alliance: DashboardAlliance): { key: string; count: number; percent: number }[] {
    const o = alliance.objectives;
    const parts = [
      { key: 'onTrack', count: o.onTrack + o.achieved },
      { key: 'atRisk', count: o.atRisk },
      { key: 'offTrack', count: o.offTrack },
      { key: 'noData', count: o.noData },
    ];
    const total = parts.reduce((n, p) => n + p.count, 0);
    return parts.filter((p) => p.count > 0).map((p) => ({ ...p, percent: total ? (100 * p.count) / total : 0 }));
  }

  protected indicatorCount(alliance: DashboardAlliance): number {
    const o = alliance.objectives;
    return o.onTrack + o.atRisk + o.offTrack + o.achieved + o.noData;
  }

  protected trendSymbol(trend: 'up' | 'down' | 'flat' | null): string {
    return trend === 'up' ? '↗' : trend === 'down' ? '↘' : trend === 'flat' ? '→' : '';
  }

  /** A mean score with one decimal, in the interface language's notation. */
  protected score(mean: number | null): string {
    const locale = this.language.lang() === 'fr' ? 'fr-FR' : 'en-GB';
    return mean === null ? '' : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(mean);
  }
}
