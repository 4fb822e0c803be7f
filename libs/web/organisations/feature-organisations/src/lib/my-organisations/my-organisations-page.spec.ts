import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import { settle } from '@alliances/web/identity/data-access/testing';
import type { MembershipSummary } from '@alliances/shared/contracts';
import { MyOrganisationsPage } from './my-organisations-page';

describe('MyOrganisationsPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  async function render(memberships: MembershipSummary[]) {
    const fixture = TestBed.createComponent(MyOrganisationsPage);
    // Not whenStable(): a loading resource keeps the fixture unstable until the answer comes.
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[role="status"]')?.textContent?.trim()).toBe('Chargement…');
    http.expectOne('/api/organisations').flush(memberships);
    await settle();
    fixture.detectChanges();
    return { fixture, el };
  }

  it('lists each organisation with where its application stands, and the reason of a rejection', async () => {
    const { fixture, el } = await render([
      { organisationId: 'o1', organisationName: 'Les Jardins Partagés', organisationStatus: 'approved', role: 'admin' },
      { organisationId: 'o2', organisationName: 'Fondation Horizon', organisationStatus: 'pending', role: 'admin' },
      { organisationId: 'o3', organisationName: 'SARL Fantôme', organisationStatus: 'rejected', role: 'admin' },
    ]);
    http.expectOne('/api/organisations/o3').flush({ id: 'o3', rejectionReason: 'SIREN radié du répertoire.' });
    await fixture.whenStable();

    const items = [...el.querySelectorAll('[data-testid="organisation-item"]')];
    expect(items.map((i) => i.querySelector('h2')?.textContent?.trim())).toEqual([
      'Les Jardins Partagés',
      'Fondation Horizon',
      'SARL Fantôme',
    ]);
    expect(items.map((i) => i.querySelector('[data-testid="organisation-status"]')?.textContent?.trim())).toEqual([
      'Validée',
      'En attente de validation',
      'Refusée',
    ]);
    expect(items[0].querySelector('a')?.getAttribute('href')).toBe('/organisations/o1');
    expect(items[0].textContent).toContain('Votre rôle : Administrateur');
    expect(items[2].querySelector('[data-testid="rejection-reason"]')?.textContent?.trim()).toBe(
      'Motif du refus : SIREN radié du répertoire.',
    );
    expect(el.querySelectorAll('h1')).toHaveLength(1);
  });

  it('invites a newcomer to register an organisation', async () => {
    const { fixture, el } = await render([]);
    await fixture.whenStable();

    expect(el.querySelector('[data-testid="organisations-empty"]')?.textContent).toContain(
      "Vous ne faites encore partie d'aucune organisation",
    );
    const apply = el.querySelector('[data-testid="apply-organisation"]');
    expect(apply?.textContent?.trim()).toBe('Inscrire une organisation');
    expect(apply?.getAttribute('href')).toBe('/organisations/apply');
  });
});
