import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ANIMATION_MODULE_TYPE, ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideEchartsCore } from 'ngx-echarts';
import { browserLanguage } from '@alliances/web/core/testing';
import { aMe, settle, signInAs } from '@alliances/web/identity/data-access/testing';
import { PORTFOLIO } from '../../testing/fixtures';
import { fundingTranslocoTesting } from '../../testing/funding-testing';
import { PortfolioPage } from './portfolio-page';

@Component({ selector: 'all-blank', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Blank {}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const ORGANISATION = { id: 'org-fund', name: 'Fondation Solidaire', status: 'approved', profile: 'foundation' };

describe('PortfolioPage', () => {
  let http: HttpTestingController;

  beforeAll(() => {
    // jsdom has no ResizeObserver; ngx-echarts watches the chart's size with one.
    globalThis.ResizeObserver ??= class {
      observe = jest.fn();
      unobserve = jest.fn();
      disconnect = jest.fn();
    };
  });

  beforeEach(async () => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [fundingTranslocoTesting()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter(
          [
            { path: 'organisations/:id/portfolio', component: PortfolioPage },
            { path: '**', component: Blank },
          ],
          withComponentInputBinding(),
        ),
        // The chart's figures are checked in its table; ECharts itself needs a canvas jsdom lacks.
        provideEchartsCore({ echarts: () => new Promise(() => undefined) }),
        { provide: ANIMATION_MODULE_TYPE, useValue: 'NoopAnimations' },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(
      aMe({}, [{ organisationId: 'org-fund', organisationName: 'Fondation Solidaire', organisationStatus: 'approved', role: 'admin' }]),
    );
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => e.remove());
  });

  async function open(url = '/organisations/org-fund/portfolio') {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    http.expectOne('/api/organisations/org-fund').flush(ORGANISATION);
    const req = http.expectOne((r) => r.url === '/api/organisations/org-fund/portfolio');
    req.flush(PORTFOLIO);
    await settle();
    harness.detectChanges();
    await harness.fixture.whenStable();
    const el = harness.routeNativeElement as HTMLElement;
    const one = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    const all = (id: string) => [...el.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
    return { harness, el, one, all, req };
  }

  it('lists every funded alliance, the overdue report first and visibly marked', async () => {
    const { el, one, all } = await open();
    expect(text(el.querySelector('h1'))).toBe('Portefeuille de financements — Fondation Solidaire');
    const rows = all('portfolio-row');
    expect(rows.map((r) => text(r.querySelector('[data-testid="portfolio-alliance"]')))).toEqual([
      'Mobilité solidaire',
      'Aidants du Rhône',
    ]);
    expect(rows[0].classList).toContain('overdue');
    expect(text(rows[0].querySelector('[data-testid="portfolio-overdue"]'))).toBe('En retard');
    expect(rows[1].querySelector('[data-testid="portfolio-overdue"]')).toBeNull();
    expect(text(rows[1].querySelector('[data-testid="portfolio-committed"]'))).toBe('50 000 €');
    expect(text(rows[1].querySelector('[data-testid="portfolio-paid"]'))).toBe('20 000 € 40 %');
    expect(text(rows[1])).toContain('Atteints : 2');
    expect(text(rows[1])).toContain('En bonne voie : 1');
    const evaluation = rows[1].querySelector('[data-testid="portfolio-evaluation"]');
    expect(text(evaluation?.querySelector('.score'))).toBe('3,8 / 5');
    expect(text(evaluation?.querySelector('.trend'))).toBe('↗ En hausse (+0,4)');
    expect(text(rows[0].querySelector('[data-testid="portfolio-evaluation"]'))).toBe('Pas encore d’évaluation close');
    expect(rows[1].querySelector('a')?.getAttribute('href')).toBe('/alliances/all-1/funding');
    expect(text(one('total-committed'))).toBe('60 000 €');
    expect(text(one('total-paid'))).toBe('20 000 € (33 %)');
    expect(text(one('total-overdue'))).toBe('1');
  });

  it('gives the chart a text alternative with the cumulated figures', async () => {
    const { one, all } = await open();
    expect(one('portfolio-chart')?.getAttribute('role')).toBe('img');
    expect(text(one('portfolio-chart')?.parentElement?.querySelector('#timeline-summary'))).toBe(
      'De janv. 2026 à févr. 2026, 60 000 € engagés et 20 000 € versés au total.',
    );
    const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map(text);
    expect(all('timeline-row').map(cells)).toEqual([
      ['janv. 2026', '50 000 €', '0 €'],
      ['févr. 2026', '60 000 €', '20 000 €'],
    ]);
  });

  it('reads its filters from the address and asks the API for them', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/organisations/org-fund/portfolio?domain=carers&status=active');
    http.expectOne('/api/organisations/org-fund').flush(ORGANISATION);
    const req = http.expectOne((r) => r.url === '/api/organisations/org-fund/portfolio');
    expect(req.request.params.get('domain')).toBe('carers');
    expect(req.request.params.get('status')).toBe('active');
    expect(req.request.params.has('territory')).toBe(false);
    req.flush({ ...PORTFOLIO, entries: [] });
    await settle();
    harness.detectChanges();
    await harness.fixture.whenStable();
    const el = harness.routeNativeElement as HTMLElement;
    expect(text(el.querySelector('[data-testid="portfolio-empty"]'))).toBe('Aucune alliance financée ne correspond à ces filtres.');
    expect(text(el.querySelector('[data-testid="filter-domain"]'))).toBe('Aidants');

    // The next request stays pending until answered: settle rather than wait for stability.
    (el.querySelector('[data-testid="clear-filters"]') as HTMLElement).click();
    await settle();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/organisations/org-fund/portfolio');
    http.expectOne((r) => r.url === '/api/organisations/org-fund/portfolio' && r.params.keys().length === 0).flush(PORTFOLIO);
  });

  it('applies a territory code typed by hand', async () => {
    const { el } = await open();
    const input = el.querySelector<HTMLInputElement>('[data-testid="filter-territory"]') as HTMLInputElement;
    input.value = '69123';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await settle();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/organisations/org-fund/portfolio?territory=69123');
    const req = http.expectOne((r) => r.url === '/api/organisations/org-fund/portfolio');
    expect(req.request.params.get('territory')).toBe('69123');
    req.flush(PORTFOLIO);
  });
});
