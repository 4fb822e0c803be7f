import { Route } from '@angular/router';
import { authGuard, guestGuard } from '@alliances/web/identity/data-access';

/** Route titles are translation keys (TranslatedTitleStrategy); each page is its own lazy chunk. */
export const authRoutes: Route[] = [
  {
    path: 'sign-in',
    title: 'signIn.pageTitle',
    canActivate: [guestGuard],
    loadComponent: () => import('./sign-in/sign-in-page').then((m) => m.SignInPage),
  },
  {
    path: 'sign-up',
    title: 'signUp.pageTitle',
    canActivate: [guestGuard],
    loadComponent: () => import('./sign-up/sign-up-page').then((m) => m.SignUpPage),
  },
  {
    path: 'account',
    title: 'account.pageTitle',
    canActivate: [authGuard],
    loadComponent: () => import('./account/account-page').then((m) => m.AccountPage),
  },
];
