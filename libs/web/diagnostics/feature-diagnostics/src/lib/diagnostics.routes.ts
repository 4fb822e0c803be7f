import { Route } from '@angular/router';
import { authGuard } from '@alliances/web/identity/data-access';
import { provideEchartsCore } from 'ngx-echarts';

/** Route titles are translation keys (TranslatedTitleStrategy); the page is its own lazy chunk. */
export const diagnosticsRoutes: Route[] = [
  {
    path: 'organisations/:id/diagnostic',
    title: 'diagnostics.pageTitle',
    canActivate: [authGuard],
    // ECharts loads with this page only, never in the initial bundle.
    providers: [provideEchartsCore({ echarts: () => import('echarts') })],
    loadComponent: () => import('./diagnostic-page').then((m) => m.DiagnosticPage),
  },
];
