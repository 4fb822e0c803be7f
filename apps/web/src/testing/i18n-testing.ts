import { ModuleWithProviders } from '@angular/core';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../public/i18n/en.json';
import fr from '../../public/i18n/fr.json';

/** Transloco with the app's real dictionaries, so specs read the words people see. */
export function translocoTesting(): ModuleWithProviders<TranslocoTestingModule> {
  return TranslocoTestingModule.forRoot({
    langs: { fr, en },
    translocoConfig: {
      availableLangs: ['fr', 'en'],
      defaultLang: 'fr',
      fallbackLang: 'fr',
      reRenderOnLangChange: true,
    },
    preloadLangs: true,
  });
}

/** Pretends the browser asks for `lang`; LanguageService reads it when no choice is stored. */
export function browserLanguage(lang: string): void {
  jest.spyOn(window.navigator, 'language', 'get').mockReturnValue(lang);
}
