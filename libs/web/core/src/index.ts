export { provideI18n } from './lib/i18n/provide-i18n';
export { LanguageService } from './lib/i18n/language.service';
export { TranslatedTitleStrategy } from './lib/i18n/translated-title.strategy';
export type { AppLang } from './lib/i18n/languages';
