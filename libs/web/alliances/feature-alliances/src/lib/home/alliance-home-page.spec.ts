import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { Router, provideRouter } from '@angular/router';
import { browserLanguage } from '@alliances/web/core/testing';
import { aMe, settle, signInAs } from '@alliances/web/identity/data-access/testing';
import type { Alliance } from '@alliances/shared/contracts';
import { of } from 'rxjs';
import { aMember, anAlliance, translocoWithAlliances } from '../../testing/alliances-testing';
import { AllianceHomePage } from './alliance-home-page';

jest.setTimeout(30000);

const lead = aMember({
  organisationId: 'o1',
  organisationName: 'Les Jardins Partagés',
  objective: {
    square: ['value_proposition', 'positioning'],
    expectations: 'Toucher les aidants salariés.',
    contributions: { human: 'Deux animateurs', skills: 'Accompagnement des aidants' },
  },
});
const partner = aMember({
  organisationId: 'o2',
  organisationName: 'Transports Rhône SA',
  organisationProfile: 'company',
  role: 'partner',
  objective: null,
});
const funder = aMember({
  organisationId: 'o3',
  organisationName: 'Fondation Horizon',
  organisationProfile: 'foundation',
  role: 'funder',
  status: 'invited',
  objective: null,
});

describe('AllianceHomePage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<AllianceHomePage>;
  let el: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoWithAlliances()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(
      aMe({}, [{ organisationId: 'o1', organisationName: 'Les Jardins Partagés', organisationStatus: 'approved', role: 'admin' }]),
    );
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  /** Lets answers and effects run; a resource still loading would keep whenStable() waiting. */
  async function step(): Promise<void> {
    await settle();
    fixture.detectChanges();
  }

  async function refresh(): Promise<void> {
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  async function render(alliance: Alliance): Promise<void> {
    fixture = TestBed.createComponent(AllianceHomePage);
    fixture.componentRef.setInput('id', alliance.id);
    el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne(`/api/alliances/${alliance.id}`).flush(alliance);
    await settle();
    fixture.detectChanges();
    http.expectOne(`/api/alliances/${alliance.id}/audit`).flush({
      items: [
        {
          id: 'e1',
          at: '2026-01-20T10:00:00.000Z',
          actorName: 'Camille Martin',
          action: 'alliance.created',
          objectType: 'alliance',
          objectId: alliance.id,
          details: null,
        },
      ],
      nextCursor: null,
    });
    await step();
    // The lead's list of external invitations (its own spec: external-invitations.spec.ts).
    http.match(`/api/alliances/${alliance.id}/invitations`).forEach((r) => r.flush([]));
    await refresh();
  }

  const byTestId = (id: string) => el.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
  const allByTestId = (id: string) => [...el.querySelectorAll(`[data-testid="${id}"]`)] as HTMLElement[];

  it('shows the alliance, its partners and what each partner seeks, expects and brings', async () => {
    await render(anAlliance({ members: [lead, partner, funder] }));

    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Alliance pour les aidants de Lyon');
    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect(byTestId('alliance-status')?.textContent?.trim()).toBe('Brouillon');
    expect(el.querySelector('.facts')?.textContent).toContain('Innovation sociétale');
    expect(el.querySelector('.facts')?.textContent).toContain('Lyon (69123)');

    const rows = allByTestId('partner-row').map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim()));
    // The lead may remove the other organisations (or withdraw an invitation), not its own.
    expect(rows).toEqual([
      ['Les Jardins Partagés', 'Association', 'Pilote', 'Membre', ''],
      ['Transports Rhône SA', 'Entreprise', 'Partenaire', 'Membre', 'Retirer'],
      ['Fondation Horizon', 'Fondation', 'Financeur', 'Invitée', 'Retirer'],
    ]);

    const cards = allByTestId('partner-objective');
    expect(cards.map((c) => c.querySelector('h3')?.textContent?.trim())).toEqual([
      'Les Jardins Partagés',
      'Transports Rhône SA',
      'Fondation Horizon',
    ]);
    expect([...cards[0].querySelectorAll('.square .served')].map((s) => s.textContent?.trim())).toEqual([
      'Proposition de valeur',
      'Positionnement',
    ]);
    expect(cards[0].querySelector('[data-testid="partner-expectations"]')?.textContent).toBe('Toucher les aidants salariés.');
    expect(cards[0].querySelector('[data-testid="partner-contributions"]')?.textContent).toContain('Compétences');
    expect(cards[1].querySelector('[data-testid="partner-not-described"]')?.textContent?.trim()).toBe('Pas encore décrit.');
    expect(cards[2].querySelector('[data-testid="partner-not-described"]')).not.toBeNull();

    // Only my own organisation's objective can be edited.
    expect(cards.map((c) => !!c.querySelector('[data-testid="edit-partner-objective"]'))).toEqual([true, false, false]);

    expect(byTestId('link-charter')?.getAttribute('href')).toBe('/alliances/a1/charter');
    expect(byTestId('link-objectives')?.getAttribute('href')).toBe('/alliances/a1/objectives');
    expect(byTestId('link-evaluations')?.getAttribute('href')).toBe('/alliances/a1/evaluations');
    expect(byTestId('link-discussion')?.getAttribute('href')).toBe('/alliances/a1/discussion');
    expect(byTestId('alliance-journal')?.textContent).toContain("Camille Martin a créé l'alliance.");
  });

  it('offers the invite form and the edit button only to the lead', async () => {
    await render(
      anAlliance({
        members: [lead, partner],
        can: { edit: false, invite: false, writeCharter: true, sign: true },
        myRoles: [{ organisationId: 'o1', role: 'partner', status: 'active' }],
      }),
    );

    expect(byTestId('invite-organisation')).toBeNull();
    expect(byTestId('edit-alliance')).toBeNull();
  });

  it('lets the lead invite an organisation found in the directory', async () => {
    await render(anAlliance({ members: [lead] }));
    expect(byTestId('invite-organisation')).not.toBeNull();
    expect(byTestId('invite-organisation-role')).not.toBeNull();

    // Typed text that is not an organisation from the list is refused.
    const input = byTestId('invite-organisation') as HTMLInputElement;
    input.value = 'Transports';
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    http
      .expectOne((r) => r.url === '/api/alliances/directory/organisations' && r.params.get('q') === 'Transports')
      .flush([{ id: 'o2', name: 'Transports Rhône SA', profile: 'company', territoryName: 'Lyon' }]);
    byTestId('invite-organisation-submit')?.click();
    await refresh();
    expect(el.querySelector('mat-error')?.textContent?.trim()).toBe('Choisissez une organisation dans la liste.');

    const page = fixture.componentInstance as unknown as { invite: { controls: { organisation: { setValue(v: unknown): void } } } };
    page.invite.controls.organisation.setValue({ id: 'o2', name: 'Transports Rhône SA', profile: 'company', territoryName: 'Lyon' });
    byTestId('invite-organisation-submit')?.click();
    const request = http.expectOne('/api/alliances/a1/members');
    expect(request.request.body).toEqual({ organisationId: 'o2', role: 'partner' });
    request.flush(anAlliance({ members: [lead, { ...partner, status: 'invited' }] }));
    await step();
    http.expectOne('/api/alliances/a1/audit').flush({ items: [], nextCursor: null });
    await refresh();

    expect(byTestId('alliance-message')?.textContent).toContain('Transports Rhône SA est invitée.');
    expect(allByTestId('partner-row')).toHaveLength(2);
  });

  it('says when someone changed the alliance meanwhile, and reloads it', async () => {
    await render(anAlliance({ version: 4 }));
    jest
      .spyOn(TestBed.inject(MatDialog), 'open')
      .mockReturnValue({ afterClosed: () => of({ name: 'Nouveau nom', purpose: 'Nouvelle raison' }) } as never);

    byTestId('edit-alliance')?.click();
    await settle();
    const patch = http.expectOne('/api/alliances/a1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ name: 'Nouveau nom', purpose: 'Nouvelle raison', version: 4 });
    patch.flush(
      { statusCode: 409, error: 'Conflict', message: 'stale', code: 'alliance.stale_version' },
      { status: 409, statusText: 'Conflict' },
    );
    await step();
    http.expectOne('/api/alliances/a1').flush(anAlliance({ name: 'Nom changé par un autre', version: 5 }));
    await step();
    http.expectOne('/api/alliances/a1/audit').flush({ items: [], nextCursor: null });
    await refresh();

    expect(byTestId('alliance-message')?.textContent).toContain("Quelqu'un a modifié l'alliance entre-temps.");
    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Nom changé par un autre');
  });

  it('saves my organisation’s objective from the dialog', async () => {
    await render(anAlliance({ members: [aMember()] }));
    const objective = { square: ['business_model'], expectations: 'Recruter', contributions: { financial: '10 000 €' } };
    jest.spyOn(TestBed.inject(MatDialog), 'open').mockReturnValue({ afterClosed: () => of(objective) } as never);

    byTestId('edit-partner-objective')?.click();
    await settle();
    const put = http.expectOne('/api/alliances/a1/members/o1/objective');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual(objective);
    put.flush(anAlliance({ members: [aMember({ objective: objective as never })] }));
    await step();
    http.expectOne('/api/alliances/a1/audit').flush({ items: [], nextCursor: null });
    await refresh();

    expect(byTestId('partner-expectations')?.textContent).toBe('Recruter');
    expect(byTestId('alliance-message')?.textContent).toContain('Objectif de Les Jardins Partagés enregistré.');
  });

  it('lets my organisation’s admin leave the alliance after confirming, then goes back to the list', async () => {
    const mine = aMember({ organisationId: 'o1', organisationName: 'Les Jardins Partagés', role: 'partner' });
    const theLead = aMember({ organisationId: 'o9', organisationName: 'Pilote Ailleurs', role: 'lead' });
    await render(
      anAlliance({ members: [theLead, mine], can: { edit: false, invite: false, writeCharter: true, sign: true }, canLeaveFor: ['o1'] }),
    );
    expect(allByTestId('remove-member')).toHaveLength(0);
    const open = jest.spyOn(TestBed.inject(MatDialog), 'open').mockReturnValue({ afterClosed: () => of(true) } as never);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);

    expect(byTestId('leave-alliance')?.getAttribute('aria-label')).toBe("Quitter l'alliance pour Les Jardins Partagés");
    byTestId('leave-alliance')?.click();
    await settle();
    expect(open).toHaveBeenCalled();
    const del = http.expectOne('/api/alliances/a1/members/o1');
    expect(del.request.method).toBe('DELETE');
    del.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/alliances']);
  });

  it('closes the alliance with a final note; the banner shows it and the lead’s actions are gone', async () => {
    await render(anAlliance({ version: 7, members: [lead, partner] }));
    jest.spyOn(TestBed.inject(MatDialog), 'open').mockReturnValue({ afterClosed: () => of({ closingNote: 'Merci à tous.' }) } as never);

    byTestId('close-alliance')?.click();
    await settle();
    const patch = http.expectOne('/api/alliances/a1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ status: 'closed', closingNote: 'Merci à tous.', version: 7 });
    patch.flush(
      anAlliance({
        version: 8,
        status: 'closed',
        closedAt: '2026-06-30T10:00:00.000Z',
        closingNote: 'Merci à tous.',
        members: [lead, partner],
        can: { edit: false, invite: false, writeCharter: false, sign: false },
        canLeaveFor: [],
      }),
    );
    await step();
    http.expectOne('/api/alliances/a1/audit').flush({ items: [], nextCursor: null });
    await refresh();

    expect(byTestId('alliance-closed-banner')?.textContent).toContain('Cette alliance est close');
    expect(byTestId('alliance-closing-note')?.textContent).toBe('Merci à tous.');
    for (const id of ['edit-alliance', 'close-alliance', 'hand-over-lead', 'remove-member', 'leave-alliance', 'invite-form'])
      expect(byTestId(id)).toBeNull();
  });

  it('hands the lead over to the partner chosen in the dialog', async () => {
    await render(anAlliance({ members: [lead, partner] }));
    jest.spyOn(TestBed.inject(MatDialog), 'open').mockReturnValue({ afterClosed: () => of('o2') } as never);

    byTestId('hand-over-lead')?.click();
    await settle();
    const post = http.expectOne('/api/alliances/a1/lead');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ organisationId: 'o2' });
    post.flush(
      anAlliance({
        members: [
          { ...lead, role: 'partner' },
          { ...partner, role: 'lead' },
        ],
        can: { edit: false, invite: false, writeCharter: true, sign: true },
        canLeaveFor: ['o1'],
      }),
    );
    await step();
    http.expectOne('/api/alliances/a1/audit').flush({ items: [], nextCursor: null });
    await refresh();

    expect(byTestId('alliance-message')?.textContent).toContain("Transports Rhône SA pilote désormais l'alliance.");
    expect(byTestId('edit-alliance')).toBeNull();
    expect(byTestId('leave-alliance')).not.toBeNull();
  });
});
