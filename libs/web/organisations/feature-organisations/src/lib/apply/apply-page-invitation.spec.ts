import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ANIMATION_MODULE_TYPE, ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import { aMe, settle, signInAs } from '@alliances/web/identity/data-access/testing';
import { ApplyPage } from './apply-page';

@Component({ template: '<h1>Organisation</h1>', changeDetection: ChangeDetectionStrategy.OnPush })
class OrganisationStub {}

jest.setTimeout(30000);

describe('ApplyPage, answering an alliance invitation (?allianceInvitation=)', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: ANIMATION_MODULE_TYPE, useValue: 'NoopAnimations' },
        provideRouter(
          [
            { path: 'organisations/apply', component: ApplyPage },
            { path: '**', component: OrganisationStub },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(aMe());
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => e.remove());
  });

  it('pre-fills the invited organisation’s name and sends the invitation with the application', async () => {
    const harness = await RouterTestingHarness.create('/organisations/apply?allianceInvitation=tok-1');
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
    const byTestId = <T extends HTMLElement>(id: string) => el.querySelector<T>(`[data-testid="${id}"]`);

    expect(byTestId('alliance-invitation')?.textContent?.trim()).toBe(
      "Une fois votre organisation validée, elle rejoindra l'alliance « Alliance pour les aidants de Lyon » menée par Les Jardins Partagés.",
    );
    expect(byTestId<HTMLInputElement>('apply-name')?.value).toBe('La Ferme du Coin');

    byTestId('apply-profile')?.click();
    await harness.fixture.whenStable();
    document.querySelector<HTMLElement>('[data-testid="profile-citizen_group"]')?.click();
    await harness.fixture.whenStable();
    byTestId('apply-submit')?.click();
    await harness.fixture.whenStable();

    const apply = http.expectOne('/api/organisations');
    expect(apply.request.body).toEqual({ name: 'La Ferme du Coin', profile: 'citizen_group', allianceInvitationToken: 'tok-1' });
    apply.flush({ id: 'org-ferme', status: 'pending' }, { status: 201, statusText: 'Created' });
    await settle();
    http.expectOne('/api/me').flush(aMe());
    await settle();
  });
});
