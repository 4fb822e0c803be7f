import { inject } from '@angular/core';
import { ResolveFn } from '@angular/router';
import { Translation, TranslocoService, provideTranslocoScope } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';

export const SCOPE = 'evaluations';

function fetchScope(lang: string): () => Promise<Translation> {
  // The scope's dictionaries sit next to the root ones, in /i18n/evaluations/<lang>.json.
  return () =>
    fetch(`/i18n/${SCOPE}/${lang}.json`).then((r) =>
      r.ok ? (r.json() as Promise<Translation>) : Promise.reject(new Error(`i18n ${r.status}`)),
    );
}

const inlineLoader = { fr: fetchScope('fr'), en: fetchScope('en') };
/** TranslocoService.load() looks inline loaders up by the full path (`evaluations/fr`). */
const pathLoader = { [`${SCOPE}/fr`]: inlineLoader.fr, [`${SCOPE}/en`]: inlineLoader.en };

export function provideEvaluationsI18n() {
  return provideTranslocoScope({ scope: SCOPE, loader: inlineLoader });
}

/** A route title that is one of this scope's keys: the scope is loaded before the title is translated. */
export function scopedTitle(key: string): ResolveFn<string> {
  return async () => {
    const transloco = inject(TranslocoService);
    await firstValueFrom(transloco.load(`${SCOPE}/${transloco.getActiveLang()}`, { inlineLoader: pathLoader })).catch(() => undefined);
    return key;
  };
}
