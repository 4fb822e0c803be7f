import { Route } from '@angular/router';
import { authGuard } from '@alliances/web/identity/data-access';

/** The alliance's documents page (its own lazy chunk). */
export const documentsRoutes: Route[] = [
  {
    path: 'alliances/:id/documents',
    title: 'documents.title',
    canActivate: [authGuard],
    loadComponent: () => import('./documents-page').then((m) => m.DocumentsPage),
  },
];
