import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ANIMATION_MODULE_TYPE } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import { aMe, settle, signInAs } from '@alliances/web/identity/data-access/testing';
import type { Organisation, Proposal } from '@alliances/shared/contracts';
import { ProposalsPage } from './proposals-page';

const ORG = { id: 'org-asso', name: 'Les Jardins Partagés', status: 'approved' } as Organisation;

function aProposal(overrides: Partial<Proposal> = {}): Proposal {
  return {
    id: 'p1',
    status: 'pending',
    from: { organisationId: 'org-company', name: 'Transports Rhône', profile: 'company', accepted: true },
    to: { organisationId: 'org-asso', name: 'Les Jardins Partagés', profile: 'association', accepted: false },
    message: 'Faisons pousser des jardins sur nos parkings.',
    category: 'responsible_practices',
    allianceId: null,
    introducedBy: null,
    declineReason: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    decidedAt: null,
    ...overrides,
  };
}

jest.setTimeout(30000);

describe('ProposalsPage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoTesting({ merge: ['alliances'] })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: ANIMATION_MODULE_TYPE, useValue: 'NoopAnimations' },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(
      aMe({}, [{ organisationId: 'org-asso', organisationName: 'Les Jardins Partagés', organisationStatus: 'approved', role: 'admin' }]),
    );
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => e.remove());
    jest.restoreAllMocks();
  });

  async function render(received: Proposal[], nextCursor: string | null = null) {
    const fixture = TestBed.createComponent(ProposalsPage);
    fixture.componentRef.setInput('id', 'org-asso');
    fixture.detectChanges();
    http.expectOne('/api/organisations/org-asso').flush(ORG);
    http.expectOne('/api/proposals?organisationId=org-asso&box=received').flush({ items: received, nextCursor });
    http.expectOne('/api/organisations/org-asso/blocks').flush([]);
    await settle();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const byTestId = <T extends HTMLElement>(id: string, root: ParentNode = el) => root.querySelector<T>(`[data-testid="${id}"]`);
    const cards = () => [...el.querySelectorAll<HTMLElement>('[data-testid="proposal-card"]')];
    const stable = async () => {
      await settle();
      fixture.detectChanges();
      await fixture.whenStable();
    };
    /** Without waiting for stability: a resource still loading keeps the fixture unstable. */
    const step = async () => {
      await settle();
      fixture.detectChanges();
    };
    const dialog = () => document.querySelector<HTMLElement>('mat-dialog-container');
    return { fixture, el, byTestId, cards, stable, step, dialog };
  }

  it('shows who proposes what, the suggested category and the catalyst who introduced them', async () => {
    const { cards, byTestId } = await render([
      aProposal(),
      aProposal({ id: 'p2', introducedBy: { organisationId: 'org-cat', name: 'Réseau Lyon Solidaire' } }),
    ]);

    expect(cards()).toHaveLength(2);
    expect(cards()[0].querySelector('h2')?.textContent?.trim()).toBe('De Transports Rhône');
    expect(byTestId('proposal-message', cards()[0])?.textContent).toContain('Faisons pousser des jardins');
    expect(byTestId('proposal-category', cards()[0])?.textContent?.trim()).toBe('Pratiques responsables');
    expect(byTestId('proposal-status', cards()[0])?.textContent?.trim()).toBe('En attente');
    expect(byTestId('proposal-introduced-by', cards()[1])?.textContent?.trim()).toBe('Réseau Lyon Solidaire');
  });

  it('accepts after confirmation and lands in the new alliance’s wizard', async () => {
    const { byTestId, stable, dialog } = await render([aProposal()]);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);

    byTestId('proposal-accept')?.click();
    await stable();
    expect(dialog()?.querySelector('h2')?.textContent?.trim()).toBe('Faire alliance avec Transports Rhône ?');
    dialog()?.querySelector<HTMLElement>('[data-testid="confirm-accept"]')?.click();
    await stable();
    const accept = http.expectOne((r) => r.method === 'POST' && r.url === '/api/proposals/p1/accept');
    accept.flush({ allianceId: 'a-new' });
    await stable();

    expect(navigate).toHaveBeenCalledWith(['/alliances', 'a-new', 'setup']);
  });

  it('declines with an optional reason, and the card says so', async () => {
    const { byTestId, cards, stable, dialog } = await render([aProposal()]);

    byTestId('proposal-decline')?.click();
    await stable();
    const reason = dialog()?.querySelector<HTMLTextAreaElement>('[data-testid="decline-reason"]');
    if (!reason) throw new Error('no decline dialog');
    reason.value = '  Pas cette année.  ';
    reason.dispatchEvent(new Event('input'));
    dialog()?.querySelector<HTMLElement>('[data-testid="decline-confirm"]')?.click();
    await stable();
    const decline = http.expectOne((r) => r.method === 'POST' && r.url === '/api/proposals/p1/decline');
    expect(decline.request.body).toEqual({ reason: 'Pas cette année.' });
    decline.flush(aProposal({ status: 'declined', declineReason: 'Pas cette année.', decidedAt: '2026-11-21T10:00:00.000Z' }));
    await stable();

    expect(byTestId('proposal-status', cards()[0])?.textContent?.trim()).toBe('Refusée');
    expect(byTestId('proposal-decline-reason', cards()[0])?.textContent?.trim()).toBe('Pas cette année.');
    expect(byTestId('proposal-accept')).toBeNull();
    expect(byTestId('proposals-feedback')?.textContent?.trim()).toBe('Proposition de Transports Rhône refusée.');
  });

  it('blocks the sender after confirmation, and unblocks it from the list', async () => {
    const { byTestId, el, stable, dialog } = await render([aProposal()]);

    byTestId('proposal-block')?.click();
    await stable();
    dialog()?.querySelector<HTMLElement>('[data-testid="confirm-accept"]')?.click();
    await stable();
    const block = http.expectOne((r) => r.method === 'POST' && r.url === '/api/organisations/org-asso/blocks');
    expect(block.request.body).toEqual({ organisationId: 'org-company' });
    block.flush([{ organisationId: 'org-company', name: 'Transports Rhône', createdAt: '2026-11-21T10:00:00.000Z' }]);
    await stable();
    expect(el.querySelectorAll('[data-testid="blocked-row"]')).toHaveLength(1);
    expect(byTestId('proposal-block')).toBeNull();

    byTestId('unblock')?.click();
    http.expectOne((r) => r.method === 'DELETE' && r.url === '/api/organisations/org-asso/blocks/org-company').flush(null);
    await stable();
    expect(el.querySelectorAll('[data-testid="blocked-row"]')).toHaveLength(0);
    expect(byTestId('proposals-feedback')?.textContent?.trim()).toBe('Transports Rhône peut de nouveau vous écrire.');
  });

  it('withdraws a sent proposal', async () => {
    const { fixture, byTestId, cards, stable, step, dialog } = await render([]);
    expect(byTestId('proposals-empty')?.textContent?.trim()).toBe("Aucune proposition reçue pour l'instant.");

    (fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>('[role="tab"]')[1].click();
    await step();
    const sent = aProposal({
      from: { organisationId: 'org-asso', name: 'Les Jardins Partagés', profile: 'association', accepted: true },
      to: { organisationId: 'org-company', name: 'Transports Rhône', profile: 'company', accepted: false },
    });
    http.expectOne('/api/proposals?organisationId=org-asso&box=sent').flush({ items: [sent], nextCursor: null });
    await stable();
    expect(cards()[0].querySelector('h2')?.textContent?.trim()).toBe('À Transports Rhône');
    expect(byTestId('proposal-accept')).toBeNull();

    byTestId('proposal-withdraw')?.click();
    await stable();
    dialog()?.querySelector<HTMLElement>('[data-testid="confirm-accept"]')?.click();
    await stable();
    http.expectOne((r) => r.method === 'POST' && r.url === '/api/proposals/p1/withdraw').flush({ ...sent, status: 'withdrawn' });
    await stable();
    expect(byTestId('proposal-status', cards()[0])?.textContent?.trim()).toBe('Retirée');
  });

  it('shows older proposals on "Voir plus"', async () => {
    const { byTestId, cards, stable } = await render([aProposal()], 'cursor-1');

    byTestId('proposals-more')?.click();
    http
      .expectOne('/api/proposals?organisationId=org-asso&box=received&cursor=cursor-1')
      .flush({ items: [aProposal({ id: 'p0', message: 'Une plus ancienne.' })], nextCursor: null });
    await stable();

    expect(cards()).toHaveLength(2);
    expect(byTestId('proposals-more')).toBeNull();
  });
});
