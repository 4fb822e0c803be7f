import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ANIMATION_MODULE_TYPE } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import { aMe, settle, signInAs } from '@alliances/web/identity/data-access/testing';
import type { Invitation, Organisation, OrganisationMember } from '@alliances/shared/contracts';
import { OrganisationPage } from './organisation-page';

const ORG: Organisation = {
  id: 'org-1',
  name: 'Les Jardins Partagés',
  profile: 'association',
  siren: null,
  siret: null,
  rna: 'W691234567',
  territoryCode: '69123',
  territoryName: 'Lyon (69)',
  description: 'Des jardins en pied d’immeuble.',
  socioEconomicProfile: null,
  status: 'approved',
  rejectionReason: null,
  createdAt: '2026-03-02T10:00:00.000Z',
  reviewedAt: '2026-03-03T10:00:00.000Z',
};
const CAMILLE: OrganisationMember = {
  userId: 'user-camille',
  displayName: 'Camille Martin',
  email: 'camille@asso-exemple.fr',
  role: 'admin',
  joinedAt: '2026-03-02T10:00:00.000Z',
};
const SACHA: OrganisationMember = {
  userId: 'user-sacha',
  displayName: 'Sacha Petit',
  email: 'sacha@asso-exemple.fr',
  role: 'member',
  joinedAt: '2026-03-10T10:00:00.000Z',
};
const INVITATION: Invitation = {
  id: 'inv-1',
  organisationId: 'org-1',
  email: 'dominique@asso-exemple.fr',
  role: 'signatory',
  expiresAt: '2026-03-17T10:00:00.000Z',
  createdAt: '2026-03-10T10:00:00.000Z',
  acceptedAt: null,
};

describe('OrganisationPage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: ANIMATION_MODULE_TYPE, useValue: 'NoopAnimations' },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(aMe());
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => e.remove());
    jest.restoreAllMocks();
  });

  async function render(organisation: Organisation, members: OrganisationMember[], invitations?: Invitation[]) {
    const fixture = TestBed.createComponent(OrganisationPage);
    fixture.componentRef.setInput('id', organisation.id);
    // Not whenStable() yet: a loading resource keeps the fixture unstable until the answer comes.
    fixture.detectChanges();
    http.expectOne('/api/organisations/org-1').flush(organisation);
    http.expectOne('/api/organisations/org-1/members').flush(members);
    await settle();
    fixture.detectChanges();
    if (invitations) {
      http.expectOne('/api/organisations/org-1/invitations').flush(invitations);
    }
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const byTestId = <T extends HTMLElement>(id: string, root: ParentNode = el) => root.querySelector<T>(`[data-testid="${id}"]`);
    const rows = () => [...el.querySelectorAll<HTMLElement>('[data-testid="member-row"]')];
    const stable = async () => {
      await settle();
      await fixture.whenStable();
    };
    return { fixture, el, byTestId, rows, stable };
  }

  it('shows the profile and status, and lets an admin manage roles but not demote themself as last admin', async () => {
    const { el, byTestId, rows } = await render(ORG, [CAMILLE, SACHA], [INVITATION]);

    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Les Jardins Partagés');
    expect(byTestId('organisation-status')?.textContent?.trim()).toBe('Validée');
    expect(el.textContent).toContain('Lyon (69)');
    expect(el.textContent).toContain('W691234567');
    const [camille, sacha] = rows();
    expect(camille.querySelector('th')?.textContent).toContain('(vous)');
    expect(byTestId('member-role', camille)?.getAttribute('aria-disabled')).toBe('true');
    expect(byTestId('member-role', sacha)?.getAttribute('aria-disabled')).toBe('false');
    expect(byTestId('member-role', sacha)?.getAttribute('aria-label')).toBe('Rôle de Sacha Petit');
    expect(byTestId<HTMLButtonElement>('leave-organisation', camille)?.disabled).toBe(true);
    expect(byTestId('last-admin-hint')?.textContent).toContain('Vous êtes le seul administrateur');
    expect(byTestId('remove-member', sacha)?.textContent?.trim()).toBe('Retirer Sacha Petit');
  });

  it('changes a member role and says so', async () => {
    const { byTestId, rows, stable, fixture } = await render(ORG, [CAMILLE, SACHA], [INVITATION]);

    byTestId('member-role', rows()[1])?.click();
    await fixture.whenStable();
    [...document.querySelectorAll<HTMLElement>('mat-option')].find((o) => o.textContent?.trim() === 'Signataire')?.click();
    const patch = http.expectOne('/api/organisations/org-1/members/user-sacha');
    expect(patch.request.body).toEqual({ role: 'signatory' });
    patch.flush([CAMILLE, { ...SACHA, role: 'signatory' }]);
    await stable();

    expect(byTestId('member-feedback')?.textContent?.trim()).toBe('Sacha Petit a maintenant le rôle : Signataire.');
  });

  it('removes a member after confirmation', async () => {
    const { byTestId, rows, stable } = await render(ORG, [CAMILLE, SACHA], [INVITATION]);

    byTestId('remove-member', rows()[1])?.click();
    await stable();
    const dialog = document.querySelector<HTMLElement>('mat-dialog-container');
    expect(dialog?.querySelector('h2')?.textContent?.trim()).toBe('Retirer Sacha Petit ?');
    dialog?.querySelector<HTMLElement>('[data-testid="confirm-accept"]')?.click();
    await stable();
    http
      .expectOne((r) => r.method === 'DELETE' && r.url === '/api/organisations/org-1/members/user-sacha')
      .flush(null, {
        status: 204,
        statusText: 'No Content',
      });
    await stable();

    expect(rows()).toHaveLength(1);
    expect(byTestId('member-feedback')?.textContent?.trim()).toBe("Sacha Petit ne fait plus partie de l'organisation.");
  });

  it('invites a member and lists the pending invitations, which can be cancelled', async () => {
    const { byTestId, stable, fixture, el } = await render(ORG, [CAMILLE, SACHA], [INVITATION]);
    expect(el.querySelector('[data-testid="invitation-row"]')?.textContent).toContain('dominique@asso-exemple.fr');

    const email = byTestId<HTMLInputElement>('invite-email');
    if (!email) throw new Error('no invite form');
    email.value = 'alex@asso-exemple.fr';
    email.dispatchEvent(new Event('input'));
    byTestId('invite-role')?.click();
    await fixture.whenStable();
    document.querySelector<HTMLElement>('[data-testid="invite-role-signatory"]')?.click();
    await fixture.whenStable();
    byTestId('invite-submit')?.click();
    const invite = http.expectOne((r) => r.method === 'POST' && r.url === '/api/organisations/org-1/invitations');
    expect(invite.request.body).toEqual({ email: 'alex@asso-exemple.fr', role: 'signatory' });
    invite.flush({ ...INVITATION, id: 'inv-2', email: 'alex@asso-exemple.fr' }, { status: 201, statusText: 'Created' });
    await settle();
    fixture.detectChanges();
    expect(byTestId('invite-feedback')?.textContent?.trim()).toBe('Invitation envoyée à alex@asso-exemple.fr.');
    expect(email.value).toBe('');
    // The list of pending invitations reloads with the new one.
    http
      .expectOne('/api/organisations/org-1/invitations')
      .flush([INVITATION, { ...INVITATION, id: 'inv-2', email: 'alex@asso-exemple.fr' }]);
    await stable();
    expect(el.querySelectorAll('[data-testid="invitation-row"]')).toHaveLength(2);

    byTestId('revoke-invitation')?.click();
    http
      .expectOne((r) => r.method === 'DELETE' && r.url === '/api/organisations/org-1/invitations/inv-1')
      .flush(null, {
        status: 204,
        statusText: 'No Content',
      });
    await stable();
    expect(el.querySelectorAll('[data-testid="invitation-row"]')).toHaveLength(1);
  });

  it('says under the e-mail field when the person is already a member', async () => {
    const { byTestId, stable, el } = await render(ORG, [CAMILLE, SACHA], []);
    const email = byTestId<HTMLInputElement>('invite-email');
    if (!email) throw new Error('no invite form');
    email.value = 'sacha@asso-exemple.fr';
    email.dispatchEvent(new Event('input'));
    byTestId('invite-submit')?.click();
    http
      .expectOne((r) => r.method === 'POST' && r.url === '/api/organisations/org-1/invitations')
      .flush({ statusCode: 409, code: 'organisation.already_member' }, { status: 409, statusText: 'Conflict' });
    await stable();

    expect([...el.querySelectorAll('mat-error')].map((e) => e.textContent?.trim())).toEqual([
      "Cette personne est déjà membre de l'organisation.",
    ]);
  });

  it('explains a pending application and keeps invitations for later', async () => {
    const { byTestId, rows, el } = await render({ ...ORG, status: 'pending' }, [CAMILLE]);

    expect(byTestId('organisation-status')?.textContent?.trim()).toBe('En attente de validation');
    expect(byTestId('pending-notice')?.textContent).toContain("en cours d'examen");
    expect(byTestId('invite-not-approved')).not.toBeNull();
    expect(byTestId('invite-email')).toBeNull();
    expect(byTestId('member-role', rows()[0])).toBeNull();
    expect(el.querySelectorAll('h1')).toHaveLength(1);
  });

  it('shows a plain member the list, read-only, and lets them leave', async () => {
    const { byTestId, rows } = await render(ORG, [
      { ...SACHA, role: 'admin' },
      { ...CAMILLE, role: 'member' },
    ]);

    expect(byTestId('member-role')).toBeNull();
    expect(byTestId('remove-member')).toBeNull();
    expect(byTestId('invite-email')).toBeNull();
    expect(rows()[0].textContent).toContain('Administrateur');
    expect(byTestId<HTMLButtonElement>('leave-organisation', rows()[1])?.disabled).toBe(false);
  });

  it('shows the reason of a rejection', async () => {
    const { byTestId } = await render({ ...ORG, status: 'rejected', rejectionReason: 'RNA inconnu.' }, [CAMILLE]);

    expect(byTestId('rejected-notice')?.textContent?.trim()).toBe('La demande a été refusée. Motif : RNA inconnu.');
  });
});
