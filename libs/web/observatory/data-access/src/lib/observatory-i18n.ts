import { inject } from '@angular/core';
import { ResolveFn } from '@angular/router';
import { TranslocoService, provideTranslocoScope } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';

/**
 * The observatory's words (`/i18n/observatory/<lang>.json`), with the alliances scope (categories, domains,
 * collective objectives, statuses) and the evaluations scope (dimensions, focuses): one vocabulary everywhere.
 */
const OBSERVATORY_SCOPES = ['observatory', 'alliances', 'evaluations'] as const;

export const provideObservatoryI18n = () => provideTranslocoScope(...OBSERVATORY_SCOPES);

/** A route title among the observatory's keys, translated once its scopes have arrived. */
export function observatoryTitle(key: string): ResolveFn<string> {
  return async () => {
    const transloco = inject(TranslocoService);
    const loads = OBSERVATORY_SCOPES.map((scope) => firstValueFrom(transloco.load(`${scope}/${transloco.getActiveLang()}`)));
    // A dictionary that fails to load must not keep the page from opening.
    await Promise.allSettled(loads);
    return key;
  };
}
