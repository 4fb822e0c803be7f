import { translocoTesting } from '@alliances/web/core/testing';

/** Spec-only: the app's dictionaries with the `charter` scope merged in, as the scope loader would. */
export const charterTranslocoTesting = () => translocoTesting({ merge: ['charter'] });
