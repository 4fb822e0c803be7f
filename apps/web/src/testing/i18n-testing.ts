// The app's specs and the feature libs' specs share one helper, with the real dictionaries.
export { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
