import { ModuleWithProviders } from '@angular/core';
import { TRANSLOCO_MISSING_HANDLER, Translation, TranslocoTestingModule } from '@jsverse/transloco';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Spec-only: the app's root dictionaries plus this lib's scope merged under `funding`, as Transloco does at runtime.
const I18N = join(__dirname, '../../../../../../apps/web/public/i18n');
const read = (file: string): Translation => JSON.parse(readFileSync(join(I18N, file), 'utf8')) as Translation;
const dictionary = (lang: string): Translation => ({ ...read(`${lang}.json`), funding: read(`funding/${lang}.json`) });

export function fundingTranslocoTesting(): ModuleWithProviders<TranslocoTestingModule> {
  const module = TranslocoTestingModule.forRoot({
    langs: { fr: dictionary('fr'), en: dictionary('en') },
    translocoConfig: { availableLangs: ['fr', 'en'], defaultLang: 'fr', fallbackLang: 'fr', reRenderOnLangChange: true },
    preloadLangs: true,
  });
  const failOnMissing = {
    handle(key: string): never {
      throw new Error(`Missing translation: ${key}`);
    },
  };
  return { ...module, providers: [...(module.providers ?? []), { provide: TRANSLOCO_MISSING_HANDLER, useValue: failOnMissing }] };
}
