export { browserLanguage, translocoTesting } from './i18n-testing';
