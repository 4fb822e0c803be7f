import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { LanguageService } from '@alliances/web/core';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import type { MeResponse } from '@alliances/shared/contracts';
import { AuthStore, SESSION_HINT_KEY } from './auth-store';
import { authInterceptor } from './auth.interceptor';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class BlankPage {}

const me = (overrides: Partial<MeResponse['user']> = {}, isPlatformAdmin = false): MeResponse => ({
  user: {
    id: 'u1',
    email: 'camille@asso.fr',
    displayName: 'Camille Martin',
    locale: 'fr',
    isPlatformAdmin,
    createdAt: '2026-01-01T00:00:00Z',
    ...overrides,
  },
  memberships: [{ organisationId: 'o1', organisationName: 'Les Jardins', organisationStatus: 'approved', role: 'admin' }],
  isPlatformAdmin,
});

/** Lets pending promise callbacks run, so the next request of a sequence is sent. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('AuthStore', () => {
  let store: AuthStore;
  let http: HttpTestingController;

  beforeEach(() => {
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
    store = TestBed.inject(AuthStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  async function signIn(response: MeResponse = me(), expiresIn = 900): Promise<void> {
    const done = store.signIn({ email: 'camille@asso.fr', password: 'une phrase de passe' });
    http.expectOne('/api/auth/login').flush({ accessToken: 'token-1', expiresIn, user: response.user });
    await settle();
    http.expectOne('/api/me').flush(response);
    await done;
  }

  it('does not call the API at start-up for a visitor who never signed in', async () => {
    await store.restore();

    http.expectNone('/api/auth/refresh');
    expect(store.status()).toBe('signedOut');
  });

  it('resumes the previous session through the refresh cookie and loads the account', async () => {
    localStorage.setItem(SESSION_HINT_KEY, '1');

    const restored = store.restore();
    expect(store.status()).toBe('restoring');
    const refresh = http.expectOne('/api/auth/refresh');
    expect(refresh.request.method).toBe('POST');
    refresh.flush({ accessToken: 'token-r', expiresIn: 900 });
    await settle();
    const meRequest = http.expectOne('/api/me');
    expect(meRequest.request.headers.get('Authorization')).toBe('Bearer token-r');
    meRequest.flush(me({}, true));
    await restored;

    expect(store.isSignedIn()).toBe(true);
    expect(store.user()?.displayName).toBe('Camille Martin');
    expect(store.memberships().map((m) => m.organisationName)).toEqual(['Les Jardins']);
    expect(store.isPlatformAdmin()).toBe(true);
  });

  it('stays signed out, and forgets the hint, when the refresh cookie is no longer valid', async () => {
    localStorage.setItem(SESSION_HINT_KEY, '1');

    const restored = store.restore();
    http
      .expectOne('/api/auth/refresh')
      .flush({ statusCode: 401, code: 'auth.refresh_invalid' }, { status: 401, statusText: 'Unauthorized' });
    await restored;

    expect(store.status()).toBe('signedOut');
    expect(localStorage.getItem(SESSION_HINT_KEY)).toBeNull();
  });

  it('signs in, keeps the access token in memory only and follows the account language', async () => {
    await signIn(me({ locale: 'en' }));

    expect(store.isSignedIn()).toBe(true);
    expect(store.accessToken()).toBe('token-1');
    expect(JSON.stringify({ ...localStorage })).not.toContain('token-1');
    expect(TestBed.inject(LanguageService).lang()).toBe('en');
  });

  it('registers, then signs in with the same credentials', async () => {
    const done = store.register({ email: 'camille@asso.fr', password: 'une phrase de passe', displayName: 'Camille Martin', locale: 'fr' });
    const register = http.expectOne('/api/auth/register');
    expect(register.request.body).toEqual({
      email: 'camille@asso.fr',
      password: 'une phrase de passe',
      displayName: 'Camille Martin',
      locale: 'fr',
    });
    register.flush({ user: me().user }, { status: 201, statusText: 'Created' });
    await settle();
    const login = http.expectOne('/api/auth/login');
    expect(login.request.body).toEqual({ email: 'camille@asso.fr', password: 'une phrase de passe' });
    login.flush({ accessToken: 'token-1', expiresIn: 900, user: me().user });
    await settle();
    http.expectOne('/api/me').flush(me());
    await done;

    expect(store.user()?.email).toBe('camille@asso.fr');
  });

  it('refreshes the access token a minute before it expires', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    const done = store.signIn({ email: 'camille@asso.fr', password: 'une phrase de passe' });
    http.expectOne('/api/auth/login').flush({ accessToken: 'token-1', expiresIn: 900, user: me().user });
    await Promise.resolve();
    await Promise.resolve();
    http.expectOne('/api/me').flush(me());
    await done;

    jest.advanceTimersByTime(839_000);
    http.expectNone('/api/auth/refresh');
    jest.advanceTimersByTime(1_000);
    http.expectOne('/api/auth/refresh').flush({ accessToken: 'token-2', expiresIn: 900 });
    await Promise.resolve();
    await Promise.resolve();

    expect(store.accessToken()).toBe('token-2');
  });

  it('signs out: revokes the session on the server, forgets the account and goes home', async () => {
    await signIn();
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/organisations');

    const done = store.signOut();
    const logout = http.expectOne('/api/auth/logout');
    expect(logout.request.headers.get('Authorization')).toBe('Bearer token-1');
    logout.flush(null, { status: 204, statusText: 'No Content' });
    await done;

    expect(store.isSignedIn()).toBe(false);
    expect(store.user()).toBeNull();
    expect(store.accessToken()).toBeNull();
    expect(router.url).toBe('/');
  });
});
