import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { LANG_STORAGE_KEY, LanguageService } from './language.service';

function setup(): { language: LanguageService; transloco: TranslocoService } {
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: {}, en: {} },
        translocoConfig: { availableLangs: ['fr', 'en'], defaultLang: 'fr' },
      }),
    ],
  });
  return { language: TestBed.inject(LanguageService), transloco: TestBed.inject(TranslocoService) };
}

function browserLanguage(lang: string): void {
  jest.spyOn(window.navigator, 'language', 'get').mockReturnValue(lang);
}

describe('LanguageService', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
  });

  afterEach(() => jest.restoreAllMocks());

  it('starts in French for a French browser and sets the document language', () => {
    browserLanguage('fr-FR');
    const { language, transloco } = setup();

    expect(language.lang()).toBe('fr');
    expect(transloco.getActiveLang()).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
  });

  it.each(['en', 'en-US', 'EN-gb'])('starts in English when the browser asks for %s', (browser) => {
    browserLanguage(browser);
    const { language } = setup();

    expect(language.lang()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it.each(['de-DE', 'es', ''])('falls back to French for a %s browser', (browser) => {
    browserLanguage(browser);

    expect(setup().language.lang()).toBe('fr');
  });

  it('prefers the stored choice over the browser language', () => {
    browserLanguage('fr-FR');
    localStorage.setItem(LANG_STORAGE_KEY, 'en');

    expect(setup().language.lang()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('ignores a stored value that is not a supported language', () => {
    browserLanguage('fr-FR');
    localStorage.setItem(LANG_STORAGE_KEY, 'klingon');

    expect(setup().language.lang()).toBe('fr');
  });

  it('switches language, updates the document and remembers the choice for the next visit', () => {
    browserLanguage('fr-FR');
    const { language, transloco } = setup();

    language.use('en');

    expect(language.lang()).toBe('en');
    expect(transloco.getActiveLang()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');

    TestBed.resetTestingModule();
    expect(setup().language.lang()).toBe('en');
  });

  it('still switches language when storage is unavailable', () => {
    browserLanguage('fr-FR');
    jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const { language } = setup();

    language.use('en');

    expect(language.lang()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
