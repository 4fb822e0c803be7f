import { Route } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';
import { authGuard } from '@alliances/web/identity/data-access';
import { observatoryTitle, provideObservatoryI18n } from '@alliances/web/observatory/data-access';

/** Observatoire des alliances (any signed-in person) and an alliance's participation in it (its members). */
export const observatoryRoutes: Route[] = [
  {
    path: '',
    providers: [provideObservatoryI18n()],
    children: [
      {
        path: 'observatory',
        title: observatoryTitle('observatory.page.pageTitle'),
        canActivate: [authGuard],
        // ECharts loads with the observatory only, never in the initial bundle.
        providers: [provideEchartsCore({ echarts: () => import('echarts') })],
        loadComponent: () => import('./page/observatory-page').then((m) => m.ObservatoryPage),
      },
      {
        path: 'alliances/:id/observatory',
        title: observatoryTitle('observatory.participation.pageTitle'),
        canActivate: [authGuard],
        loadComponent: () => import('./participation/observatory-participation-page').then((m) => m.ObservatoryParticipationPage),
      },
    ],
  },
];
