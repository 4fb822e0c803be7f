import { translocoTesting } from '@alliances/web/core/testing';

export { answeringDialog } from '@alliances/web/core/testing';

/** Spec-only: the real words, with the scopes the console loads merged as Transloco does at runtime. */
export const adminTranslocoTesting = () => translocoTesting({ merge: ['admin', 'alliances'] });
