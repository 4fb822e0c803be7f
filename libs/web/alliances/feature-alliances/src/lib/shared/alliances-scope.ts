import { inject } from '@angular/core';
import { CanActivateFn } from '@angular/router';
import { Translation, TranslocoService, provideTranslocoScope } from '@jsverse/transloco';
import { catchError, map, of } from 'rxjs';

async function dictionary(lang: string): Promise<Translation> {
  const response = await fetch(`/i18n/alliances/${lang}.json`);
  if (!response.ok) throw new Error(`/i18n/alliances/${lang}.json: ${response.status}`);
  return (await response.json()) as Translation;
}

/**
 * The "alliances" translation scope, loaded from `/i18n/alliances/<lang>.json`. It has its own loader
 * because the app loader asks for `/i18n/alliances%2Ffr.json`, which the static file server does not serve.
 */
export const ALLIANCES_SCOPE = {
  scope: 'alliances',
  loader: { fr: () => dictionary('fr'), en: () => dictionary('en') },
};

export const provideAlliancesScope = () => provideTranslocoScope(ALLIANCES_SCOPE);

/** Loads the scope before the page activates, so the translated page title is ready with it. */
export const alliancesScopeLoaded: CanActivateFn = () => {
  const transloco = inject(TranslocoService);
  return (
    transloco
      // load() looks inline loaders up by the full path (`alliances/fr`), not by language.
      .load(`alliances/${transloco.getActiveLang()}`, {
        inlineLoader: { 'alliances/fr': ALLIANCES_SCOPE.loader.fr, 'alliances/en': ALLIANCES_SCOPE.loader.en },
      })
      .pipe(
        map(() => true),
        // Missing words must not block the page.
        catchError(() => of(true)),
      )
  );
};
