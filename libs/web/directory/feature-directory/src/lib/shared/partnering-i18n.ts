import { inject } from '@angular/core';
import { ResolveFn } from '@angular/router';
import { TranslocoService, provideTranslocoScope } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';

/** Domain and category names come from the alliances scope, so the vocabulary has a single source. */
export const providePartneringI18n = () => provideTranslocoScope('alliances');

/** A route title translated once the alliances scope is there (missing words must not block the page). */
export function partneringTitle(key: string): ResolveFn<string> {
  return async () => {
    const transloco = inject(TranslocoService);
    await firstValueFrom(transloco.load(`alliances/${transloco.getActiveLang()}`)).catch(() => undefined);
    return key;
  };
}
