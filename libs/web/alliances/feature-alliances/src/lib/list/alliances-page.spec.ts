import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { browserLanguage } from '@alliances/web/core/testing';
import { aMe, settle, signInAs } from '@alliances/web/identity/data-access/testing';
import type { AllianceSummary } from '@alliances/shared/contracts';
import { aSummary, translocoWithAlliances } from '../../testing/alliances-testing';
import { AlliancesPage } from './alliances-page';

describe('AlliancesPage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoWithAlliances()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(
      aMe({}, [
        { organisationId: 'o1', organisationName: 'Les Jardins Partagés', organisationStatus: 'approved', role: 'admin' },
        { organisationId: 'o2', organisationName: 'Fondation Horizon', organisationStatus: 'approved', role: 'member' },
      ]),
    );
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  async function render(items: AllianceSummary[]) {
    const fixture = TestBed.createComponent(AlliancesPage);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    http.expectOne('/api/alliances').flush({ items, nextCursor: null });
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();
    return { fixture, el };
  }

  it('lists my alliances with their status and my role', async () => {
    const { el } = await render([
      aSummary(),
      aSummary({
        id: 'a2',
        name: 'Mobilité solidaire',
        status: 'active',
        category: 'philanthropy',
        myRoles: [{ organisationId: 'o2', role: 'funder', status: 'active' }],
      }),
    ]);

    const cards = [...el.querySelectorAll('[data-testid="alliance-card"]')];
    expect(cards.map((c) => c.querySelector('h2')?.textContent?.trim())).toEqual([
      'Alliance pour les aidants de Lyon',
      'Mobilité solidaire',
    ]);
    expect(cards.map((c) => c.querySelector('[data-testid="alliance-status"]')?.textContent?.trim())).toEqual(['Brouillon', 'Active']);
    expect(cards.map((c) => c.querySelector('[data-testid="alliance-my-role"]')?.textContent?.trim())).toEqual([
      'Votre rôle : Pilote',
      'Votre rôle : Financeur',
    ]);
    expect(cards[1].textContent).toContain('Catégorie : Mécénat');
    expect(cards[0].querySelector('a')?.getAttribute('href')).toBe('/alliances/a1');
    expect(el.querySelector('[data-testid="create-alliance"]')?.getAttribute('href')).toBe('/alliances/new');
    expect(el.querySelectorAll('h1')).toHaveLength(1);
  });

  it('explains what an alliance is when I have none', async () => {
    const { el } = await render([]);

    expect(el.querySelector('[data-testid="alliances-empty"]')?.textContent).toContain(
      "Une alliance d'intérêt général réunit des organisations",
    );
    expect(el.querySelector('[data-testid="create-alliance"]')?.textContent?.trim()).toBe('Créer une alliance');
  });

  it('lets an admin accept an invitation of their organisation, then reloads the list', async () => {
    const { fixture, el } = await render([
      aSummary({ id: 'a3', name: 'Alliance numérique inclusive', myRoles: [{ organisationId: 'o1', role: 'partner', status: 'invited' }] }),
    ]);

    const invitation = el.querySelector('[data-testid="alliance-invitation"]');
    expect(invitation?.textContent).toContain('Les Jardins Partagés est invitée comme Partenaire');
    expect(el.querySelector('[data-testid="alliance-card"]')).toBeNull();

    (el.querySelector('[data-testid="accept-alliance-invitation"]') as HTMLButtonElement).click();
    const request = http.expectOne('/api/alliances/a3/members/o1/accept');
    expect(request.request.method).toBe('POST');
    request.flush({});
    await settle();
    http.expectOne('/api/alliances').flush({
      items: [
        aSummary({
          id: 'a3',
          name: 'Alliance numérique inclusive',
          myRoles: [{ organisationId: 'o1', role: 'partner', status: 'active' }],
        }),
      ],
      nextCursor: null,
    });
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();

    expect(el.querySelector('[data-testid="alliances-message"]')?.textContent).toContain(
      "Les Jardins Partagés a rejoint l'alliance Alliance numérique inclusive.",
    );
    expect(el.querySelectorAll('[data-testid="alliance-card"]')).toHaveLength(1);
    expect(el.querySelector('[data-testid="alliance-invitation"]')).toBeNull();
  });

  it('tells a member who is not admin that an admin must answer', async () => {
    const { el } = await render([aSummary({ myRoles: [{ organisationId: 'o2', role: 'observer', status: 'invited' }] })]);

    expect(el.querySelector('[data-testid="accept-alliance-invitation"]')).toBeNull();
    expect(el.querySelector('[data-testid="alliance-invitation"]')?.textContent).toContain(
      'Seul un administrateur de Fondation Horizon peut répondre.',
    );
  });
});
