import { Route } from '@angular/router';
import { authGuard } from '@alliances/web/identity/data-access';
import { provideEchartsCore } from 'ngx-echarts';
import { partneringTitle, providePartneringI18n } from './shared/partnering-i18n';

/** The partner directory ("annuaire") and the profile it shows; route titles are translation keys, each page its own lazy chunk. */
export const directoryRoutes: Route[] = [
  {
    path: 'annuaire',
    pathMatch: 'full',
    title: partneringTitle('directory.pageTitle'),
    canActivate: [authGuard],
    // ECharts and the map's outlines load with the directory only, never in the initial bundle.
    providers: [providePartneringI18n(), provideEchartsCore({ echarts: () => import('echarts') })],
    loadComponent: () => import('./search/directory-page').then((m) => m.DirectoryPage),
  },
  {
    path: 'annuaire/:id',
    title: partneringTitle('directory.card.pageTitle'),
    canActivate: [authGuard],
    providers: [providePartneringI18n()],
    loadComponent: () => import('./card/directory-card-page').then((m) => m.DirectoryCardPage),
  },
  {
    // The organisation's admins edit here what the directory shows of it (linked from the organisation page).
    path: 'organisations/:id/profile',
    title: partneringTitle('organisations.profile.pageTitle'),
    canActivate: [authGuard],
    providers: [providePartneringI18n()],
    loadComponent: () => import('./profile/profile-edit-page').then((m) => m.ProfileEditPage),
  },
];
