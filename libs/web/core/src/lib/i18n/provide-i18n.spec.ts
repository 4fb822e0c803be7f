import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { provideI18n } from './provide-i18n';

describe('provideI18n', () => {
  beforeEach(() => {
    localStorage.clear();
    jest.spyOn(window.navigator, 'language', 'get').mockReturnValue('fr-FR');
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideI18n()],
    });
  });

  afterEach(() => jest.restoreAllMocks());

  it('loads the French dictionary from /i18n/fr.json before the app starts', async () => {
    const http = TestBed.inject(HttpTestingController);
    const initialised = TestBed.inject(ApplicationInitStatus).donePromise;

    http.expectOne('/i18n/fr.json').flush({ app: { name: 'Alliances' } });
    await initialised;

    expect(TestBed.inject(TranslocoService).translate('app.name')).toBe('Alliances');
    http.verify();
  });

  it('still starts when the dictionary cannot be loaded', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const http = TestBed.inject(HttpTestingController);
    const initialised = TestBed.inject(ApplicationInitStatus).donePromise;

    // Transloco retries a failed load before giving up.
    for (let attempt = 0; attempt < 3; attempt++) {
      http.match('/i18n/fr.json').forEach((req) => req.flush('', { status: 503, statusText: 'Unavailable' }));
      await Promise.resolve();
    }

    await expect(initialised).resolves.toBeUndefined();
  });
});
