import { HttpTestingController } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { aMe, settle, signInAs } from '@alliances/web/identity/data-access/testing';
import type { AllianceSummary, MembershipSummary } from '@alliances/shared/contracts';
import { aCard } from '../../testing/fixtures';
import { configureDirectoryPage } from '../../testing/directory-testing';
import { DirectoryCardPage } from './directory-card-page';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const admin = (organisationId: string, organisationName: string): MembershipSummary => ({
  organisationId,
  organisationName,
  organisationStatus: 'approved',
  role: 'admin',
});
const LED: AllianceSummary = {
  id: 'alliance-emploi',
  name: 'Emploi en Val de Saône',
  purpose: 'Ramener vers l’emploi.',
  category: 'economic_cooperation',
  status: 'active',
  collectiveObjectives: ['territory'],
  domains: ['employment'],
  scale: 'local',
  myRoles: [{ organisationId: 'org-garage', role: 'lead', status: 'accepted' }],
  updatedAt: '2026-11-01T10:00:00.000Z',
} as AllianceSummary;

describe('DirectoryCardPage and the proposal dialog', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    http = configureDirectoryPage('annuaire/:id', DirectoryCardPage);
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => e.remove());
  });

  async function open(memberships: MembershipSummary[]) {
    await signInAs(aMe({}, memberships));
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/annuaire/org-epicerie');
    http.expectOne('/api/directory/org-epicerie').flush(aCard());
    await settle();
    harness.detectChanges();
    await harness.fixture.whenStable();
    const el = harness.routeNativeElement as HTMLElement;
    const one = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    return { harness, el, one };
  }

  async function openDialog(harness: RouterTestingHarness, one: (id: string) => HTMLElement | null) {
    one('propose-open')?.click();
    await settle();
    http.expectOne('/api/alliances').flush({ items: [LED], nextCursor: null });
    await settle();
    harness.detectChanges();
    await harness.fixture.whenStable();
  }

  async function choose(harness: RouterTestingHarness, select: string, option: string) {
    document.querySelector<HTMLElement>(`[data-testid="${select}"]`)?.click();
    harness.detectChanges();
    await harness.fixture.whenStable();
    const match = [...document.querySelectorAll<HTMLElement>('mat-option')].find((o) => text(o) === option);
    if (!match) throw new Error(`No option "${option}"`);
    match.click();
    harness.detectChanges();
    await harness.fixture.whenStable();
  }

  function type(field: HTMLElement | null, value: string) {
    const input = field as HTMLTextAreaElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('shows the public card and, without an organisation to administer, no proposal button', async () => {
    const { el, one } = await open([]);
    expect(text(one('directory-card-name'))).toBe('Épicerie solidaire de Villeurbanne');
    expect(text(el)).toContain('Une épicerie où chacun paie selon ses moyens.');
    expect(text(one('directory-card-open'))).toBe('Oui');
    expect(one('propose-open')).toBeNull();
    expect(text(one('propose-unavailable'))).toContain('il faut administrer une organisation validée');
  });

  it('posts the proposal with the chosen organisation, message, category and alliance, then says it is sent', async () => {
    const { harness, one } = await open([admin('org-jardins', 'Les Jardins Partagés'), admin('org-garage', 'Garage solidaire')]);
    await openDialog(harness, one);
    expect(text(document.querySelector('h2[mat-dialog-title]'))).toBe('Proposer une alliance à Épicerie solidaire de Villeurbanne');
    // The alliance choice appears for the organisation that leads one.
    expect(one('propose-alliance')).toBeNull();
    await choose(harness, 'propose-from', 'Garage solidaire');
    await choose(harness, 'propose-category', 'Coopération économique');
    await choose(harness, 'propose-alliance', 'Emploi en Val de Saône');
    type(one('propose-message'), '  Montons ensemble une filière de réemploi.  ');
    one('propose-send')?.click();
    await settle();
    const post = http.expectOne('/api/proposals');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({
      fromOrganisationId: 'org-garage',
      toOrganisationId: 'org-epicerie',
      message: 'Montons ensemble une filière de réemploi.',
      category: 'economic_cooperation',
      allianceId: 'alliance-emploi',
    });
    post.flush({ id: 'proposal-1', status: 'pending' }, { status: 201, statusText: 'Created' });
    await settle();
    harness.detectChanges();
    await harness.fixture.whenStable();
    expect(text(one('proposal-sent'))).toBe(
      'Proposition envoyée : les administrateurs de Épicerie solidaire de Villeurbanne sont prévenus.',
    );
  });

  it('requires a message, sends only what was chosen and says why the API refused', async () => {
    const { harness, one } = await open([admin('org-jardins', 'Les Jardins Partagés')]);
    await openDialog(harness, one);
    one('propose-send')?.click();
    harness.detectChanges();
    await harness.fixture.whenStable();
    expect(text(document.querySelector('mat-dialog-container'))).toContain('Écrivez un message.');
    http.expectNone('/api/proposals');
    type(one('propose-message'), 'Bonjour !');
    one('propose-send')?.click();
    await settle();
    const post = http.expectOne('/api/proposals');
    expect(post.request.body).toEqual({ fromOrganisationId: 'org-jardins', toOrganisationId: 'org-epicerie', message: 'Bonjour !' });
    post.flush(
      { statusCode: 429, error: 'Too Many Requests', code: 'proposal.rate_limited', message: 'limit' },
      { status: 429, statusText: 'Too Many Requests' },
    );
    await settle();
    harness.detectChanges();
    await harness.fixture.whenStable();
    // The dialog stays open and tells why.
    expect(text(one('propose-error'))).toBe(
      "Votre organisation a envoyé le nombre maximal de propositions pour aujourd'hui. Réessayez demain.",
    );
    expect(one('proposal-sent')).toBeNull();
  });
});
