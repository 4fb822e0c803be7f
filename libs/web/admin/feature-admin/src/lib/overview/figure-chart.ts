import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NgxEchartsDirective } from 'ngx-echarts';
import { filter, merge } from 'rxjs';
import { figureHeightPx, figureOptions, figureSummary, type FigureKind, type FigureRow } from './figure-options';

/** A figure's row before translation: the translation key of its label. */
export interface FigureEntry {
  key: string;
  value: number;
}

let nextId = 0;

/** One platform figure: the chart, and the same numbers in a table beside it (its text alternative). */
@Component({
  selector: 'all-figure-chart',
  imports: [NgxEchartsDirective, TranslocoPipe],
  template: `
    <figure [attr.aria-labelledby]="captionId">
      <figcaption [id]="captionId">{{ caption() }}</figcaption>
      @if (total() === 0) {
        <p class="empty">{{ emptyKey() | transloco }}</p>
      } @else {
        <div class="body">
          @defer (on idle) {
            <div
              echarts
              class="chart"
              [style.height.px]="height()"
              [options]="options()"
              role="img"
              [attr.aria-label]="caption() + ' — ' + summary()"
              [attr.data-testid]="testId() + '-chart'"
            ></div>
          } @placeholder {
            <div class="chart" [style.height.px]="height()"></div>
          }
          <table class="data-table" [attr.data-testid]="testId() + '-table'">
            <caption class="visually-hidden">
              {{
                caption()
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ labelHeader() }}</th>
                <th scope="col" class="number">{{ valueHeader() }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of labelled(); track row.label) {
                <tr>
                  <th scope="row">{{ row.label }}</th>
                  <td class="number">{{ row.value }}</td>
                </tr>
              }
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{{ totalKey() | transloco }}</th>
                <td class="number">{{ total() }}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      }
    </figure>
  `,
  styles: `
    figure {
      margin: 0;
      padding: 1rem 1.25rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-lowest);
    }
    figcaption {
      margin: 0 0 0.75rem;
      font: var(--mat-sys-title-medium);
    }
    /* The chart takes the card's whole width, its table below: beside it, long labels left the bars a few pixels. */
    .body {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 1rem;
    }
    .chart {
      width: 100%;
    }
    .data-table th,
    .data-table td {
      padding: 0.5rem 0.75rem;
    }
    .number {
      text-align: right !important;
      font-variant-numeric: tabular-nums;
    }
    tfoot th,
    tfoot td {
      font-weight: 600;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .empty {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FigureChart {
  readonly caption = input.required<string>();
  private readonly transloco = inject(TranslocoService);
  readonly rows = input.required<FigureEntry[]>();
  readonly kind = input<FigureKind>('bar');
  readonly labelHeader = input.required<string>();
  readonly valueHeader = input.required<string>();
  readonly testId = input.required<string>();
  /** Translation keys of the empty text and of the total row, for pages outside the console's scope. */
  readonly emptyKey = input('admin.overview.noData');
  readonly totalKey = input('admin.overview.total');

  /** Changes with the language and when a dictionary arrives, so the chart's labels follow. */
  private readonly words = toSignal(
    merge(this.transloco.langChanges$, this.transloco.events$.pipe(filter((e) => e.type === 'translationLoadSuccess'))),
  );

  protected readonly captionId = `figure-${nextId++}`;
  protected readonly labelled = computed<FigureRow[]>(() => {
    this.words();
    return this.rows().map((r) => ({ label: this.transloco.translate(r.key), value: r.value }));
  });
  protected readonly total = computed(() => this.rows().reduce((sum, r) => sum + r.value, 0));
  protected readonly options = computed(() => figureOptions(this.kind(), this.labelled()));
  protected readonly summary = computed(() => figureSummary(this.labelled()));
  protected readonly height = computed(() => figureHeightPx(this.kind(), this.rows().length));
}
