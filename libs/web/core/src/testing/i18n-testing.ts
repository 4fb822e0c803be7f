import { ModuleWithProviders } from '@angular/core';
import { TRANSLOCO_MISSING_HANDLER, Translation, TranslocoMissingHandler, TranslocoTestingModule } from '@jsverse/transloco';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Test-only entry point (`@alliances/web/core/testing`): specs read the words people see.
// The dictionaries belong to the web app; reading them from disk keeps libs free of an import of the app.
const DICTIONARIES = join(__dirname, '../../../../../apps/web/public/i18n');

const read = (file: string): Translation => JSON.parse(readFileSync(join(DICTIONARIES, file), 'utf8')) as Translation;

/**
 * Feature scopes, read from `<scope>/<lang>.json`: `merge` puts them under their name in the root
 * dictionary (as a scope already loaded), `scopes` offers them as `<scope>/<lang>` for the scope
 * loader to fetch as at runtime.
 */
export interface TranslocoTestingScopes {
  merge?: string[];
  scopes?: string[];
}

function langs({ merge = [], scopes = [] }: TranslocoTestingScopes): Record<string, Translation> {
  const result: Record<string, Translation> = {};
  for (const lang of ['fr', 'en']) {
    result[lang] = { ...read(`${lang}.json`), ...Object.fromEntries(merge.map((scope) => [scope, read(`${scope}/${lang}.json`)])) };
    for (const scope of scopes) result[`${scope}/${lang}`] = read(`${scope}/${lang}.json`);
  }
  return result;
}

/** A key missing from the dictionaries fails the spec instead of showing the raw key. */
class FailOnMissingKey implements TranslocoMissingHandler {
  handle(key: string): never {
    throw new Error(`Missing translation: ${key}`);
  }
}

/** Transloco with the app's real French and English dictionaries (and feature scopes), French active. */
export function translocoTesting(scopes: TranslocoTestingScopes = {}): ModuleWithProviders<TranslocoTestingModule> {
  const module = TranslocoTestingModule.forRoot({
    langs: langs(scopes),
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
