import { Route } from '@angular/router';
import { authGuard } from '@alliances/web/identity/data-access';

/** Gouvernance: the decisions register, one decision, the alliance's actions (each its own lazy chunk). */
export const governanceRoutes: Route[] = [
  {
    path: 'alliances/:id/decisions',
    title: 'governance.decisions.pageTitle',
    canActivate: [authGuard],
    loadComponent: () => import('./decisions/decisions-page').then((m) => m.DecisionsPage),
  },
  {
    path: 'alliances/:id/decisions/:decisionId',
    title: 'governance.decision.pageTitle',
    canActivate: [authGuard],
    loadComponent: () => import('./decisions/decision-page').then((m) => m.DecisionPage),
  },
  {
    path: 'alliances/:id/actions',
    title: 'governance.actions.pageTitle',
    canActivate: [authGuard],
    loadComponent: () => import('./actions/actions-page').then((m) => m.ActionsPage),
  },
];
