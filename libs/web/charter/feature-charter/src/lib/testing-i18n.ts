import { ModuleWithProviders } from '@angular/core';
import { TRANSLOCO_MISSING_HANDLER, Translation, TranslocoMissingHandler, TranslocoTestingModule } from '@jsverse/transloco';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Spec-only: the app's dictionaries with the `charter` scope merged in, as the scope loader would.
const DICTIONARIES = join(__dirname, '../../../../../../apps/web/public/i18n');
const read = (file: string): Translation => JSON.parse(readFileSync(join(DICTIONARIES, file), 'utf8')) as Translation;

class FailOnMissingKey implements TranslocoMissingHandler {
  handle(key: string): never {
    throw new Error(`Missing translation: ${key}`);
  }
}

export function charterTranslocoTesting(): ModuleWithProviders<TranslocoTestingModule> {
  const module = TranslocoTestingModule.forRoot({
    langs: { fr: { ...read('fr.json'), charter: read('charter/fr.json') }, en: { ...read('en.json'), charter: read('charter/en.json') } },
    translocoConfig: { availableLangs: ['fr', 'en'], defaultLang: 'fr', fallbackLang: 'fr', reRenderOnLangChange: true },
    preloadLangs: true,
  });
  return { ...module, providers: [...(module.providers ?? []), { provide: TRANSLOCO_MISSING_HANDLER, useClass: FailOnMissingKey }] };
}
