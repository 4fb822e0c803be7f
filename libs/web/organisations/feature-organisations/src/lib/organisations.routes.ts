import { Route } from '@angular/router';
import { authGuard, platformAdminGuard } from '@alliances/web/identity/data-access';
import { alliancesScopeLoaded, provideAlliancesScope } from '@alliances/web/alliances/feature-alliances';
import { provideEchartsCore } from 'ngx-echarts';

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
    path: 'organisations/:id/proposals',
    title: 'proposals.pageTitle',
    // The alliances' words (categories) come with their scope.
    canActivate: [authGuard, alliancesScopeLoaded],
    providers: [provideAlliancesScope()],
    loadComponent: () => import('./proposals/proposals-page').then((m) => m.ProposalsPage),
  },
  {
    path: 'catalyst',
    title: 'catalyst.pageTitle',
    canActivate: [authGuard, alliancesScopeLoaded],
    // ECharts loads with the catalyst page only, never in the initial bundle.
    providers: [provideAlliancesScope(), provideEchartsCore({ echarts: () => import('echarts') })],
    loadComponent: () => import('./catalyst/catalyst-page').then((m) => m.CatalystPage),
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
