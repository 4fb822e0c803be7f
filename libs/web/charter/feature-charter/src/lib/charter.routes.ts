import { inject } from '@angular/core';
import { ResolveFn, Route } from '@angular/router';
import { InlineLoader, TranslocoService, provideTranslocoScope } from '@jsverse/transloco';
import { authGuard } from '@alliances/web/identity/data-access';
import { catchError, map, of } from 'rxjs';

/**
 * The scope's dictionaries, fetched by path: the app-wide loader encodes the `/` of `charter/fr`
 * (`/i18n/charter%2Ffr.json`), which the server does not serve.
 */
const charterLoader: InlineLoader = Object.fromEntries(
  ['fr', 'en'].map((lang) => [
    lang,
    () => fetch(`/i18n/charter/${lang}.json`).then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.statusText)))),
  ]),
);

/** The same, keyed by scoped path as `TranslocoService.load()` expects when called directly. */
const scopedLoader: InlineLoader = Object.fromEntries(Object.entries(charterLoader).map(([lang, load]) => [`charter/${lang}`, load]));

/** Route titles are translation keys of the `charter` scope: load the scope before the title is read. */
const scopedTitle =
  (key: string): ResolveFn<string> =>
  () => {
    const transloco = inject(TranslocoService);
    return transloco.load(`charter/${transloco.getActiveLang()}`, { inlineLoader: scopedLoader }).pipe(
      map(() => key),
      catchError(() => of(key)),
    );
  };

export const charterRoutes: Route[] = [
  {
    path: 'alliances/:id/charter',
    canActivate: [authGuard],
    providers: [provideTranslocoScope({ scope: 'charter', loader: charterLoader })],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: scopedTitle('charter.editor.pageTitle'),
        loadComponent: () => import('./editor/charter-editor-page').then((m) => m.CharterEditorPage),
      },
      {
        path: 'signatures',
        title: scopedTitle('charter.signatures.pageTitle'),
        loadComponent: () => import('./signatures/signature-board-page').then((m) => m.SignatureBoardPage),
      },
      {
        path: 'versions',
        title: scopedTitle('charter.versions.pageTitle'),
        loadComponent: () => import('./versions/versions-page').then((m) => m.VersionsPage),
      },
    ],
  },
];
