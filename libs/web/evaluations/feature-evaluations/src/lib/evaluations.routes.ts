import { Route } from '@angular/router';
import { authGuard } from '@alliances/web/identity/data-access';
import { provideEchartsCore } from 'ngx-echarts';
import { provideEvaluationsI18n, scopedTitle } from './evaluations-i18n';

/** Route titles are translation keys (TranslatedTitleStrategy); each page is its own lazy chunk. */
export const evaluationsRoutes: Route[] = [
  {
    path: '',
    providers: [provideEvaluationsI18n()],
    children: [
      {
        path: 'alliances/:id/evaluations',
        title: scopedTitle('evaluations.campaigns.pageTitle'),
        canActivate: [authGuard],
        loadComponent: () => import('./campaigns/campaigns-page').then((m) => m.CampaignsPage),
      },
      {
        // Invitation mails link here.
        path: 'evaluations/:id',
        title: scopedTitle('evaluations.questionnaire.pageTitle'),
        canActivate: [authGuard],
        loadComponent: () => import('./questionnaire/questionnaire-page').then((m) => m.QuestionnairePage),
      },
      {
        path: 'evaluations/:id/results',
        title: scopedTitle('evaluations.results.pageTitle'),
        canActivate: [authGuard],
        // ECharts loads with the results page only, never in the initial bundle.
        providers: [provideEchartsCore({ echarts: () => import('echarts') })],
        loadComponent: () => import('./results/results-page').then((m) => m.ResultsPage),
      },
    ],
  },
];
