import { translocoTesting } from '@alliances/web/core/testing';

export { answeringDialog } from '@alliances/web/core/testing';

/** Spec-only: the real words, with the scopes the library loads merged as Transloco does at runtime. */
export const libraryTranslocoTesting = () => translocoTesting({ merge: ['library', 'alliances'] });
