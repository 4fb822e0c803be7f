import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Meta, Title } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { browserLanguage } from '@alliances/web/core/testing';
import { settle } from '@alliances/web/identity/data-access/testing';
import type { PublicCaseStudy } from '@alliances/shared/contracts';
import { libraryTranslocoTesting } from '../../testing/library-testing';
import { PublicCaseStudyPage } from './public-case-study-page';

const CARD: PublicCaseStudy = {
  slug: 'cafe-des-aidants-lyon',
  title: 'Café des aidants, Lyon',
  summary: 'Un café chaque semaine pour les aidants familiaux, tenu par la ville et une entreprise.',
  category: 'societal_innovation',
  collectiveObjectives: ['territory'],
  domains: ['carers'],
  scale: 'local',
  territories: [{ code: '69123', name: 'Lyon' }],
  partnerProfiles: ['company', 'local_authority'],
  results: [{ name: 'Aidants accueillis', unit: 'personnes', baseline: 0, target: 100, latest: 40 }],
  sdgs: ['3', '17.17'],
  publishedAt: '2026-11-20T10:00:00.000Z',
  alliancePageSlug: 'alliance-des-aidants',
};

describe('PublicCaseStudyPage', () => {
  it('reads a published card by its slug, without sign-in, with its SDGs, and keeps the head in step', async () => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [libraryTranslocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PublicCaseStudyPage);
    fixture.componentRef.setInput('slug', CARD.slug);
    fixture.detectChanges();
    http.expectOne('/api/public/case-studies/cafe-des-aidants-lyon').flush(CARD);
    await settle();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="case-study-title"]')?.textContent).toContain('Café des aidants, Lyon');
    expect(el.querySelector('[data-testid="facts-territories"]')?.textContent?.trim()).toBe('Lyon (69123)');
    const chips = el.querySelector('[data-testid="sdg-chips"]')?.textContent?.replace(/\s+/g, ' ');
    expect(chips).toContain('ODD 3 — Bonne santé et bien-être');
    expect(chips).toContain('ODD 17.17 — Encourager et promouvoir les partenariats');
    expect(el.querySelector('[data-testid="alliance-page-link"]')?.getAttribute('href')).toBe('/public/alliances/alliance-des-aidants');
    expect(TestBed.inject(Title).getTitle()).toBe('Café des aidants, Lyon · Bibliothèque des alliances');
    expect(TestBed.inject(Meta).getTag('property="og:type"')?.content).toBe('article');
    expect(TestBed.inject(Meta).getTag('property="og:url"')?.content).toMatch(/\/public\/library\/cafe-des-aidants-lyon$/);
    http.verify();
  });
});
