import { translocoTesting } from '@alliances/web/core/testing';

/** Transloco with the app's dictionaries and this scope's, French active. */
export const evaluationsTransloco = () => translocoTesting({ scopes: ['evaluations'] });
