import { Route } from '@angular/router';

// Route titles are translation keys, translated by TranslatedTitleStrategy.
export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'home.pageTitle',
    loadComponent: () => import('./pages/home/home-page').then((m) => m.HomePage),
  },
  {
    path: 'sign-in',
    title: 'signIn.pageTitle',
    loadComponent: () => import('./pages/sign-in/sign-in-page').then((m) => m.SignInPage),
  },
  {
    path: 'sign-up',
    title: 'signUp.pageTitle',
    loadComponent: () => import('./pages/sign-up/sign-up-page').then((m) => m.SignUpPage),
  },
  {
    path: '**',
    title: 'notFound.pageTitle',
    loadComponent: () => import('./pages/not-found/not-found-page').then((m) => m.NotFoundPage),
  },
];
