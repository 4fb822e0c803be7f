import { Route } from '@angular/router';
import { authRoutes } from '@alliances/web/identity/feature-auth';
import { organisationsRoutes } from '@alliances/web/identity/feature-organisations';

// Route titles are translation keys, translated by TranslatedTitleStrategy.
export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'home.pageTitle',
    loadComponent: () => import('./pages/home/home-page').then((m) => m.HomePage),
  },
  ...authRoutes,
  ...organisationsRoutes,
  // [alliances routes]
  // [charter routes]
  // [objectives routes]
  // [evaluations routes]
  // [comments routes]
  {
    path: '**',
    title: 'notFound.pageTitle',
    loadComponent: () => import('./pages/not-found/not-found-page').then((m) => m.NotFoundPage),
  },
];
