import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { TranslocoDirective, TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NgxEchartsDirective } from 'ngx-echarts';
import { ObservatoryApi, provideObservatoryI18n } from '@alliances/web/observatory/data-access';
import { OBSERVATORY_MIN_ALLIANCES } from '@alliances/shared/contracts';
import { benchmarkChartOptions, type BenchmarkRow } from './benchmark-options';

/**
 * Benchmark: this alliance's dimension means beside the median and quartiles of similar alliances (same
 * category, in the observatory), from 5 of them; the same figures in a table.
 */
@Component({
  selector: 'all-benchmark-panel',
  imports: [TranslocoDirective, TranslocoPipe, NgxEchartsDirective],
  providers: [provideObservatoryI18n()],
  template: `
    <!-- Drawn once the observatory's words are loaded: an empty heading would leave the section without a name. -->
    <section *transloco="let t" aria-labelledby="benchmark-heading" data-testid="benchmark-panel">
      <h2 id="benchmark-heading">{{ 'observatory.benchmark.title' | transloco }}</h2>
      @if (benchmark.error()) {
        <p class="muted" data-testid="benchmark-unavailable">{{ 'observatory.benchmark.unavailable' | transloco }}</p>
      } @else if (benchmark.hasValue()) {
        @let b = benchmark.value();
        @if (b.peers < min) {
          <p class="muted" role="status" data-testid="benchmark-too-few">
            {{
              'observatory.benchmark.tooFew'
                | transloco: { min: min, category: ('alliances.categories.' + b.category + '.label' | transloco) }
            }}
          </p>
        } @else {
          <p role="status" data-testid="benchmark-peers">
            {{
              'observatory.benchmark.comparedTo'
                | transloco: { count: b.peers, category: ('alliances.categories.' + b.category + '.label' | transloco) }
            }}
          </p>
          <div
            echarts
            class="chart"
            [options]="options()"
            role="img"
            [attr.aria-label]="'observatory.benchmark.chart' | transloco"
            data-testid="benchmark-chart"
          ></div>
          <details>
            <summary>{{ 'observatory.benchmark.showTable' | transloco }}</summary>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="benchmark-heading">
              <table class="data-table" data-testid="benchmark-table">
                <caption class="visually-hidden">
                  {{
                    'observatory.benchmark.tableCaption' | transloco
                  }}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{{ 'observatory.benchmark.dimension' | transloco }}</th>
                    <th scope="col" class="num">{{ 'observatory.benchmark.thisAlliance' | transloco }}</th>
                    <th scope="col" class="num">{{ 'observatory.benchmark.median' | transloco }}</th>
                    <th scope="col" class="num">{{ 'observatory.benchmark.quartiles' | transloco }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (r of rows(); track r.key) {
                    <tr>
                      <th scope="row">{{ r.label }}</th>
                      <td class="num">{{ r.mean === null ? '—' : fmt(r.mean) }}</td>
                      <td class="num">{{ r.peers ? fmt(r.peers.median) : '—' }}</td>
                      <td class="num">{{ r.peers ? fmt(r.peers.q1) + ' – ' + fmt(r.peers.q3) : '—' }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          </details>
        }
      }
    </section>
  `,
  styles: `
    h2 {
      margin: 2rem 0 0.75rem;
      font: var(--mat-sys-title-large);
    }
    .chart {
      width: 100%;
      height: 30rem;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .table-wrap {
      overflow-x: auto;
    }
    summary {
      cursor: pointer;
      padding: 0.25rem 0;
    }
    summary:focus-visible,
    .table-wrap:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BenchmarkPanel {
  private readonly api = inject(ObservatoryApi);
  private readonly transloco = inject(TranslocoService);
  /** Re-reads translations used in code (chart labels) once the dictionaries arrive. */
  private readonly translations = toSignal(this.transloco.events$);

  readonly allianceId = input<string | undefined>();

  protected readonly min = OBSERVATORY_MIN_ALLIANCES;
  protected readonly benchmark = rxResource({
    params: () => this.allianceId(),
    stream: ({ params }) => this.api.benchmark(params),
  });

  protected readonly rows = computed<BenchmarkRow[]>(() => {
    this.translations();
    if (!this.benchmark.hasValue()) return [];
    const b = this.benchmark.value();
    const t = (key: string) => this.transloco.translate(key);
    return [
      ...b.dimensions.map((d) => ({ key: d.key, label: t(`evaluations.dimensions.${d.key}`), mean: d.mean, peers: d.peers })),
      ...b.focuses.map((f) => ({
        key: `focus:${f.key}`,
        label: t(`evaluations.focus.${f.key === 'valorisation' ? 'contribution_value' : f.key}`),
        mean: f.mean,
        peers: f.peers,
      })),
    ];
  });

  protected readonly options = computed(() =>
    benchmarkChartOptions(this.rows(), {
      alliance: this.transloco.translate('observatory.benchmark.thisAlliance'),
      peers: this.transloco.translate('observatory.benchmark.peers'),
    }),
  );

  protected fmt(v: number): string {
    return new Intl.NumberFormat(this.transloco.getActiveLang(), { maximumFractionDigits: 2 }).format(v);
  }
}
