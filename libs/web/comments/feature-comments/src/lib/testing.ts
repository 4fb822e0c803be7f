import { ModuleWithProviders } from '@angular/core';
import { TRANSLOCO_MISSING_HANDLER, Translation, TranslocoMissingHandler, TranslocoTestingModule } from '@jsverse/transloco';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const I18N = join(__dirname, '../../../../../../apps/web/public/i18n');
const read = (file: string) => JSON.parse(readFileSync(join(I18N, file), 'utf8')) as Translation;

class FailOnMissingKey implements TranslocoMissingHandler {
  handle(key: string): never {
    throw new Error(`Missing translation: ${key}`);
  }
}

/** Transloco with the app's dictionaries and the `comments` scope, French active. */
export function commentsTranslocoTesting(): ModuleWithProviders<TranslocoTestingModule> {
  const module = TranslocoTestingModule.forRoot({
    langs: { fr: read('fr.json'), en: read('en.json'), 'comments/fr': read('comments/fr.json'), 'comments/en': read('comments/en.json') },
    translocoConfig: { availableLangs: ['fr', 'en'], defaultLang: 'fr', fallbackLang: 'fr', reRenderOnLangChange: true },
    preloadLangs: true,
  });
  return { ...module, providers: [...(module.providers ?? []), { provide: TRANSLOCO_MISSING_HANDLER, useClass: FailOnMissingKey }] };
}
