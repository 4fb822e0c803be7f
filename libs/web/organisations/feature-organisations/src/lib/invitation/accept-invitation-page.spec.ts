import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import { aMe, settle, signInAs } from '@alliances/web/identity/data-access/testing';
import type { InvitationPreview } from '@alliances/shared/contracts';
import { AcceptInvitationPage } from './accept-invitation-page';

@Component({ template: '<h1>Ailleurs</h1>', changeDetection: ChangeDetectionStrategy.OnPush })
class ElsewherePage {}

const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz';
const PREVIEW: InvitationPreview = {
  organisationName: 'Les Jardins Partagés',
  email: 'sacha@asso-exemple.fr',
  role: 'signatory',
  expiresAt: '2026-12-03T10:00:00.000Z',
  status: 'valid',
};

describe('AcceptInvitationPage', () => {
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
            { path: 'invitations/:token', component: AcceptInvitationPage },
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

  async function open(preview: InvitationPreview | { status: number } = PREVIEW) {
    const harness = await RouterTestingHarness.create();
    const navigated = harness.navigateByUrl(`/invitations/${TOKEN}`);
    await settle();
    const request = http.expectOne(`/api/invitations/${TOKEN}`);
    if ('organisationName' in preview) request.flush(preview);
    else request.flush({ statusCode: preview.status }, { status: preview.status, statusText: 'Error' });
    await navigated;
    await harness.fixture.whenStable();
    const el = harness.routeNativeElement as HTMLElement;
    const byTestId = <T extends HTMLElement>(id: string) => el.querySelector<T>(`[data-testid="${id}"]`);
    return { harness, el, byTestId };
  }

  it('shows a visitor what the invitation is for, and where to sign in or sign up with the invited address', async () => {
    const { el, byTestId } = await open();

    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Rejoindre Les Jardins Partagés');
    const facts = [...el.querySelectorAll('[data-testid="invitation-preview"] > div')].map((d) => [
      d.querySelector('dt')?.textContent?.trim(),
      d.querySelector('dd')?.textContent?.trim(),
    ]);
    expect(facts).toEqual([
      ['Organisation', 'Les Jardins Partagés'],
      ['Rôle proposé', 'Signataire'],
      ['Adresse invitée', 'sacha@asso-exemple.fr'],
      ['État', "Valable jusqu'au 3 décembre 2026"],
    ]);
    const back = `returnUrl=%2Finvitations%2F${TOKEN}&email=sacha@asso-exemple.fr`;
    expect(byTestId('invitation-sign-in')?.getAttribute('href')).toBe(`/sign-in?${back}`);
    expect(byTestId('invitation-sign-up')?.getAttribute('href')).toBe(`/sign-up?${back}`);
    expect(byTestId('accept-invitation')).toBeNull();
  });

  it('lets the invited person accept, then opens the organisation', async () => {
    await signInAs(aMe({ email: 'Sacha@asso-exemple.fr' }));
    const { byTestId, harness } = await open();

    byTestId('accept-invitation')?.click();
    http
      .expectOne(`/api/invitations/${TOKEN}/accept`)
      .flush({ organisationId: 'org-1', organisationName: 'Les Jardins Partagés', organisationStatus: 'approved', role: 'signatory' });
    await settle();
    http.expectOne('/api/me').flush(aMe());
    await settle();
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/organisations/org-1');
  });

  it('tells someone signed in with another address to switch accounts', async () => {
    await signInAs(aMe({ email: 'camille@asso-exemple.fr' }));
    const { byTestId } = await open();

    expect(byTestId('accept-invitation')).toBeNull();
    expect(byTestId('invitation-wrong-account')?.textContent?.trim()).toBe(
      "Votre session est ouverte avec l'adresse camille@asso-exemple.fr, mais cette invitation est adressée à sacha@asso-exemple.fr. Changez de compte pour l'accepter.",
    );
    expect(byTestId('invitation-switch-account')?.textContent?.trim()).toBe('Changer de compte');
  });

  it('explains an expired invitation and offers nothing to click', async () => {
    const { el, byTestId } = await open({ ...PREVIEW, status: 'expired' });

    expect(el.textContent).toContain('Cette invitation a expiré.');
    expect(byTestId('invitation-sign-in')).toBeNull();
    expect(byTestId('accept-invitation')).toBeNull();
  });

  it('says when the link leads nowhere', async () => {
    const { el, byTestId } = await open({ status: 404 });

    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Invitation');
    expect(byTestId('invitation-not-found')?.textContent?.trim()).toBe(
      "Cette invitation n'existe pas ou a été annulée. Demandez-en une nouvelle à un administrateur de l'organisation.",
    );
  });
});
