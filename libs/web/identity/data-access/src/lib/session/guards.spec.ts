import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import type { MeResponse } from '@alliances/shared/contracts';
import { AuthStore } from './auth-store';
import { authGuard, guestGuard, platformAdminGuard } from './guards';
import { safeReturnUrl } from './return-url';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class BlankPage {}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('route guards', () => {
  let router: Router;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'organisations', component: BlankPage, canActivate: [authGuard] },
          { path: 'account', component: BlankPage, canActivate: [authGuard] },
          { path: 'admin/organisations', component: BlankPage, canActivate: [platformAdminGuard] },
          { path: 'sign-in', component: BlankPage, canActivate: [guestGuard] },
          { path: '**', component: BlankPage },
        ]),
      ],
    });
    router = TestBed.inject(Router);
    http = TestBed.inject(HttpTestingController);
  });

  async function signIn(isPlatformAdmin: boolean, twoFactorSetupRequired = false): Promise<void> {
    const store = TestBed.inject(AuthStore);
    const done = store.signIn({ email: 'a@b.fr', password: 'une phrase de passe' });
    http.expectOne('/api/auth/login').flush({ accessToken: 't', expiresIn: 900, user: {}, twoFactorSetupRequired });
    await settle();
    const response: MeResponse = {
      user: { id: 'u', email: 'a@b.fr', displayName: 'A', locale: 'fr', isPlatformAdmin, createdAt: '' },
      memberships: [],
      isPlatformAdmin,
    };
    http.expectOne('/api/me').flush(response);
    await done;
  }

  it('keeps a restricted session on the two-step setup of the account page, remembering where it was going', async () => {
    await signIn(true, true);

    await router.navigateByUrl('/admin/organisations');
    expect(router.url).toBe('/account?twoFactorSetup=1&returnUrl=%2Fadmin%2Forganisations#two-step');
    await router.navigateByUrl('/organisations');
    expect(router.url).toBe('/account?twoFactorSetup=1&returnUrl=%2Forganisations#two-step');
    await router.navigateByUrl('/account');
    expect(router.url).toBe('/account');
  });

  it('sends a visitor to the sign-in page with the page they wanted', async () => {
    await router.navigateByUrl('/organisations?tab=1');

    expect(router.url).toBe('/sign-in?returnUrl=%2Forganisations%3Ftab%3D1');
  });

  it('lets a signed-in person in, and keeps them off the admin pages', async () => {
    await signIn(false);

    await router.navigateByUrl('/organisations');
    expect(router.url).toBe('/organisations');

    await router.navigateByUrl('/admin/organisations');
    expect(router.url).toBe('/not-found');
  });

  it('opens the review queue to platform administrators', async () => {
    await signIn(true);

    await router.navigateByUrl('/admin/organisations');

    expect(router.url).toBe('/admin/organisations');
  });

  it('takes a signed-in person from the sign-in page to where they were heading', async () => {
    await signIn(false);

    await router.navigateByUrl('/sign-in?returnUrl=%2Finvitations%2Fabc');

    expect(router.url).toBe('/invitations/abc');
  });

  it.each([
    ['/organisations/1', '/organisations/1'],
    ['https://evil.example', null],
    ['//evil.example', null],
    ['/\\evil.example', null],
    ['', null],
  ])('accepts only return URLs inside the app: %s', (value, expected) => {
    expect(safeReturnUrl(value)).toBe(expected);
  });
});
