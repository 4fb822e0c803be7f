import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { browserLanguage } from '@alliances/web/core/testing';
import { settle } from '@alliances/web/identity/data-access/testing';
import { aCaseStudy } from '../../testing/fixtures';
import { libraryTranslocoTesting } from '../../testing/library-testing';
import { resultProgress } from '../shared/results-table';
import { CaseStudyPage } from './case-study-page';

describe('resultProgress', () => {
  it('measures the way covered from baseline to target, also when the target is lower', () => {
    expect(resultProgress({ baseline: 0, target: 400, latest: 240 })).toBe(0.6);
    expect(resultProgress({ baseline: 50, target: 10, latest: 40 })).toBe(0.25);
    expect(resultProgress({ baseline: 0, target: 400, latest: null })).toBeNull();
    expect(resultProgress({ baseline: 5, target: 5, latest: 5 })).toBeNull();
  });
});

describe('CaseStudyPage', () => {
  it('shows a published card: its facts with named territories, its partners and its results', async () => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [libraryTranslocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(CaseStudyPage);
    fixture.componentRef.setInput('id', 'cs-1');
    fixture.detectChanges();
    http.expectOne('/api/case-studies/cs-1').flush(aCaseStudy({ status: 'published', publishedAt: '2026-03-03T10:00:00.000Z' }));
    await settle();
    fixture.detectChanges();
    http.expectOne('/api/territories?q=69123').flush([{ code: '69123', name: 'Lyon', kind: 'commune' }]);
    await settle();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="case-study-title"]')?.textContent).toContain('Des transports solidaires pour les aidants');
    expect(el.querySelector('[data-testid="facts-territories"]')?.textContent?.trim()).toBe('Lyon (69123)');
    expect(el.querySelector('[data-testid="facts-profiles"]')?.textContent).toContain('Collectivité territoriale');
    expect(el.textContent).toContain('Entreprise locale');
    const cells = [...el.querySelectorAll('[data-testid="result-row"] :is(th, td)')].map((c) => c.textContent?.replace(/\s/g, ' ').trim());
    expect(cells).toEqual(['Trajets partagés', '0 trajets', '240 trajets', '400 trajets', '60 %']);
    http.verify();
  });
});
