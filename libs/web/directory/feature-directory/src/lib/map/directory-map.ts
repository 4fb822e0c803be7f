import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { EChartsCoreOption } from 'echarts';
import type { DirectoryMap } from '@alliances/shared/contracts';
import { LanguageService } from '@alliances/web/core';
import { FRANCE_MAP, FRANCE_MAP_LOADER } from './france-map';

export interface PickedDepartement {
  code: string;
  name: string;
}

/** How many organisations match, per département, on a map of France and in a table anyone can read. */
@Component({
  selector: 'all-directory-map',
  imports: [NgxEchartsDirective, TranslocoPipe],
  template: `
    <figure>
      <figcaption id="directory-map-title">{{ 'directory.map.title' | transloco }}</figcaption>
      <p id="directory-map-summary" class="summary" data-testid="map-summary">{{ summary() }}</p>
      @if (ready()) {
        <div
          echarts
          [options]="options()"
          class="chart"
          role="img"
          aria-labelledby="directory-map-title"
          aria-describedby="directory-map-summary"
          (chartClick)="clicked($event)"
          data-testid="directory-map"
        ></div>
        <p class="credit">{{ 'directory.map.credit' | transloco }}</p>
      } @else if (failed()) {
        <p class="summary">{{ 'directory.map.unavailable' | transloco }}</p>
      } @else {
        <p role="status" class="chart placeholder">{{ 'directory.map.loading' | transloco }}</p>
      }
      <details>
        <summary>{{ 'directory.map.table' | transloco }}</summary>
        <table class="data" data-testid="map-table">
          <caption class="cdk-visually-hidden">
            {{
              'directory.map.title' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'directory.map.departement' | transloco }}</th>
              <th scope="col" class="num">{{ 'directory.map.count' | transloco }}</th>
              <th scope="col">
                <span class="cdk-visually-hidden">{{ 'common.actions' | transloco }}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            @for (d of rows(); track d.code) {
              <tr data-testid="map-row" [attr.data-code]="d.code">
                <th scope="row">{{ d.name }} ({{ d.code }})</th>
                <td class="num" data-testid="map-count">{{ d.count }}</td>
                <td>
                  <button type="button" class="link" (click)="picked.emit({ code: d.code, name: d.name })" data-testid="map-filter">
                    {{ 'directory.map.filter' | transloco: { name: d.name } }}
                  </button>
                </td>
              </tr>
            } @empty {
              <tr>
                <td colspan="3">{{ 'directory.map.none' | transloco }}</td>
              </tr>
            }
          </tbody>
        </table>
      </details>
    </figure>
  `,
  styles: `
    figure {
      margin: 0;
    }
    figcaption {
      font: var(--mat-sys-title-medium);
    }
    .chart {
      height: 360px;
      width: 100%;
    }
    .placeholder {
      display: flex;
      align-items: center;
      justify-content: center;
      color: var(--mat-sys-on-surface-variant);
    }
    .summary,
    .credit {
      margin: 0.25rem 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .credit {
      font: var(--mat-sys-body-small);
    }
    summary {
      cursor: pointer;
      padding: 0.25rem 0;
    }
    summary:focus-visible,
    button.link:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    table.data {
      border-collapse: collapse;
      margin-top: 0.5rem;
    }
    table.data th,
    table.data td {
      text-align: left;
      padding: 0.3rem 0.75rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .num {
      text-align: right !important;
      font-variant-numeric: tabular-nums;
    }
    button.link {
      border: none;
      background: none;
      padding: 0;
      color: var(--mat-sys-primary);
      text-decoration: underline;
      cursor: pointer;
      font: inherit;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DirectoryMapView {
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);

  readonly map = input.required<DirectoryMap>();
  /** A département chosen on the map or in the table. */
  readonly picked = output<PickedDepartement>();

  protected readonly ready = signal(false);
  protected readonly failed = signal(false);

  protected readonly rows = computed(() => this.map().departements.filter((d) => d.count > 0));

  protected readonly summary = computed(() => {
    this.language.lang();
    const map = this.map();
    return this.transloco.translate('directory.map.summary', { total: map.total, departements: this.rows().length });
  });

  protected readonly options = computed<EChartsCoreOption>(() => {
    const rows = this.map().departements;
    const max = Math.max(1, ...rows.map((d) => d.count));
    const names = new Map(rows.map((d) => [d.code, d.name]));
    const organisations = this.transloco.translate('directory.map.count');
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value: unknown }) =>
          `${names.get(p.name) ?? p.name} (${p.name})<br/>${organisations} : ${Number.isFinite(p.value) ? p.value : 0}`,
      },
      visualMap: {
        min: 0,
        max,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemWidth: 12,
        itemHeight: 120,
        calculable: false,
        inRange: { color: ['#e8f0fe', '#1a56b0'] },
        text: [String(max), '0'],
      },
      series: [
        {
          type: 'map',
          map: FRANCE_MAP,
          roam: false,
          left: 0,
          right: 0,
          top: 0,
          bottom: 48,
          selectedMode: false,
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#f9a825' } },
          itemStyle: { borderColor: '#ffffff', borderWidth: 0.5, areaColor: '#f1f3f4' },
          data: rows.map((d) => ({ name: d.code, value: d.count })),
        },
      ],
    };
  });

  constructor() {
    inject(FRANCE_MAP_LOADER)()
      .then(() => this.ready.set(true))
      .catch(() => this.failed.set(true));
  }

  protected clicked(event: { name?: string }): void {
    const code = event.name;
    if (!code) return;
    const name = this.map().departements.find((d) => d.code === code)?.name ?? code;
    this.picked.emit({ code, name });
  }
}
