import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { browserLanguage } from '@alliances/web/core/testing';
import { settle } from '@alliances/web/identity/data-access/testing';
import type { ReviewQueueEntry } from '@alliances/shared/contracts';
import { adminTranslocoTesting } from '../../testing/admin-testing';
import { OrganisationsPage } from './organisations-page';

const organisation = (overrides: Partial<ReviewQueueEntry>): ReviewQueueEntry => ({
  id: 'o1',
  name: 'Collectivité de Lyon',
  profile: 'local_authority',
  siren: null,
  siret: null,
  rna: null,
  territoryCode: '69123',
  territoryName: 'Lyon',
  description: null,
  socioEconomicProfile: null,
  status: 'approved',
  rejectionReason: null,
  createdAt: '2026-01-10T09:00:00.000Z',
  reviewedAt: null,
  applicant: { displayName: 'Chloé Pilote', email: 'chloe@mairie-lyon.fr' },
  ...overrides,
});

describe('OrganisationsPage', () => {
  it('lists every organisation whatever its status, searchable without accents, and points to the review queue', async () => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [adminTranslocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(OrganisationsPage);
    fixture.detectChanges();
    http.expectOne('/api/admin/organisations?status=pending&limit=200').flush({
      items: [
        organisation({
          id: 'o2',
          name: 'Entraide Saône',
          profile: 'association',
          rna: 'W691234567',
          status: 'pending',
          createdAt: '2026-03-01T09:00:00.000Z',
        }),
      ],
      nextCursor: null,
    });
    // Approved ones span two pages: the page reads on to the last.
    http
      .expectOne('/api/admin/organisations?status=approved&limit=200')
      .flush({ items: [organisation({ siren: '552100554' })], nextCursor: 'page-2' });
    http.expectOne('/api/admin/organisations?status=rejected&limit=200').flush({
      items: [
        organisation({
          id: 'o3',
          name: 'Société X',
          profile: 'company',
          status: 'rejected',
          rejectionReason: 'SIREN inconnu',
          createdAt: '2025-12-01T09:00:00.000Z',
        }),
      ],
      nextCursor: null,
    });
    await settle();
    http.expectOne('/api/admin/organisations?status=approved&cursor=page-2&limit=200').flush({
      items: [organisation({ id: 'o4', name: 'Fondation Rhône', profile: 'foundation', createdAt: '2026-02-01T09:00:00.000Z' })],
      nextCursor: null,
    });
    await settle();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const names = () => [...el.querySelectorAll('[data-testid="organisation-row"]')].map((r) => r.getAttribute('data-organisation'));
    expect(names()).toEqual(['Entraide Saône', 'Fondation Rhône', 'Collectivité de Lyon', 'Société X']);
    expect(el.querySelector('[data-testid="organisations-pending"]')?.textContent).toContain('en attente de décision : 1');
    expect(el.textContent).toContain('SIREN inconnu');

    const search = el.querySelector<HTMLInputElement>('[data-testid="organisations-search"]')!;
    search.value = 'collectivite chloe';
    search.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    expect(names()).toEqual(['Collectivité de Lyon']);
    expect(el.querySelector('[data-testid="organisation-row"]')?.textContent).toContain('✓');

    search.value = 'introuvable';
    search.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="organisations-empty"]')).not.toBeNull();
    http.verify();
  });
});
