import { translocoTesting } from '@alliances/web/core/testing';

/** Transloco with the app's dictionaries and the `comments` scope, French active. */
export const commentsTranslocoTesting = () => translocoTesting({ scopes: ['comments'] });
