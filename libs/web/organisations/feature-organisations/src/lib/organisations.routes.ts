import { Route } from '@angular/router';
import { authGuard, platformAdminGuard } from '@alliances/web/identity/data-access';

/** Route titles are translation keys (TranslatedTitleStrategy); each page is its own lazy chunk. */
export const organisationsRoutes: Route[] = [
  {
    path: 'organisations',
    title: 'organisations.list.pageTitle',
    canActivate: [authGuard],
    loadComponent: () => import('./my-organisations/my-organisations-page').then((m) => m.MyOrganisationsPage),
  },
  {
    path: 'organisations/apply',
    title: 'organisations.apply.pageTitle',
    canActivate: [authGuard],
    loadComponent: () => import('./apply/apply-page').then((m) => m.ApplyPage),
  },
  {
    path: 'organisations/:id',
    title: 'organisations.detail.pageTitle',
    canActivate: [authGuard],
    loadComponent: () => import('./organisation/organisation-page').then((m) => m.OrganisationPage),
  },
  {
    // Public: the invitation e-mail links here before the person has an account.
    path: 'invitations/:token',
    title: 'invitation.pageTitle',
    loadComponent: () => import('./invitation/accept-invitation-page').then((m) => m.AcceptInvitationPage),
  },
  {
    path: 'admin/organisations',
    title: 'review.pageTitle',
    canActivate: [platformAdminGuard],
    loadComponent: () => import('./review/review-queue-page').then((m) => m.ReviewQueuePage),
  },
];
