import { translocoTesting } from '@alliances/web/core/testing';

/** Spec-only: the real words, with this lib's scope merged under `objectives` as Transloco does at runtime. */
export const objectivesTranslocoTesting = () => translocoTesting({ merge: ['objectives'] });
