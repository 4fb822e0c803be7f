import { ModuleWithProviders } from '@angular/core';
import { TRANSLOCO_MISSING_HANDLER, Translation, TranslocoTestingModule } from '@jsverse/transloco';
import { MatDialog } from '@angular/material/dialog';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { of } from 'rxjs';

// Spec-only: the app's root dictionaries plus the scopes the library loads, merged as Transloco does at runtime.
const I18N = join(__dirname, '../../../../../../apps/web/public/i18n');
const read = (file: string): Translation => JSON.parse(readFileSync(join(I18N, file), 'utf8')) as Translation;
const dictionary = (lang: string): Translation => ({ ...read(`${lang}.json`), library: read(`library/${lang}.json`), alliances: read(`alliances/${lang}.json`) });

/** Transloco with the real words, French active; a missing key fails the spec. */
export function libraryTranslocoTesting(): ModuleWithProviders<TranslocoTestingModule> {
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

/** A dialog service whose confirmations answer `answer`, and which remembers what it was asked. */
export function answeringDialog(answer: boolean): { provider: { provide: typeof MatDialog; useValue: unknown }; asked: { data: Record<string, unknown> }[] } {
  const asked: { data: Record<string, unknown> }[] = [];
  const useValue = {
    open: (_component: unknown, config: { data: Record<string, unknown> }) => {
      asked.push({ data: config.data });
      return { afterClosed: () => of(answer) };
    },
  };
  return { provider: { provide: MatDialog, useValue }, asked };
}
