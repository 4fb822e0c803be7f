import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ANIMATION_MODULE_TYPE, ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { LanguageService } from '@alliances/web/core';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import { AuthStore, authInterceptor } from '@alliances/web/identity/data-access';
import { aMe, settle, signInAs } from '@alliances/web/identity/data-access/testing';
import type { AccountSecurity } from '@alliances/shared/contracts';
import { SecurityApi } from '@alliances/web/identity/data-access';
import { of } from 'rxjs';
import { AccountPage } from './account-page';

const SECURITY: AccountSecurity = {
  email: 'camille@asso-exemple.fr',
  pendingEmail: null,
  hasPassword: true,
  twoFactor: {
    enabled: false,
    enabledAt: null,
    recoveryCodesLeft: 0,
    required: false,
    requiredBy: { platformAdmin: false, organisations: [] },
  },
  linkedIdentities: [],
};

@Component({ template: '<h1>Accueil</h1>', changeDetection: ChangeDetectionStrategy.OnPush })
class HomePage {}

describe('AccountPage', () => {
  let http: HttpTestingController;
  let security: AccountSecurity;

  beforeEach(async () => {
    localStorage.clear();
    browserLanguage('fr-FR');
    security = SECURITY;
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        // Dialogs close at once, without waiting for a CSS animation jsdom never runs.
        { provide: ANIMATION_MODULE_TYPE, useValue: 'NoopAnimations' },
        { provide: SecurityApi, useValue: { security: () => of(security), sessions: () => of([]) } },
        provideRouter([
          { path: 'account', component: AccountPage },
          { path: '**', component: HomePage },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(aMe({ displayName: 'Camille Martin', email: 'camille@asso-exemple.fr' }));
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => e.remove());
    jest.restoreAllMocks();
  });

  async function open() {
    const harness = await RouterTestingHarness.create('/account');
    const el = harness.routeNativeElement as HTMLElement;
    const byTestId = <T extends HTMLElement>(id: string, root: ParentNode = el) => root.querySelector<T>(`[data-testid="${id}"]`);
    const stable = async () => {
      await settle();
      await harness.fixture.whenStable();
    };
    return { harness, el, byTestId, stable };
  }

  it('shows the account, with one heading per section', async () => {
    const { el, byTestId, stable } = await open();
    await stable();

    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Mon compte');
    expect([...el.querySelectorAll('h2')].map((h) => h.textContent?.trim())).toEqual([
      'Profil',
      'Adresse e-mail',
      'Mot de passe',
      'Connexion en deux étapes',
      'Identités liées',
      'Appareils connectés',
      'Calendrier',
      'Notifications',
      'Vos données',
      'Supprimer mon compte',
    ]);
    expect(byTestId('account-email')?.textContent).toBe('camille@asso-exemple.fr');
    expect(byTestId<HTMLInputElement>('account-display-name')?.value).toBe('Camille Martin');
  });

  it('saves a new display name and language, and switches the interface to it', async () => {
    const { byTestId, stable, harness } = await open();
    const name = byTestId<HTMLInputElement>('account-display-name');
    if (!name) throw new Error('no name field');
    name.value = 'Camille M.';
    name.dispatchEvent(new Event('input'));
    byTestId<HTMLElement>('account-locale')?.click();
    await harness.fixture.whenStable();
    [...document.querySelectorAll<HTMLElement>('mat-option')].find((o) => o.textContent?.trim() === 'English')?.click();
    await harness.fixture.whenStable();

    byTestId('account-save')?.click();
    const patch = http.expectOne('/api/me');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ displayName: 'Camille M.', locale: 'en' });
    patch.flush(aMe({ displayName: 'Camille M.', locale: 'en' }));
    await stable();

    expect(byTestId('account-saved')?.textContent?.trim()).toBe('Your changes are saved.');
    expect(TestBed.inject(LanguageService).lang()).toBe('en');
    expect(TestBed.inject(AuthStore).user()?.displayName).toBe('Camille M.');
  });

  it('downloads the personal data export as a JSON file', async () => {
    const { byTestId, stable } = await open();
    const createObjectURL = jest.fn(() => 'blob:export');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

    byTestId('account-export')?.click();
    const request = http.expectOne('/api/me/export');
    expect(request.request.headers.get('Authorization')).toBe('Bearer test-token');
    request.flush(new Blob(['{"user":{}}'], { type: 'application/json' }));
    await stable();

    expect(createObjectURL).toHaveBeenCalled();
    const link = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(link.download).toBe('alliances-my-data.json');
  });

  it('deletes the account only with the right password, then signs out', async () => {
    const { byTestId, stable } = await open();
    byTestId('account-delete')?.click();
    await stable();
    const dialog = document.querySelector<HTMLElement>('mat-dialog-container');
    if (!dialog) throw new Error('no dialog');
    expect(dialog.querySelector('h2')?.textContent?.trim()).toBe('Supprimer définitivement votre compte ?');
    const password = byTestId<HTMLInputElement>('delete-password', dialog);
    if (!password) throw new Error('no password field');

    password.value = 'pas le bon';
    password.dispatchEvent(new Event('input'));
    byTestId('delete-confirm', dialog)?.click();
    const wrong = http.expectOne('/api/me');
    expect(wrong.request.method).toBe('DELETE');
    expect(wrong.request.body).toEqual({ password: 'pas le bon' });
    wrong.flush({ statusCode: 401, code: 'auth.invalid_credentials' }, { status: 401, statusText: 'Unauthorized' });
    await stable();
    expect(dialog.querySelector('mat-error')?.textContent?.trim()).toBe('Mot de passe incorrect.');
    http.expectNone('/api/auth/refresh');

    password.value = 'une phrase de passe';
    password.dispatchEvent(new Event('input'));
    byTestId('delete-confirm', dialog)?.click();
    http.expectOne('/api/me').flush(null, { status: 204, statusText: 'No Content' });
    await stable();
    await stable();

    expect(TestBed.inject(AuthStore).isSignedIn()).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('asks an account without a password (single sign-on) to type its address instead', async () => {
    security = { ...SECURITY, hasPassword: false };
    const { byTestId, stable } = await open();
    byTestId('account-delete')?.click();
    await stable();
    const dialog = document.querySelector<HTMLElement>('mat-dialog-container');
    if (!dialog) throw new Error('no dialog');
    expect(byTestId('delete-password', dialog)).toBeNull();
    const email = byTestId<HTMLInputElement>('delete-confirm-email', dialog);
    if (!email) throw new Error('no email field');
    expect(dialog.textContent).toContain('saisissez votre adresse e-mail');

    email.value = 'camille@asso-exemple.fr';
    email.dispatchEvent(new Event('input'));
    byTestId('delete-confirm', dialog)?.click();
    const request = http.expectOne('/api/me');
    expect(request.request.method).toBe('DELETE');
    expect(request.request.body).toEqual({ confirmEmail: 'camille@asso-exemple.fr' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await stable();
    await stable();
    expect(TestBed.inject(AuthStore).isSignedIn()).toBe(false);
  });

  it('explains why an account that is the last admin of an organisation cannot be deleted', async () => {
    const { byTestId, stable } = await open();
    byTestId('account-delete')?.click();
    await stable();
    const dialog = document.querySelector<HTMLElement>('mat-dialog-container');
    if (!dialog) throw new Error('no dialog');
    const password = byTestId<HTMLInputElement>('delete-password', dialog);
    if (!password) throw new Error('no password field');
    password.value = 'une phrase de passe';
    password.dispatchEvent(new Event('input'));
    byTestId('delete-confirm', dialog)?.click();
    http.expectOne('/api/me').flush({ statusCode: 409, code: 'organisation.last_admin' }, { status: 409, statusText: 'Conflict' });
    await stable();

    expect(byTestId('delete-account-error', dialog)?.textContent?.trim()).toBe(
      "L'organisation doit garder au moins un administrateur : nommez-en un autre d'abord.",
    );
    expect(TestBed.inject(AuthStore).isSignedIn()).toBe(true);
  });
});
