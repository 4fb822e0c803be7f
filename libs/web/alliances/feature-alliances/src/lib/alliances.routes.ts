import { Route } from '@angular/router';
import { authGuard } from '@alliances/web/identity/data-access';
import { alliancesScopeLoaded, provideAlliancesScope } from './shared/alliances-scope';

/** Route titles are translation keys (TranslatedTitleStrategy); each page is its own lazy chunk. */
export const alliancesRoutes: Route[] = [
  {
    path: 'alliances',
    pathMatch: 'full',
    title: 'alliances.list.pageTitle',
    canActivate: [authGuard, alliancesScopeLoaded],
    providers: [provideAlliancesScope()],
    loadComponent: () => import('./list/alliances-page').then((m) => m.AlliancesPage),
  },
  {
    path: 'alliances/new',
    title: 'alliances.wizard.pageTitle',
    canActivate: [authGuard, alliancesScopeLoaded],
    providers: [provideAlliancesScope()],
    loadComponent: () => import('./wizard/create-alliance-page').then((m) => m.CreateAlliancePage),
  },
  {
    // A draft alliance (from an accepted proposal) set up in the same steps; its partners wait there.
    path: 'alliances/:id/setup',
    title: 'alliances.draft.pageTitle',
    canActivate: [authGuard, alliancesScopeLoaded],
    providers: [provideAlliancesScope()],
    loadComponent: () => import('./wizard/create-alliance-page').then((m) => m.CreateAlliancePage),
  },
  {
    path: 'alliances/:id',
    title: 'alliances.home.pageTitle',
    canActivate: [authGuard, alliancesScopeLoaded],
    providers: [provideAlliancesScope()],
    loadComponent: () => import('./home/alliance-home-page').then((m) => m.AllianceHomePage),
  },
];
