import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ANIMATION_MODULE_TYPE } from '@angular/core';
import { DeferBlockBehavior, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import { aMe, settle, signInAs } from '@alliances/web/identity/data-access/testing';
import { EVALUATION_DIMENSIONS, type MembershipSummary, type ObservatoryGroup, type ObservatoryView } from '@alliances/shared/contracts';
import { ObservatoryPage } from './observatory-page';

const FUNDER: MembershipSummary = {
  organisationId: 'org-fondation',
  organisationName: 'Fondation Horizon',
  organisationStatus: 'approved',
  role: 'member',
  funds: true,
};
const CATALYST: MembershipSummary = {
  organisationId: 'org-ville',
  organisationName: 'Ville de Grenoble',
  organisationStatus: 'approved',
  role: 'admin',
};

function group(key: string, alliances: number): ObservatoryGroup {
  return {
    key,
    alliances,
    statuses: { draft: 1, chartering: 0, active: alliances - 1, closed: 0 },
    evaluated: alliances,
    meanByDimension: Object.fromEntries(
      EVALUATION_DIMENSIONS.map((d) => [d, d === 'trust' ? 4.04 : null]),
    ) as ObservatoryGroup['meanByDimension'],
    meanByFocus: { product: 3.5, balance: null, valorisation: null },
    objectives: { total: 4, on_track: 2, at_risk: 1, off_track: 0, achieved: 1 },
  };
}

function view(overrides: Partial<ObservatoryView> = {}): ObservatoryView {
  return {
    scope: 'platform',
    groupBy: 'region',
    filters: {},
    minAlliances: 5,
    total: group('all', 13),
    groups: [group('84', 7), group('32', 6)],
    withheld: 2,
    computedAt: '2026-12-03T18:00:00.000Z',
    ...overrides,
  };
}

jest.setTimeout(30000);

describe('ObservatoryPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoTesting({ merge: ['observatory', 'alliances', 'evaluations'] })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: ANIMATION_MODULE_TYPE, useValue: 'NoopAnimations' },
      ],
      // The charts (ECharts) are deferred; the tables are what a screen reader reads.
      deferBlockBehavior: DeferBlockBehavior.Manual,
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => e.remove());
  });

  async function render(memberships: MembershipSummary[], catalysts: string[]) {
    await signInAs(aMe({}, memberships));
    const fixture = TestBed.createComponent(ObservatoryPage);
    fixture.detectChanges();
    for (const m of memberships)
      http.expectOne(`/api/catalyst?organisationId=${m.organisationId}`).flush({
        organisationId: m.organisationId,
        territories: catalysts.includes(m.organisationId) ? [{ code: 'R84', name: 'Auvergne-Rhône-Alpes', kind: 'region' }] : [],
        grantedAt: null,
      });
    await settle();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const byTestId = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    const step = async () => {
      await settle();
      fixture.detectChanges();
      await fixture.whenStable();
    };
    return { fixture, el, byTestId, step };
  }

  const tableRows = (table: HTMLElement | null) =>
    [...(table?.querySelectorAll('tbody tr') ?? [])].map((r) => [...r.children].map((c) => c.textContent?.replace(/\s+/g, ' ').trim()));

  it('shows the groups by région in a table, the total and how many groups are withheld', async () => {
    const { byTestId, step } = await render([], []);
    http
      .expectOne((r) => r.url === '/api/observatory' && r.params.get('scope') === 'platform' && r.params.get('groupBy') === 'region')
      .flush(view());
    await step();

    expect(tableRows(byTestId('observatory-groups-table'))).toEqual([
      ['Auvergne-Rhône-Alpes', '7', '1', '0', '6', '0', '7', '4'],
      ['Hauts-de-France', '6', '1', '0', '5', '0', '6', '4'],
    ]);
    expect(byTestId('observatory-total')?.textContent).toContain('13 alliances, dont 13 évaluées.');
    expect(byTestId('observatory-withheld')?.textContent?.trim()).toBe(
      '2 groupes masqués (moins de 5 alliances chacun), pour que personne ne puisse reconnaître une alliance.',
    );
    const means = tableRows(byTestId('observatory-means-table'));
    expect(means.find((r) => r[0] === 'Confiance')).toEqual(['Confiance', '4', '4']);
    expect(means.find((r) => r[0] === 'Gouvernance')).toEqual(['Gouvernance', '—', '—']);
    expect(byTestId('observatory-licence')?.textContent).toContain('Licence Ouverte');
  });

  it('says the figures are withheld when the filters leave fewer than five alliances', async () => {
    const { byTestId, step } = await render([], []);
    http.expectOne((r) => r.url === '/api/observatory').flush(view({ total: null, groups: [], withheld: 1 }));
    await step();

    expect(byTestId('observatory-total-withheld')?.textContent).toContain('Moins de 5 alliances correspondent');
    expect(byTestId('observatory-no-group')?.textContent).toContain('Aucun groupe n’atteint 5 alliances');
    expect(byTestId('observatory-groups-table')).toBeNull();
  });

  it('offers a funder’s member its portfolio and a catalyst’s member its territories, and asks for that scope', async () => {
    const { byTestId, step, fixture } = await render([FUNDER, CATALYST], ['org-ville']);
    http.expectOne((r) => r.url === '/api/observatory' && r.params.get('scope') === 'platform').flush(view());
    await step();

    byTestId('observatory-scope')?.click();
    await step();
    const options = [...document.querySelectorAll('mat-option')].map((o) => o.textContent?.trim());
    expect(options).toEqual(['Toute la plateforme', 'Mon portefeuille — Fondation Horizon', 'Mes territoires — Ville de Grenoble']);
    (document.querySelectorAll('mat-option')[2] as HTMLElement).click();
    // Not stable yet: the new question is on its way.
    await settle();
    fixture.detectChanges();
    http
      .expectOne(
        (r) => r.url === '/api/observatory' && r.params.get('scope') === 'territory' && r.params.get('organisationId') === 'org-ville',
      )
      .flush(view({ scope: 'territory' }));
    await step();
    expect(fixture.nativeElement.querySelectorAll('[data-testid="observatory-group-row"]').length).toBe(2);
  });
});
