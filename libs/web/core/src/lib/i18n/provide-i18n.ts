import { EnvironmentProviders, inject, isDevMode, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { TranslocoService, provideTransloco } from '@jsverse/transloco';
import { catchError, firstValueFrom, of } from 'rxjs';
import { HttpTranslationLoader } from './http-translation.loader';
import { LanguageService } from './language.service';
import { APP_LANGS, DEFAULT_LANG } from './languages';

/** Transloco for the web app; needs `provideHttpClient()` next to it. */
export function provideI18n(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideTransloco({
      config: {
        availableLangs: [...APP_LANGS],
        defaultLang: DEFAULT_LANG,
        fallbackLang: DEFAULT_LANG,
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
      },
      loader: HttpTranslationLoader,
    }),
    provideAppInitializer(() => {
      const language = inject(LanguageService);
      const transloco = inject(TranslocoService);
      // Wait for the first dictionary so the first paint shows words, not keys; a failed load
      // must not keep the app from starting.
      return firstValueFrom(transloco.load(language.lang()).pipe(catchError(() => of(null))), {
        defaultValue: null,
      });
    }),
  ]);
}
