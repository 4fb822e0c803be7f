import { Route } from '@angular/router';
import { authRoutes } from '@alliances/web/identity/feature-auth';
import { organisationsRoutes } from '@alliances/web/organisations/feature-organisations';
import { directoryRoutes } from '@alliances/web/directory/feature-directory';
import { alliancesRoutes, dashboardRoutes } from '@alliances/web/alliances/feature-alliances';
import { evaluationsRoutes } from '@alliances/web/evaluations/feature-evaluations';
import { commentsRoutes } from '@alliances/web/comments/feature-comments';
import { charterRoutes } from '@alliances/web/charter/feature-charter';
import { objectivesRoutes } from '@alliances/web/objectives/feature-objectives';
import { fundingRoutes } from '@alliances/web/funding/feature-funding';
import { governanceRoutes } from '@alliances/web/governance/feature-governance';
import { meetingsRoutes } from '@alliances/web/meetings/feature-meetings';
import { documentsRoutes } from '@alliances/web/documents/feature-documents';
import { adminRoutes } from '@alliances/web/admin/feature-admin';
import { libraryRoutes } from '@alliances/web/library/feature-library';
import { diagnosticsRoutes } from '@alliances/web/diagnostics/feature-diagnostics';
import { observatoryRoutes } from '@alliances/web/observatory/feature-observatory';

// Route titles are translation keys, translated by TranslatedTitleStrategy.
export const appRoutes: Route[] = [
  // `/` for a signed-in person: their dashboard; visitors get the home page below.
  ...dashboardRoutes,
  {
    path: '',
    pathMatch: 'full',
    title: 'home.pageTitle',
    loadComponent: () => import('./pages/home/home-page').then((m) => m.HomePage),
  },
  ...authRoutes,
  ...organisationsRoutes,
  ...directoryRoutes,
  ...alliancesRoutes,
  ...charterRoutes,
  ...objectivesRoutes,
  ...evaluationsRoutes,
  ...commentsRoutes,
  ...fundingRoutes,
  ...governanceRoutes,
  ...meetingsRoutes,
  ...documentsRoutes,
  ...adminRoutes,
  ...libraryRoutes,
  ...diagnosticsRoutes,
  ...observatoryRoutes,
  {
    path: '**',
    title: 'notFound.pageTitle',
    loadComponent: () => import('./pages/not-found/not-found-page').then((m) => m.NotFoundPage),
  },
];
