import { Route } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';
import { authGuard } from '@alliances/web/identity/data-access';
import { provideFundingI18n, scopedTitle } from './funding-i18n';

/** Financements: an alliance's grants and contributions, and a funder organisation's portfolio (each its own lazy chunk). */
export const fundingRoutes: Route[] = [
  {
    path: '',
    providers: [provideFundingI18n()],
    children: [
      {
        path: 'alliances/:id/funding',
        title: scopedTitle('funding.alliance.pageTitle'),
        canActivate: [authGuard],
        loadComponent: () => import('./alliance-funding/alliance-funding-page').then((m) => m.AllianceFundingPage),
      },
      {
        path: 'organisations/:id/portfolio',
        title: scopedTitle('funding.portfolio.pageTitle'),
        canActivate: [authGuard],
        // ECharts loads with the portfolio only, never in the initial bundle.
        providers: [provideEchartsCore({ echarts: () => import('echarts') })],
        loadComponent: () => import('./portfolio/portfolio-page').then((m) => m.PortfolioPage),
      },
    ],
  },
];
