import { ModuleWithProviders } from '@angular/core';
import { TRANSLOCO_MISSING_HANDLER, Translation, TranslocoMissingHandler, TranslocoTestingModule } from '@jsverse/transloco';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Test-only entry point (`@alliances/web/core/testing`): specs read the words people see.
// The dictionaries belong to the web app; reading them from disk keeps libs free of an import of the app.
const DICTIONARIES = join(__dirname, '../../../../../apps/web/public/i18n');

function dictionary(lang: string): Translation {
  return JSON.parse(readFileSync(join(DICTIONARIES, `${lang}.json`), 'utf8')) as Translation;
}

/** A key missing from the dictionaries fails the spec instead of showing the raw key. */
class FailOnMissingKey implements TranslocoMissingHandler {
  handle(key: string): never {
    throw new Error(`Missing translation: ${key}`);
  }
}

/** Transloco with the app's real French and English dictionaries, French active. */
export function translocoTesting(): ModuleWithProviders<TranslocoTestingModule> {
  const module = TranslocoTestingModule.forRoot({
    langs: { fr: dictionary('fr'), en: dictionary('en') },
    translocoConfig: {
      availableLangs: ['fr', 'en'],
      defaultLang: 'fr',
      fallbackLang: 'fr',
      reRenderOnLangChange: true,
    },
    preloadLangs: true,
  });
  return { ...module, providers: [...(module.providers ?? []), { provide: TRANSLOCO_MISSING_HANDLER, useClass: FailOnMissingKey }] };
}

/** Pretends the browser asks for `lang`; LanguageService reads it when no choice is stored. */
export function browserLanguage(lang: string): void {
  jest.spyOn(window.navigator, 'language', 'get').mockReturnValue(lang);
}
