import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { LanguageService } from '@alliances/web/core';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import { SecurityApi } from '@alliances/web/identity/data-access';
import type { AuthProvidersResponse } from '@alliances/shared/contracts';
import { of } from 'rxjs';
import { SignInPage } from './sign-in-page';

@Component({ template: '<h1>Ailleurs</h1>', changeDetection: ChangeDetectionStrategy.OnPush })
class ElsewherePage {}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('SignInPage', () => {
  let http: HttpTestingController;
  let oidc: AuthProvidersResponse['oidc'];

  beforeEach(() => {
    localStorage.clear();
    oidc = null;
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        // No single sign-on configured (its button has its own test below).
        { provide: SecurityApi, useValue: { providers: () => of({ oidc }) } },
        provideRouter(
          [
            { path: 'sign-in', component: SignInPage },
            { path: '**', component: ElsewherePage },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  async function open(url = '/sign-in') {
    browserLanguage('fr-FR');
    const harness = await RouterTestingHarness.create(url);
    const el = harness.routeNativeElement as HTMLElement;
    const byTestId = <T extends HTMLElement>(id: string) => el.querySelector<T>(`[data-testid="${id}"]`);
    const type = (id: string, value: string) => {
      const input = byTestId<HTMLInputElement>(id);
      if (!input) throw new Error(`no field ${id}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const signIn = async (email = 'camille@asso.fr', password = 'une phrase de passe') => {
      type('sign-in-email', email);
      type('sign-in-password', password);
      byTestId('sign-in-submit')?.click();
      await harness.fixture.whenStable();
    };
    const alert = () => el.querySelector('[role="alert"]')?.textContent?.trim();
    return { harness, el, byTestId, signIn, alert };
  }

  it('asks an English visitor for the missing email and password', async () => {
    browserLanguage('en-GB');
    // The app initialiser picks the language before the first page renders.
    TestBed.inject(LanguageService);
    const fixture = TestBed.createComponent(SignInPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;

    expect([...el.querySelectorAll('mat-label')].map((l) => l.textContent?.trim())).toEqual(['Email address', 'Password']);

    el.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();

    expect([...el.querySelectorAll('mat-error')].map((e) => e.textContent?.trim())).toEqual([
      'Enter your email address.',
      'Enter your password.',
    ]);
  });

  it.each([
    [401, 'auth.invalid_credentials', 'Adresse e-mail ou mot de passe incorrect.'],
    [401, 'auth.account_disabled', "Ce compte est désactivé. Contactez l'équipe Alliances si vous pensez qu'il s'agit d'une erreur."],
    [429, undefined, 'Trop de tentatives. Patientez quelques minutes avant de réessayer.'],
  ])('explains a %s %s answer in words', async (status, code, message) => {
    const { signIn, alert, harness } = await open();

    await signIn();
    http.expectOne('/api/auth/login').flush({ statusCode: status, code, message: 'x' }, { status, statusText: 'Error' });
    await settle();
    await harness.fixture.whenStable();

    expect(alert()).toBe(message);
  });

  it('signs in and goes back to the page that asked for it, e-mail filled in from the link', async () => {
    const { signIn, byTestId, harness } = await open('/sign-in?returnUrl=%2Finvitations%2Fabc&email=camille%40asso.fr');
    expect(byTestId<HTMLInputElement>('sign-in-email')?.value).toBe('camille@asso.fr');

    await signIn();
    const login = http.expectOne('/api/auth/login');
    expect(login.request.body).toEqual({ email: 'camille@asso.fr', password: 'une phrase de passe' });
    login.flush({ accessToken: 't', expiresIn: 900, user: {} });
    await settle();
    http.expectOne('/api/me').flush({
      user: { id: 'u', email: 'camille@asso.fr', displayName: 'Camille', locale: 'fr', isPlatformAdmin: false, createdAt: '' },
      memberships: [],
      isPlatformAdmin: false,
    });
    await settle();
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/invitations/abc');
  });

  it('asks for the code of the second step, shows a refused one, and signs in with a recovery code', async () => {
    const { signIn, byTestId, alert, harness } = await open('/sign-in?returnUrl=%2Faccount');
    const type = (value: string) => {
      const input = byTestId<HTMLInputElement>('sign-in-mfa-code');
      if (!input) throw new Error('no code field');
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const stable = async () => {
      await settle();
      await harness.fixture.whenStable();
    };

    await signIn();
    http.expectOne('/api/auth/login').flush({ mfaRequired: true, mfaToken: 'challenge', methods: ['totp', 'recovery_code'] });
    await stable();
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe('Connexion en deux étapes');
    expect(document.activeElement).toBe(byTestId('sign-in-mfa-code'));

    type('123456');
    byTestId('sign-in-mfa-submit')?.click();
    await stable();
    const wrong = http.expectOne('/api/auth/login/mfa');
    expect(wrong.request.body).toEqual({ mfaToken: 'challenge', code: '123456' });
    wrong.flush({ statusCode: 401, code: 'auth.mfa_invalid', message: 'x' }, { status: 401, statusText: 'Unauthorized' });
    await stable();
    expect(alert()).toContain('Code incorrect ou expiré');

    byTestId('sign-in-mfa-recovery-toggle')?.click();
    await stable();
    type('abcde-12345');
    byTestId('sign-in-mfa-submit')?.click();
    await stable();
    const recovery = http.expectOne('/api/auth/login/mfa');
    expect(recovery.request.body).toEqual({ mfaToken: 'challenge', code: 'abcde-12345' });
    recovery.flush({ accessToken: 't', expiresIn: 900, user: {} });
    await settle();
    http.expectOne('/api/me').flush({
      user: { id: 'u', email: 'camille@asso.fr', displayName: 'Camille', locale: 'fr', isPlatformAdmin: false, createdAt: '' },
      memberships: [],
      isPlatformAdmin: false,
    });
    await stable();
    expect(TestBed.inject(Router).url).toBe('/account');
  });

  it('opens the second step directly when single sign-on comes back with a challenge', async () => {
    const { byTestId } = await open('/sign-in?mfaToken=from-sso&returnUrl=%2Falliances');
    await settle();
    expect(byTestId('sign-in-mfa-code')).not.toBeNull();
    expect(byTestId('sign-in-password')).toBeNull();
    // The challenge leaves the address bar (and the history); where to go afterwards stays.
    expect(TestBed.inject(Router).url).toBe('/sign-in?returnUrl=%2Falliances');
  });

  it('explains why single sign-on failed', async () => {
    const { alert } = await open('/sign-in?ssoError=oidc.email_unverified');
    expect(alert()).toContain('ne confirme pas votre adresse');
  });

  it('offers single sign-on by its name, coming back to the page that asked', async () => {
    oidc = { displayName: 'Annuaire de la Région', loginUrl: '/api/auth/oidc/login' };
    const { byTestId, harness } = await open('/sign-in?returnUrl=%2Fcatalyst');
    await settle();
    await harness.fixture.whenStable();
    const sso = byTestId<HTMLAnchorElement>('sign-in-sso');
    expect(sso?.textContent?.trim()).toBe('Se connecter avec Annuaire de la Région');
    expect(sso?.getAttribute('href')).toBe('/api/auth/oidc/login?returnUrl=%2Fcatalyst');
    expect(byTestId<HTMLAnchorElement>('sign-in-forgot')?.getAttribute('href')).toBe('/forgot-password');
  });
});
