import { inject } from '@angular/core';
import type { CanMatchFn, Route } from '@angular/router';
import { AuthStore } from '@alliances/web/identity/data-access';

/** `/` is the dashboard for a signed-in person (a session not held at two-step setup); visitors get the public home page. */
export const signedInHome: CanMatchFn = async () => {
  const store = inject(AuthStore);
  await store.whenRestored();
  return store.isSignedIn() && !store.twoFactorSetupRequired();
};

/** Put before the visitors' home route: it matches `/` only for a signed-in person. */
export const dashboardRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    canMatch: [signedInHome],
    title: 'dashboard.pageTitle',
    loadComponent: () => import('./dashboard-page').then((m) => m.DashboardPage),
  },
];
