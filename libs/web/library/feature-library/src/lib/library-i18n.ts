import { inject } from '@angular/core';
import { ResolveFn } from '@angular/router';
import { TranslocoService, provideTranslocoScope } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';

/**
 * The library's words (`/i18n/library/<lang>.json`), with the alliances scope for the names of
 * categories, collective objectives, domains and scales: one vocabulary for alliances and their cards.
 */
const LIBRARY_SCOPES = ['library', 'alliances'] as const;

export const provideLibraryI18n = () => provideTranslocoScope(...LIBRARY_SCOPES);

/** A route title among the library's keys, translated once its scopes have arrived. */
export function libraryTitle(key: string): ResolveFn<string> {
  return async () => {
    const transloco = inject(TranslocoService);
    const loads = LIBRARY_SCOPES.map((scope) => firstValueFrom(transloco.load(`${scope}/${transloco.getActiveLang()}`)));
    // A dictionary that fails to load must not keep the page from opening.
    await Promise.allSettled(loads);
    return key;
  };
}
