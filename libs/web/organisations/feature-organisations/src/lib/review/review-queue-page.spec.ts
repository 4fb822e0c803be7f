import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ANIMATION_MODULE_TYPE } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import type { ReviewQueueEntry } from '@alliances/shared/contracts';
import { settle } from '@alliances/web/identity/data-access/testing';
import { ReviewQueuePage } from './review-queue-page';

const entry = (overrides: Partial<ReviewQueueEntry>): ReviewQueueEntry => ({
  id: 'org-1',
  name: 'Les Jardins Partagés',
  profile: 'association',
  siren: null,
  siret: null,
  rna: 'W691234567',
  territoryCode: '69123',
  territoryName: 'Lyon (69)',
  description: null,
  socioEconomicProfile: null,
  status: 'pending',
  rejectionReason: null,
  createdAt: '2026-03-02T10:00:00.000Z',
  reviewedAt: null,
  applicant: { displayName: 'Camille Martin', email: 'camille@asso-exemple.fr' },
  ...overrides,
});

describe('ReviewQueuePage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: ANIMATION_MODULE_TYPE, useValue: 'NoopAnimations' }],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => e.remove());
    jest.restoreAllMocks();
  });

  async function render(queue: ReviewQueueEntry[], nextCursor: string | null = null) {
    const fixture = TestBed.createComponent(ReviewQueuePage);
    fixture.detectChanges();
    const request = http.expectOne((r) => r.url === '/api/admin/organisations');
    expect(request.request.params.get('status')).toBe('pending');
    expect(request.request.params.has('cursor')).toBe(false);
    request.flush({ items: queue, nextCursor });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const row = (name: string) => el.querySelector<HTMLElement>(`[data-testid="review-row"][data-organisation="${name}"]`);
    const stable = async () => {
      await settle();
      await fixture.whenStable();
    };
    return { fixture, el, row, stable };
  }

  const QUEUE = [
    entry({}),
    entry({
      id: 'org-2',
      name: 'Boulangerie Dupain',
      profile: 'company',
      rna: null,
      siren: '552100554',
      siret: '55210055400013',
      territoryCode: null,
      territoryName: null,
      applicant: { displayName: 'Dominique Dupain', email: 'dominique@dupain.fr' },
    }),
  ];

  it('shows what a reviewer needs to decide, identifiers checked', async () => {
    const { el, row } = await render(QUEUE);

    expect(el.querySelector('h1')?.textContent?.trim()).toBe("Demandes d'inscription à examiner");
    expect([...el.querySelectorAll('thead th')].map((th) => th.textContent?.trim())).toEqual([
      'Organisation',
      "Type d'acteur",
      'Identifiants',
      'Territoire',
      'Demandeur',
      'Reçue le',
      'Décision',
    ]);
    const jardins = row('Les Jardins Partagés')?.textContent?.replace(/\s+/g, ' ');
    expect(jardins).toContain('Association');
    expect(jardins).toContain('Numéro RNA W691234567 ✓ vérifié');
    expect(jardins).toContain('Lyon (69) (69123)');
    expect(jardins).toContain('Camille Martin camille@asso-exemple.fr');
    expect(jardins).toContain('2 mars 2026');
    expect(row('Boulangerie Dupain')?.querySelectorAll('[data-testid="identifier-checked"]')).toHaveLength(2);
    expect(row('Boulangerie Dupain')?.querySelector('[data-testid="approve"]')?.textContent?.trim()).toBe('Valider Boulangerie Dupain');
  });

  it('approves an application and takes it off the queue', async () => {
    const { el, row, stable } = await render(QUEUE);

    row('Boulangerie Dupain')?.querySelector<HTMLElement>('[data-testid="approve"]')?.click();
    http.expectOne((r) => r.method === 'POST' && r.url === '/api/admin/organisations/org-2/approve').flush({});
    await stable();

    expect(row('Boulangerie Dupain')).toBeNull();
    expect(el.querySelector('[data-testid="review-feedback"]')?.textContent?.trim()).toBe(
      '« Boulangerie Dupain » est validée. Son administrateur en est informé par e-mail.',
    );
  });

  it('rejects an application only with a reason', async () => {
    const { el, row, stable } = await render(QUEUE);

    row('Les Jardins Partagés')?.querySelector<HTMLElement>('[data-testid="reject"]')?.click();
    await stable();
    const dialog = document.querySelector<HTMLElement>('mat-dialog-container');
    if (!dialog) throw new Error('no dialog');
    expect(dialog.querySelector('h2')?.textContent?.trim()).toBe('Refuser « Les Jardins Partagés »');
    dialog.querySelector<HTMLElement>('[data-testid="reject-confirm"]')?.click();
    await stable();
    expect([...dialog.querySelectorAll('mat-error')].map((e) => e.textContent?.trim())).toEqual(['Indiquez le motif du refus.']);
    http.expectNone((r) => r.url.endsWith('/reject'));

    const reason = dialog.querySelector<HTMLTextAreaElement>('[data-testid="reject-reason"]');
    if (!reason) throw new Error('no reason field');
    reason.value = '  Numéro RNA introuvable au répertoire.  ';
    reason.dispatchEvent(new Event('input'));
    dialog.querySelector<HTMLElement>('[data-testid="reject-confirm"]')?.click();
    await stable();
    const reject = http.expectOne((r) => r.method === 'POST' && r.url === '/api/admin/organisations/org-1/reject');
    expect(reject.request.body).toEqual({ reason: 'Numéro RNA introuvable au répertoire.' });
    reject.flush({});
    await stable();

    expect(row('Les Jardins Partagés')).toBeNull();
    expect(el.querySelector('[data-testid="review-feedback"]')?.textContent?.trim()).toBe(
      '« Les Jardins Partagés » est refusée. Le motif a été envoyé au demandeur.',
    );
  });

  it('shows more applications, page after page, until the last', async () => {
    const { el, row, stable } = await render(QUEUE, 'cursor-after-org-2');
    const more = () => el.querySelector<HTMLButtonElement>('[data-testid="review-more"]');
    expect(more()?.textContent?.trim()).toBe('Afficher plus de demandes');

    // A decision on the first page does not lose the place in the queue.
    row('Boulangerie Dupain')?.querySelector<HTMLElement>('[data-testid="approve"]')?.click();
    http.expectOne((r) => r.method === 'POST' && r.url === '/api/admin/organisations/org-2/approve').flush({});
    await stable();

    more()?.click();
    const next = http.expectOne((r) => r.url === '/api/admin/organisations');
    expect(next.request.params.get('status')).toBe('pending');
    expect(next.request.params.get('cursor')).toBe('cursor-after-org-2');
    next.flush({ items: [entry({ id: 'org-3', name: 'Atelier Vélo' })], nextCursor: null });
    await stable();

    expect([...el.querySelectorAll('[data-testid="review-row"]')].map((r) => r.getAttribute('data-organisation'))).toEqual([
      'Les Jardins Partagés',
      'Atelier Vélo',
    ]);
    expect(more()).toBeNull();
  });

  it('says when there is nothing left to review', async () => {
    const { el } = await render([]);

    expect(el.querySelector('[data-testid="review-empty"]')?.textContent?.trim()).toBe('Aucune demande en attente. Tout est à jour.');
  });
});
