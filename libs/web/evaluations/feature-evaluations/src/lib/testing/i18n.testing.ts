import { ModuleWithProviders } from '@angular/core';
import { TRANSLOCO_MISSING_HANDLER, Translation, TranslocoMissingHandler, TranslocoTestingModule } from '@jsverse/transloco';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DICTIONARIES = join(__dirname, '../../../../../../../apps/web/public/i18n');
const read = (path: string) => JSON.parse(readFileSync(join(DICTIONARIES, path), 'utf8')) as Translation;

class FailOnMissingKey implements TranslocoMissingHandler {
  handle(key: string): never {
    throw new Error(`Missing translation: ${key}`);
  }
}

/** Transloco with the app's dictionaries and this scope's, French active. */
export function evaluationsTransloco(): ModuleWithProviders<TranslocoTestingModule> {
  const module = TranslocoTestingModule.forRoot({
    langs: { fr: read('fr.json'), en: read('en.json'), 'evaluations/fr': read('evaluations/fr.json'), 'evaluations/en': read('evaluations/en.json') },
    translocoConfig: { availableLangs: ['fr', 'en'], defaultLang: 'fr', fallbackLang: 'fr', reRenderOnLangChange: true },
    preloadLangs: true,
  });
  return { ...module, providers: [...(module.providers ?? []), { provide: TRANSLOCO_MISSING_HANDLER, useClass: FailOnMissingKey }] };
}
