import { translocoTesting } from '@alliances/web/core/testing';

/** Spec-only: the real words, with this lib's scope merged under `funding` as Transloco does at runtime. */
export const fundingTranslocoTesting = () => translocoTesting({ merge: ['funding'] });
