import { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { provideEchartsCore } from 'ngx-echarts';
import { authGuard } from '@alliances/web/identity/data-access';

/** Objectifs partagés: the board of an alliance and one indicator's page (each its own lazy chunk). */
export const objectivesRoutes: Route[] = [
  {
    path: '',
    // ECharts is loaded only when a chart is shown, never in the initial bundle.
    providers: [provideTranslocoScope('objectives'), provideEchartsCore({ echarts: () => import('echarts') })],
    children: [
      {
        path: 'alliances/:id/objectives',
        title: 'objectives.board.pageTitle',
        canActivate: [authGuard],
        loadComponent: () => import('./board/objectives-board-page').then((m) => m.ObjectivesBoardPage),
      },
      {
        path: 'alliances/:id/indicators/:indicatorId',
        title: 'objectives.indicator.pageTitle',
        canActivate: [authGuard],
        loadComponent: () => import('./indicator/indicator-page').then((m) => m.IndicatorPage),
      },
    ],
  },
];
