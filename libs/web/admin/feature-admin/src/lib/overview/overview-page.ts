import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AdminApi } from '@alliances/web/admin/data-access';
import { errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import type { PlatformFigures } from '@alliances/shared/contracts';
import { FigureChart, type FigureEntry } from './figure-chart';
import type { FigureKind } from './figure-options';

/** One chart of the overview; texts are translation keys. */
interface Figure {
  testId: string;
  caption: string;
  labelHeader: string;
  valueHeader: string;
  kind: FigureKind;
  rows: FigureEntry[];
}

const count = (rows: { count: number }[]) => rows.reduce((sum, r) => sum + r.count, 0);
const countOf = (rows: { status: string; count: number }[], status: string) => rows.find((r) => r.status === status)?.count ?? 0;

/** Chiffres de la plateforme: accounts, organisations by profile, alliances by category and status. */
@Component({
  selector: 'all-admin-overview-page',
  imports: [MatButton, RouterLink, TranslocoPipe, Notice, FigureChart],
  templateUrl: './overview-page.html',
  styleUrl: './overview-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewPage {
  private readonly api = inject(AdminApi);

  protected readonly figures = rxResource({ stream: () => this.api.figures() });
  protected readonly errorMessageKey = errorMessageKey;

  protected readonly tiles = computed(() => {
    if (!this.figures.hasValue()) return null;
    const f = this.figures.value();
    return {
      users: f.users,
      active: f.activeUsersThisMonth,
      approved: countOf(f.organisationsByStatus, 'approved'),
      pending: countOf(f.organisationsByStatus, 'pending'),
      alliances: count(f.alliancesByStatus),
    };
  });

  protected readonly charts = computed(() => (this.figures.hasValue() ? chartsOf(this.figures.value()) : []));
}

function chartsOf(f: PlatformFigures): Figure[] {
  const bars = (testId: string, caption: string, labelHeader: string, valueHeader: string, rows: FigureEntry[]): Figure => ({
    testId,
    caption,
    labelHeader,
    valueHeader,
    kind: 'bar',
    rows,
  });
  return [
    bars(
      'figure-profiles',
      'admin.overview.byProfile',
      'admin.overview.profile',
      'admin.overview.organisations',
      f.organisationsByProfile.map((r) => ({ key: `organisations.profiles.${r.profile}`, value: r.count })),
    ),
    bars(
      'figure-categories',
      'admin.overview.byCategory',
      'admin.overview.category',
      'admin.overview.alliancesCount',
      f.alliancesByCategory.map((r) => ({ key: `alliances.categories.${r.category}.label`, value: r.count })),
    ),
    bars(
      'figure-statuses',
      'admin.overview.byStatus',
      'admin.overview.status',
      'admin.overview.alliancesCount',
      f.alliancesByStatus.map((r) => ({ key: `alliances.status.${r.status}`, value: r.count })),
    ),
    {
      testId: 'figure-activity',
      caption: 'admin.overview.activity',
      labelHeader: 'admin.overview.accounts',
      valueHeader: 'admin.overview.people',
      kind: 'donut',
      rows: [
        { key: 'admin.overview.activeThisMonth', value: f.activeUsersThisMonth },
        { key: 'admin.overview.notThisMonth', value: Math.max(f.users - f.activeUsersThisMonth, 0) },
      ],
    },
  ];
}
