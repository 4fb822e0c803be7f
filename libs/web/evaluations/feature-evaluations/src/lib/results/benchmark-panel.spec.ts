import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import { provideEchartsCore } from 'ngx-echarts';
import { EVALUATION_DIMENSIONS, type AllianceBenchmark } from '@alliances/shared/contracts';
import { BenchmarkPanel } from './benchmark-panel';

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function benchmark(peers: number): AllianceBenchmark {
  const stats = peers ? { median: 3.8, q1: 3.2, q3: 4.1 } : null;
  return {
    allianceId: 'all-1',
    category: 'philanthropy',
    campaignId: 'camp-1',
    peers,
    dimensions: EVALUATION_DIMENSIONS.map((key) => ({ key, mean: key === 'trust' ? 4.25 : 3.5, peers: stats })),
    focuses: [
      { key: 'product', mean: 3.6, peers: stats },
      { key: 'balance', mean: null, peers: null },
      { key: 'valorisation', mean: 3.1, peers: stats },
    ],
  };
}

jest.setTimeout(30000);

describe('BenchmarkPanel', () => {
  let http: HttpTestingController;

  beforeAll(() => {
    // jsdom has no ResizeObserver; ngx-echarts watches the chart's size with one.
    globalThis.ResizeObserver ??= class {
      observe = jest.fn();
      unobserve = jest.fn();
      disconnect = jest.fn();
    };
  });

  beforeEach(() => {
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoTesting({ scopes: ['observatory', 'alliances', 'evaluations'] })],
      // A chart that never draws: the test reads the sentence and the table.
      providers: [provideHttpClient(), provideHttpClientTesting(), provideEchartsCore({ echarts: () => new Promise(() => undefined) })],
    });
    http = TestBed.inject(HttpTestingController);
  });

  async function render(answer: AllianceBenchmark) {
    const fixture = TestBed.createComponent(BenchmarkPanel);
    fixture.componentRef.setInput('allianceId', 'all-1');
    fixture.detectChanges();
    http.expectOne('/api/alliances/all-1/benchmark').flush(answer);
    await settle();
    fixture.detectChanges();
    await settle();
    fixture.detectChanges();
    return (id: string) => (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>(`[data-testid="${id}"]`);
  }

  it('says how many alliances of the same category it is compared with, and gives the figures in a table', async () => {
    const byTestId = await render(benchmark(7));
    expect(byTestId('benchmark-peers')?.textContent?.trim()).toBe(
      'Comparé à 7 alliances de la même catégorie (Mécénat) qui participent à l’observatoire.',
    );
    const rows = [...(byTestId('benchmark-table')?.querySelectorAll('tbody tr') ?? [])].map((r) =>
      [...r.children].map((c) => c.textContent?.trim()),
    );
    expect(rows).toHaveLength(EVALUATION_DIMENSIONS.length + 3);
    expect(rows.find((r) => r[0] === 'Confiance')).toEqual(['Confiance', '4,25', '3,8', '3,2 – 4,1']);
    expect(rows.find((r) => r[0] === 'Équilibre')).toEqual(['Équilibre', '—', '—', '—']);
  });

  it('says there is no comparison yet when fewer than five similar alliances take part', async () => {
    const byTestId = await render(benchmark(0));
    expect(byTestId('benchmark-too-few')?.textContent?.trim()).toBe(
      'Moins de 5 alliances similaires (Mécénat) participent à l’observatoire et ont été évaluées : pas encore de comparaison possible.',
    );
    expect(byTestId('benchmark-chart')).toBeNull();
  });
});
