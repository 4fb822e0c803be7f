import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { DeferBlockBehavior, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { browserLanguage } from '@alliances/web/core/testing';
import type { PlatformFigures } from '@alliances/shared/contracts';
import { adminTranslocoTesting } from '../../testing/admin-testing';
import { figureHeightPx, figureOptions, figureSummary } from './figure-options';
import { OverviewPage } from './overview-page';

const FIGURES: PlatformFigures = {
  organisationsByProfile: [
    { profile: 'association', count: 12 },
    { profile: 'company', count: 5 },
  ],
  organisationsByStatus: [
    { status: 'approved', count: 15 },
    { status: 'pending', count: 2 },
  ],
  alliancesByCategory: [{ category: 'societal_innovation', count: 3 }],
  alliancesByStatus: [
    { status: 'active', count: 2 },
    { status: 'draft', count: 1 },
  ],
  activeUsersThisMonth: 9,
  users: 30,
};

describe('figure options', () => {
  it('draws bars largest first from the top, with a one-line text alternative', () => {
    const rows = [
      { label: 'Association', value: 12 },
      { label: 'Entreprise', value: 5 },
    ];
    const options = figureOptions('bar', rows) as { yAxis: { data: string[] } };
    expect(options.yAxis.data).toEqual(['Entreprise', 'Association']);
    expect(figureSummary(rows)).toBe('Association : 12, Entreprise : 5');
  });

  it('wraps long labels and gives each bar its band, so seven profiles stay readable', () => {
    const options = figureOptions('bar', [{ label: 'Établissement d’enseignement supérieur ou de recherche', value: 3 }]) as {
      yAxis: { axisLabel: { width: number; overflow: string } };
    };
    expect(options.yAxis.axisLabel).toMatchObject({ width: 150, overflow: 'break' });
    expect(figureHeightPx('bar', 7)).toBeGreaterThan(figureHeightPx('bar', 2));
    expect(figureHeightPx('bar', 7) / 7).toBeGreaterThanOrEqual(40);
  });

  it('draws a donut for shares', () => {
    const options = figureOptions('donut', [{ label: 'Actives', value: 9 }]) as { series: { type: string; data: unknown[] }[] };
    expect(options.series[0]).toMatchObject({ type: 'pie', data: [{ name: 'Actives', value: 9 }] });
  });
});

describe('OverviewPage', () => {
  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [adminTranslocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
      deferBlockBehavior: DeferBlockBehavior.Manual,
    });
  });

  it('shows the figures as tiles and, beside each chart, as a table with translated labels', async () => {
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(OverviewPage);
    fixture.detectChanges();
    http.expectOne('/api/admin/figures').flush(FIGURES);
    await fixture.whenStable();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const text = (id: string) => el.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
    /** A table's body and total, cell by cell. */
    const cells = (id: string) =>
      [...el.querySelectorAll(`[data-testid="${id}"] tbody :is(th, td), [data-testid="${id}"] tfoot :is(th, td)`)]
        .map((c) => c.textContent?.trim())
        .join(' ');
    expect(text('tile-users')).toBe('30');
    expect(text('tile-active')).toBe('9');
    expect(text('tile-pending')).toBe('2');
    expect(el.querySelector('[data-testid="review-pending"]')?.getAttribute('href')).toBe('/admin/organisations');
    expect(cells('figure-profiles-table')).toContain('Association 12 Entreprise 5 Total 17');
    expect(cells('figure-categories-table')).toContain('Innovation sociétale 3');
    expect(cells('figure-statuses-table')).toContain('Active 2 Brouillon 1');
    expect(cells('figure-activity-table')).toContain('Connectées ce mois-ci 9 Pas encore connectées ce mois-ci 21 Total 30');
    http.verify();
  });
});
