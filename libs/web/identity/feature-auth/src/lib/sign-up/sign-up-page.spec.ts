import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import { SignUpPage } from './sign-up-page';

@Component({ template: '<h1>Ailleurs</h1>', changeDetection: ChangeDetectionStrategy.OnPush })
class ElsewherePage {}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('SignUpPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter(
          [
            { path: 'sign-up', component: SignUpPage },
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

  async function render(url = '/sign-up') {
    const harness = await RouterTestingHarness.create(url);
    const el = harness.routeNativeElement as HTMLElement;
    const errors = () => [...el.querySelectorAll('mat-error')].map((e) => e.textContent?.trim());
    const type = async (name: string, value: string) => {
      const input = el.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`);
      if (!input) throw new Error(`no field ${name}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await harness.fixture.whenStable();
    };
    const submit = async () => {
      el.querySelector<HTMLButtonElement>('[data-testid="sign-up-submit"]')?.click();
      await harness.fixture.whenStable();
    };
    const fillValidForm = async () => {
      await type('displayName', 'Camille Martin');
      await type('email', 'camille@exemple.fr');
      await type('password', 'une phrase de passe');
    };
    const answer = async (body: object, status: number) => {
      http.expectOne('/api/auth/register').flush(body, { status, statusText: 'Error' });
      await settle();
      await harness.fixture.whenStable();
    };
    return { harness, el, errors, type, submit, fillValidForm, answer };
  }

  it('labels every field', async () => {
    const { el } = await render();

    expect([...el.querySelectorAll('mat-label')].map((l) => l.textContent?.trim())).toEqual([
      'Nom affiché',
      'Adresse e-mail',
      'Mot de passe',
    ]);
  });

  it('explains in French what is missing when an empty form is submitted', async () => {
    const { errors, submit } = await render();
    expect(errors()).toEqual([]);

    await submit();

    expect(errors()).toEqual(['Saisissez le nom à afficher.', 'Saisissez votre adresse e-mail.', 'Saisissez votre mot de passe.']);
  });

  it('rejects a malformed email and a short password without calling the API', async () => {
    const { errors, type, submit } = await render();

    await type('displayName', 'Camille Martin');
    await type('email', 'camille');
    await type('password', 'court');
    await submit();

    expect(errors()).toEqual([
      'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
      'Le mot de passe doit contenir au moins 12 caractères.',
    ]);
    http.expectNone('/api/auth/register');
  });

  it('says under the e-mail field that the address already has an account', async () => {
    const { errors, fillValidForm, submit, answer } = await render();

    await fillValidForm();
    await submit();
    await answer({ statusCode: 409, code: 'auth.email_taken', message: 'taken' }, 409);

    expect(errors()).toEqual(['Un compte existe déjà avec cette adresse. Connectez-vous plutôt.']);
  });

  it.each([
    ['auth.common_password', 'Ce mot de passe est trop courant. Choisissez une phrase de passe plus personnelle.'],
    ['auth.weak_password', 'Le mot de passe doit contenir au moins 12 caractères.'],
  ])('shows the API refusal %s under the password field', async (code, message) => {
    const { errors, fillValidForm, submit, answer } = await render();

    await fillValidForm();
    await submit();
    await answer({ statusCode: 400, message: 'Invalid input', details: [{ field: 'password', messages: ['x'], codes: [code] }] }, 400);

    expect(errors()).toEqual([message]);
  });

  it('creates the account in the interface language, signs in and goes on to the invitation', async () => {
    const { fillValidForm, submit, harness, el } = await render('/sign-up?returnUrl=%2Finvitations%2Fabc&email=camille%40exemple.fr');
    expect(el.querySelector<HTMLInputElement>('input[formcontrolname="email"]')?.value).toBe('camille@exemple.fr');

    await fillValidForm();
    await submit();
    const register = http.expectOne('/api/auth/register');
    expect(register.request.body).toEqual({
      displayName: 'Camille Martin',
      email: 'camille@exemple.fr',
      password: 'une phrase de passe',
      locale: 'fr',
    });
    register.flush({ user: {} }, { status: 201, statusText: 'Created' });
    await settle();
    http.expectOne('/api/auth/login').flush({ accessToken: 't', expiresIn: 900, user: {} });
    await settle();
    http.expectOne('/api/me').flush({
      user: { id: 'u', email: 'camille@exemple.fr', displayName: 'Camille Martin', locale: 'fr', isPlatformAdmin: false, createdAt: '' },
      memberships: [],
      isPlatformAdmin: false,
    });
    await settle();
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/invitations/abc');
  });

  it('says who invites the organisation into which alliance, then goes on to the application with the invitation', async () => {
    const harness = await RouterTestingHarness.create('/sign-up?allianceInvitation=tok-1');
    http.expectOne('/api/alliance-invitations/tok-1').flush({
      allianceName: 'Alliance pour les aidants de Lyon',
      leadName: 'Les Jardins Partagés',
      organisationName: 'La Ferme du Coin',
      email: 'contact@ferme-du-coin.fr',
      status: 'valid',
      expiresAt: '2026-12-16T10:00:00.000Z',
    });
    await settle();
    await harness.fixture.whenStable();
    const el = harness.routeNativeElement as HTMLElement;

    expect(el.querySelector('[data-testid="alliance-invitation"]')?.textContent?.trim()).toBe(
      "Les Jardins Partagés invite La Ferme du Coin à rejoindre l'alliance « Alliance pour les aidants de Lyon ». Créez votre compte, puis inscrivez votre organisation.",
    );
    expect(el.querySelector<HTMLInputElement>('input[formcontrolname="email"]')?.value).toBe('contact@ferme-du-coin.fr');

    for (const [name, value] of [
      ['displayName', 'Dominique Ferme'],
      ['password', 'une phrase de passe'],
    ]) {
      const input = el.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`);
      if (!input) throw new Error(`no field ${name}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    el.querySelector<HTMLButtonElement>('[data-testid="sign-up-submit"]')?.click();
    await harness.fixture.whenStable();
    http.expectOne('/api/auth/register').flush({ user: {} }, { status: 201, statusText: 'Created' });
    await settle();
    http.expectOne('/api/auth/login').flush({ accessToken: 't', expiresIn: 900, user: {} });
    await settle();
    http.expectOne('/api/me').flush({
      user: {
        id: 'u',
        email: 'contact@ferme-du-coin.fr',
        displayName: 'Dominique Ferme',
        locale: 'fr',
        isPlatformAdmin: false,
        createdAt: '',
      },
      memberships: [],
      isPlatformAdmin: false,
    });
    await settle();
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/organisations/apply?allianceInvitation=tok-1');
  });
});
