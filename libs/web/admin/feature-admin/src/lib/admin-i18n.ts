import { inject } from '@angular/core';
import { ResolveFn } from '@angular/router';
import { TranslocoService, provideTranslocoScope } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';

/**
 * The console's words (`/i18n/admin/<lang>.json`), plus the alliances scope for the names of
 * categories and statuses, so the vocabulary has a single source.
 */
const SCOPES = ['admin', 'alliances'] as const;

export const provideAdminI18n = () => provideTranslocoScope(...SCOPES);

/** A route title from the console's scope: both scopes are loaded before the title is translated. */
export function adminTitle(key: string): ResolveFn<string> {
  return async () => {
    const transloco = inject(TranslocoService);
    const lang = transloco.getActiveLang();
    // Missing words must not block the page: the title then shows the key until they arrive.
    await Promise.all(SCOPES.map((scope) => firstValueFrom(transloco.load(`${scope}/${lang}`)).catch(() => undefined)));
    return key;
  };
}
