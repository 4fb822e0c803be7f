import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from './local-date.pipe';

describe('LocalDatePipe', () => {
  beforeEach(() => {
    localStorage.clear();
    jest.spyOn(window.navigator, 'language', 'get').mockReturnValue('fr-FR');
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({ langs: { fr: {}, en: {} }, translocoConfig: { availableLangs: ['fr', 'en'], defaultLang: 'fr' } }),
      ],
    });
  });

  afterEach(() => jest.restoreAllMocks());

  const format = (value: string | null, style?: 'date' | 'dateTime') =>
    TestBed.runInInjectionContext(() => new LocalDatePipe()).transform(value, style);

  it('writes dates the way the interface language does, and follows a change of language', () => {
    expect(format('2026-03-02T10:00:00.000Z')).toBe('2 mars 2026');

    TestBed.inject(LanguageService).use('en');

    expect(format('2026-03-02T10:00:00.000Z')).toBe('2 March 2026');
  });

  it('shows nothing for a missing or malformed date', () => {
    expect(format(null)).toBe('');
    expect(format('not a date')).toBe('');
  });
});
