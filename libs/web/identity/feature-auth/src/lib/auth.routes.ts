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
    // Public: single sign-on's callback sends the browser here with the refresh cookie set.
    path: 'sign-in/sso',
    title: 'sso.pageTitle',
    loadComponent: () => import('./sso/sso-complete-page').then((m) => m.SsoCompletePage),
  },
  {
    path: 'sign-up',
    title: 'signUp.pageTitle',
    canActivate: [guestGuard],
    loadComponent: () => import('./sign-up/sign-up-page').then((m) => m.SignUpPage),
  },
  {
    path: 'forgot-password',
    title: 'forgotPassword.pageTitle',
    loadComponent: () => import('./forgot-password/forgot-password-page').then((m) => m.ForgotPasswordPage),
  },
  {
    // Public: links of the mails.
    path: 'reset-password/:token',
    title: 'resetPassword.pageTitle',
    loadComponent: () => import('./reset-password/reset-password-page').then((m) => m.ResetPasswordPage),
  },
  {
    path: 'confirm-email/:token',
    title: 'confirmEmail.pageTitle',
    loadComponent: () => import('./confirm-email/confirm-email-page').then((m) => m.ConfirmEmailPage),
  },
  {
    path: 'account',
    title: 'account.pageTitle',
    canActivate: [authGuard],
    loadComponent: () => import('./account/account-page').then((m) => m.AccountPage),
  },
  {
    path: 'account/notifications',
    title: 'notificationPreferences.pageTitle',
    canActivate: [authGuard],
    loadComponent: () => import('./notification-preferences/notification-preferences-page').then((m) => m.NotificationPreferencesPage),
  },
];
