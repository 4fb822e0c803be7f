export { answeringDialog } from './dialog-testing';
export { browserLanguage, translocoTesting, type TranslocoTestingScopes } from './i18n-testing';
