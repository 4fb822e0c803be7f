export { provideI18n } from './lib/i18n/provide-i18n';
export { LanguageService } from './lib/i18n/language.service';
export { TranslatedTitleStrategy } from './lib/i18n/translated-title.strategy';
export type { AppLang } from './lib/i18n/languages';
export { LocalDatePipe, type DateStyle } from './lib/format/local-date.pipe';
export { NavigationFocus, provideNavigationFocus } from './lib/a11y/navigation-focus';
export { apiError, apiErrorCode, applyFieldErrors, errorMessageKey, fieldErrors, httpStatus } from './lib/errors/api-error';
