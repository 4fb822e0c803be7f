import { Route } from '@angular/router';
import { platformAdminGuard } from '@alliances/web/identity/data-access';
import { provideEchartsCore } from 'ngx-echarts';
import { adminTitle, provideAdminI18n } from './admin-i18n';

/**
 * Console d'administration de la plateforme, for platform administrators only (others see the
 * not-found page, as in the API). The review queue of organisation applications keeps its own page,
 * `/admin/organisations` (identity feature), which the console links to.
 */
export const adminRoutes: Route[] = [
  {
    path: 'admin',
    canActivate: [platformAdminGuard],
    // ECharts loads with the console only, never in the initial bundle.
    providers: [provideAdminI18n(), provideEchartsCore({ echarts: () => import('echarts') })],
    loadComponent: () => import('./console/admin-console').then((m) => m.AdminConsole),
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: adminTitle('admin.overview.pageTitle'),
        loadComponent: () => import('./overview/overview-page').then((m) => m.OverviewPage),
      },
      {
        path: 'users',
        title: adminTitle('admin.users.pageTitle'),
        loadComponent: () => import('./users/users-page').then((m) => m.UsersPage),
      },
      {
        path: 'directory',
        title: adminTitle('admin.organisations.pageTitle'),
        loadComponent: () => import('./organisations/organisations-page').then((m) => m.OrganisationsPage),
      },
      {
        path: 'audit',
        title: adminTitle('admin.audit.pageTitle'),
        loadComponent: () => import('./audit/audit-page').then((m) => m.AuditPage),
      },
      {
        path: 'jobs',
        title: adminTitle('admin.jobs.pageTitle'),
        loadComponent: () => import('./jobs/jobs-page').then((m) => m.JobsPage),
      },
    ],
  },
];
