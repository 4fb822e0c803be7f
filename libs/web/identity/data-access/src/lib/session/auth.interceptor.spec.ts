import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import type { MeResponse } from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from './auth-store';
import { authInterceptor } from './auth.interceptor';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class BlankPage {}

const ME: MeResponse = {
  user: {
    id: 'u1',
    email: 'camille@asso.fr',
    displayName: 'Camille',
    locale: 'fr',
    isPlatformAdmin: false,
    createdAt: '2026-01-01T00:00:00Z',
  },
  memberships: [],
  isPlatformAdmin: false,
};
const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('authInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let store: AuthStore;
  let router: Router;

  beforeEach(async () => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([{ path: '**', component: BlankPage }]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    store = TestBed.inject(AuthStore);
    router = TestBed.inject(Router);

    const signedIn = store.signIn({ email: 'camille@asso.fr', password: 'une phrase de passe' });
    http.expectOne('/api/auth/login').flush({ accessToken: 'old-token', expiresIn: 900, user: ME.user });
    await settle();
    http.expectOne('/api/me').flush(ME);
    await signedIn;
    await router.navigateByUrl('/organisations/o1');
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  it('sends the access token to the API and nowhere else', async () => {
    const api = firstValueFrom(client.get('/api/organisations'));
    const dictionary = firstValueFrom(client.get('/i18n/fr.json'));

    const apiRequest = http.expectOne('/api/organisations');
    expect(apiRequest.request.headers.get('Authorization')).toBe('Bearer old-token');
    apiRequest.flush([]);
    const dictionaryRequest = http.expectOne('/i18n/fr.json');
    expect(dictionaryRequest.request.headers.has('Authorization')).toBe(false);
    dictionaryRequest.flush({});
    await Promise.all([api, dictionary]);
  });

  it('refreshes once after a 401, then retries the call with the new token', async () => {
    const result = firstValueFrom(client.get<string[]>('/api/organisations'));

    http.expectOne('/api/organisations').flush({ statusCode: 401, message: 'Unauthorized' }, UNAUTHORIZED);
    await settle();
    http.expectOne('/api/auth/refresh').flush({ accessToken: 'new-token', expiresIn: 900 });
    await settle();
    const retry = http.expectOne('/api/organisations');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new-token');
    retry.flush(['Les Jardins']);

    await expect(result).resolves.toEqual(['Les Jardins']);
    expect(store.isSignedIn()).toBe(true);
  });

  it('shares one refresh between calls refused at the same time', async () => {
    const results = Promise.all([firstValueFrom(client.get('/api/organisations')), firstValueFrom(client.get('/api/me'))]);

    http.expectOne('/api/organisations').flush({ statusCode: 401 }, UNAUTHORIZED);
    http.expectOne('/api/me').flush({ statusCode: 401 }, UNAUTHORIZED);
    await settle();
    http.expectOne('/api/auth/refresh').flush({ accessToken: 'new-token', expiresIn: 900 });
    await settle();
    http.expectOne('/api/organisations').flush([]);
    http.expectOne('/api/me').flush(ME);

    await expect(results).resolves.toEqual([[], ME]);
  });

  it('signs out and sends the person to the sign-in page, coming back here, when the refresh fails', async () => {
    const result = firstValueFrom(client.get('/api/organisations'));

    http.expectOne('/api/organisations').flush({ statusCode: 401 }, UNAUTHORIZED);
    await settle();
    http.expectOne('/api/auth/refresh').flush({ statusCode: 401, code: 'auth.refresh_invalid' }, UNAUTHORIZED);

    await expect(result).rejects.toMatchObject({ status: 401 });
    await settle();
    expect(store.isSignedIn()).toBe(false);
    expect(store.accessToken()).toBeNull();
    expect(router.url).toBe('/sign-in?returnUrl=%2Forganisations%2Fo1');
  });

  it('signs out when the retried call is refused again', async () => {
    const result = firstValueFrom(client.get('/api/organisations'));

    http.expectOne('/api/organisations').flush({ statusCode: 401 }, UNAUTHORIZED);
    await settle();
    http.expectOne('/api/auth/refresh').flush({ accessToken: 'new-token', expiresIn: 900 });
    await settle();
    http.expectOne('/api/organisations').flush({ statusCode: 401 }, UNAUTHORIZED);

    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(store.isSignedIn()).toBe(false);
  });

  it('leaves a wrong password (asked again before deleting the account) to the page', async () => {
    const result = firstValueFrom(client.delete('/api/me', { body: { password: 'wrong' } }));

    http.expectOne('/api/me').flush({ statusCode: 401, code: 'auth.invalid_credentials' }, UNAUTHORIZED);

    await expect(result).rejects.toMatchObject({ status: 401 });
    http.expectNone('/api/auth/refresh');
    expect(store.isSignedIn()).toBe(true);
  });

  it('does not try to refresh when signing in itself fails', async () => {
    const result = firstValueFrom(client.post('/api/auth/login', { email: 'x@y.fr', password: 'nope' }));

    http.expectOne('/api/auth/login').flush({ statusCode: 401, code: 'auth.invalid_credentials' }, UNAUTHORIZED);

    await expect(result).rejects.toMatchObject({ status: 401 });
    http.expectNone('/api/auth/refresh');
  });
});
