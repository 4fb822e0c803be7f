import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { APP_LANGS, AppLang, isAppLang } from './languages';

export const LANG_STORAGE_KEY = 'alliances.lang';

/**
 * The language the person reads the interface in. Their explicit choice is remembered in
 * localStorage; otherwise the browser language decides (English only when it asks for English).
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly active = signal<AppLang>(this.initialLang());

  readonly langs = APP_LANGS;
  readonly lang = this.active.asReadonly();

  constructor() {
    this.apply(this.active());
  }

  use(lang: AppLang): void {
    this.active.set(lang);
    this.writeStoredLang(lang);
    this.apply(lang);
  }

  private apply(lang: AppLang): void {
    this.transloco.setActiveLang(lang);
    // Screen readers and hyphenation follow the document language.
    this.document.documentElement.lang = lang;
  }

  private initialLang(): AppLang {
    const stored = this.readStoredLang();
    if (isAppLang(stored)) {
      return stored;
    }
    const browserLang = this.document.defaultView?.navigator.language ?? '';
    return browserLang.toLowerCase().startsWith('en') ? 'en' : 'fr';
  }

  private readStoredLang(): string | null {
    try {
      return this.document.defaultView?.localStorage.getItem(LANG_STORAGE_KEY) ?? null;
    } catch {
      // Storage can be disabled (privacy settings); the browser language still applies.
      return null;
    }
  }

  private writeStoredLang(lang: AppLang): void {
    try {
      this.document.defaultView?.localStorage.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // Without storage the choice lasts for this visit only.
    }
  }
}
