import { Route } from '@angular/router';
import { authGuard } from '@alliances/web/identity/data-access';
import { libraryTitle, provideLibraryI18n } from './library-i18n';

/** Bibliothèque des fiches d'expérience (any signed-in person) and an alliance's own card (its members). */
export const libraryRoutes: Route[] = [
  {
    path: '',
    providers: [provideLibraryI18n()],
    children: [
      {
        path: 'library',
        title: libraryTitle('library.search.pageTitle'),
        canActivate: [authGuard],
        loadComponent: () => import('./search/library-page').then((m) => m.LibraryPage),
      },
      {
        path: 'library/:id',
        title: libraryTitle('library.detail.pageTitle'),
        canActivate: [authGuard],
        loadComponent: () => import('./detail/case-study-page').then((m) => m.CaseStudyPage),
      },
      {
        path: 'alliances/:id/case-study',
        title: libraryTitle('library.publish.pageTitle'),
        canActivate: [authGuard],
        loadComponent: () => import('./publish/alliance-case-study-page').then((m) => m.AllianceCaseStudyPage),
      },
    ],
  },
];
