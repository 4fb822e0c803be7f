import { inject } from '@angular/core';
import { ResolveFn } from '@angular/router';
import { TranslocoService, provideTranslocoScope } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';

/** The "funding" scope, served from /i18n/funding/<lang>.json by the app's loader. */
export const SCOPE = 'funding';

export const provideFundingI18n = () => provideTranslocoScope(SCOPE);

/**
 * A route title that is one of this scope's keys. Loading the scope before the page activates also
 * means the page's first render (and its chart labels) already has its words.
 */
export function scopedTitle(key: string): ResolveFn<string> {
  return async () => {
    const transloco = inject(TranslocoService);
    await firstValueFrom(transloco.load(`${SCOPE}/${transloco.getActiveLang()}`)).catch(() => undefined);
    return key;
  };
}
