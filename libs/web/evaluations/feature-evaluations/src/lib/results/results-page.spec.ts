import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { DeferBlockBehavior, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { browserLanguage } from '@alliances/web/core/testing';
import { settle, signInAs } from '@alliances/web/identity/data-access/testing';
import type { DimensionResult, EvaluationResults } from '@alliances/shared/contracts';
import { evaluationsTransloco } from '../../testing/evaluations-testing';
import { ResultsPage } from './results-page';
import { byGap, focusSeries, keyFindings, profileSeries, radarSeries, trendSeries } from './results-model';

const ORGS = [
  { organisationId: 'org-a', organisationName: 'Les Jardins Partagés' },
  { organisationId: 'org-b', organisationName: 'Énergies Locales SA' },
  { organisationId: 'org-c', organisationName: 'Fondation Horizon' },
];

function dimension(key: DimensionResult['key'], a: number, b: number): DimensionResult {
  return {
    key,
    mean: (a + b) / 2,
    distribution: [0, 1, 2, 2, 1],
    byOrganisation: [
      { ...ORGS[0], mean: a, respondents: 3 },
      { ...ORGS[1], mean: b, respondents: 3 },
      { ...ORGS[2], mean: null, respondents: 1 },
    ],
    gap: Math.abs(a - b),
  };
}

const RESULTS: EvaluationResults = {
  campaignId: 'camp-2',
  respondents: 7,
  minRespondents: 3,
  dimensions: [dimension('shared_vision', 4, 3.8), dimension('trust', 4.5, 2.5), dimension('governance', 3, 4)],
  questions: [
    {
      questionId: 'q1',
      dimension: 'trust',
      focus: 'balance',
      text: { fr: 'Nous nous faisons confiance.', en: 'We trust each other.' },
      mean: 3.5,
      distribution: [0, 1, 2, 2, 1],
      byOrganisation: [],
      gap: 2,
      comments: ['Les comités sont utiles.'],
    },
  ],
  focuses: [],
  groups: [],
  byProfile: [],
  previous: {
    campaignId: 'camp-1',
    title: 'Évaluation 2025',
    closedAt: '2025-12-15T17:00:00.000Z',
    dimensions: [
      { key: 'shared_vision', mean: 3.4, delta: 0.5 },
      { key: 'trust', mean: 3.8, delta: -0.3 },
      { key: 'governance', mean: 3.5, delta: 0 },
    ],
  },
};

describe('results model', () => {
  it('draws one radar series per organisation whose mean is shown, then the overall mean', () => {
    const series = radarSeries(RESULTS, 'Moyenne générale');
    expect(series.map((s) => s.name)).toEqual(['Les Jardins Partagés', 'Énergies Locales SA', 'Moyenne générale']);
    expect(series[0].values).toEqual([4, 4.5, 3]);
  });

  it('finds the overall mean, the strongest and weakest dimensions, the widest gap and the largest moves', () => {
    const k = keyFindings(RESULTS);
    expect(k.overall).toBeCloseTo((3.9 + 3.5 + 3.5) / 3);
    expect(k.strongest?.key).toBe('shared_vision');
    // Trust and governance tie at 3.5: the first in the questionnaire's order is named.
    expect(k.weakest?.key).toBe('trust');
    expect(k.widestGap?.key).toBe('trust');
    expect(k.rise).toEqual({ key: 'shared_vision', delta: 0.5 });
    expect(k.fall).toEqual({ key: 'trust', delta: -0.3 });
    expect(keyFindings({ ...RESULTS, previous: undefined })).toMatchObject({ rise: null, fall: null });
  });

  it('sorts dimensions by largest perception gap, those without a gap last', () => {
    const dims = [{ ...RESULTS.dimensions[0], gap: null }, ...RESULTS.dimensions.slice(1)];
    expect(byGap(dims).map((d) => d.key)).toEqual(['trust', 'governance', 'shared_vision']);
  });
});

describe('ResultsPage', () => {
  let http: HttpTestingController;
  // The first render compiles the page (its focus, profile and trend sections too): more than 5 s on a loaded machine.
  jest.setTimeout(20_000);

  beforeEach(async () => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [evaluationsTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTranslocoScope('evaluations')],
      deferBlockBehavior: DeferBlockBehavior.Manual,
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs();
  });

  async function render(results: EvaluationResults | { status: number; body: unknown }) {
    const fixture = TestBed.createComponent(ResultsPage);
    fixture.componentRef.setInput('id', 'camp-2');
    fixture.detectChanges();
    http
      .expectOne('/api/evaluations/camp-2')
      .flush({ id: 'camp-2', allianceId: 'all-1', title: 'Évaluation 2026', status: 'closed', questions: [] });
    if ('status' in results) {
      http.expectOne('/api/evaluations/camp-2/results').flush(results.body, { status: results.status, statusText: 'Conflict' });
    } else {
      http.expectOne('/api/evaluations/camp-2/results').flush(results);
    }
    await settle();
    fixture.detectChanges();
    http.match('/api/alliances/all-1').forEach((r) => r.flush({ id: 'all-1', members: [], can: { edit: false, writeCharter: false } }));
    http.match('/api/alliances/all-1/objectives').forEach((r) => r.flush([]));
    http.match('/api/evaluations/camp-2/actions').forEach((r) => r.flush([]));
    http.match('/api/alliances/all-1/evaluation-trend').forEach((r) => r.flush({ allianceId: 'all-1', campaigns: [] }));
    await settle();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const byTestId = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    return { el, byTestId };
  }

  it('shows the radar series in a table, hides small organisations, sorts the gap table and explains the trend', async () => {
    const { el, byTestId } = await render(RESULTS);
    expect([...el.querySelectorAll('[data-testid="radar-series"]')].map((e) => e.textContent?.trim())).toEqual([
      'Les Jardins Partagés',
      'Énergies Locales SA',
      'Moyenne générale',
    ]);
    expect(byTestId('hidden-organisations')?.textContent).toContain('Fondation Horizon : moins de 3 répondants : non affiché');
    expect([...el.querySelectorAll('[data-testid="gap-row"] th')].map((e) => e.textContent?.trim())).toEqual([
      'Confiance',
      'Gouvernance',
      'Vision partagée',
    ]);
    const trends = [...el.querySelectorAll('[data-testid="trend"]')].map((e) => e.textContent?.replace(/\s+/g, ' ').trim());
    expect(trends).toEqual(['▲ En hausse (+0,5)', '▼ En baisse (-0,3)', '▶ Stable (0,0)']);
    expect(el.textContent).toContain('Les comités sont utiles.');
  });

  it('puts the summary first and keeps each question closed until opened', async () => {
    const { el, byTestId } = await render(RESULTS);
    const sections = [...el.querySelectorAll('section h2')].map((h) => h.textContent?.trim());
    expect(sections[0]).toBe('En bref');
    expect(byTestId('summary-respondents')?.textContent?.trim()).toBe('7');
    expect(byTestId('summary-overall')?.textContent?.trim()).toBe('3,6 / 5');
    expect(byTestId('takeaway-strongest')?.textContent?.trim()).toBe('Point fort : Vision partagée (3,9 / 5)');
    expect(byTestId('takeaway-weakest')?.textContent?.trim()).toBe('Point à travailler : Confiance (3,5 / 5)');
    expect(byTestId('takeaway-gap')?.textContent).toContain('Plus grand écart de perception : Confiance');
    expect(byTestId('takeaway-rise')?.textContent).toContain('Plus forte progression : Vision partagée (+0,5)');

    const header = el.querySelector<HTMLElement>('[data-testid="question-header"]');
    expect(header?.textContent).toContain('1. Nous nous faisons confiance.');
    expect(header?.getAttribute('aria-expanded')).toBe('false');
    for (const panel of ['radar-table-panel', 'gap-table-panel', 'trend-table-panel'])
      expect(byTestId(panel)?.querySelector('[aria-expanded]')?.getAttribute('aria-expanded')).toBe('false');
    header?.click();
    await settle();
    expect(header?.getAttribute('aria-expanded')).toBe('true');
  });

  it('says results are hidden until the close', async () => {
    const { byTestId } = await render({
      status: 409,
      body: { statusCode: 409, error: 'Conflict', code: 'evaluation.blind', message: 'blind' },
    });
    expect(byTestId('results-blind')?.textContent).toContain("s'affichent à la clôture");
  });
});

describe('results by focus, profile and over the years (issue 18)', () => {
  const mean = (organisationId: string, organisationName: string, value: number | null) => ({
    organisationId,
    organisationName,
    mean: value,
    respondents: value === null ? 2 : 3,
  });

  it('puts the overall mean first, then each shown organisation, in the focus bars', () => {
    const focuses = [
      {
        key: 'product' as const,
        mean: 3.2,
        gap: 1,
        byOrganisation: [mean('org-a', 'A', 4), mean('org-b', 'B', 3), mean('org-c', 'C', null)],
      },
      { key: 'balance' as const, mean: 2.5, gap: null, byOrganisation: [mean('org-a', 'A', 2), mean('org-b', 'B', null)] },
    ];
    const series = focusSeries(focuses, [ORGS[0], ORGS[1]], 'Moyenne générale');
    expect(series).toEqual([
      { name: 'Moyenne générale', values: [3.2, 2.5] },
      { name: 'Les Jardins Partagés', values: [4, 2] },
      { name: 'Énergies Locales SA', values: [3, null] },
    ]);
  });

  it('draws the profiles by overall mean and by focus, and one trend line per focus across the campaigns', () => {
    const profiles = profileSeries(
      [
        {
          profile: 'association',
          mean: 4,
          respondents: 3,
          focuses: [
            { key: 'product', mean: 4.5 },
            { key: 'balance', mean: 3.5 },
          ],
        },
      ],
      'Moyenne',
      (key) => key.toUpperCase(),
    );
    expect(profiles).toEqual([
      { name: 'Moyenne', values: [4] },
      { name: 'PRODUCT', values: [4.5] },
      { name: 'BALANCE', values: [3.5] },
    ]);
    const point = (title: string, product: number | null, balance?: number) => ({
      campaignId: title,
      title,
      closedAt: '2026-01-01T00:00:00.000Z',
      respondents: 6,
      minRespondents: 3,
      dimensions: [],
      groups: [],
      focuses: [{ key: 'product' as const, mean: product }, ...(balance === undefined ? [] : [{ key: 'balance' as const, mean: balance }])],
    });
    const lines = trendSeries([point('2025', 3, 2), point('2026', null)], 'focuses', (key) => key);
    expect(lines).toEqual([
      { name: 'product', values: [3, null] },
      { name: 'balance', values: [2, null] },
    ]);
  });
});
