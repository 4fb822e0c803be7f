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
      // The public library (issue 18): anyone, without signing in; the API serves the first response of
      // these addresses itself (title, description, Open Graph tags, a readable copy), the app takes over.
      {
        path: 'public/library',
        title: libraryTitle('library.search.pageTitle'),
        data: { publicView: true },
        loadComponent: () => import('./search/library-page').then((m) => m.LibraryPage),
      },
      {
        path: 'public/library/:slug',
        title: libraryTitle('library.detail.pageTitle'),
        loadComponent: () => import('./public/public-case-study-page').then((m) => m.PublicCaseStudyPage),
      },
      {
        path: 'public/alliances/:slug',
        title: libraryTitle('library.public.alliancePage'),
        loadComponent: () => import('./public/public-alliance-page').then((m) => m.PublicAlliancePage),
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
