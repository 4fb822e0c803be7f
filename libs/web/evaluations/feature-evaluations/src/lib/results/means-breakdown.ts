import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatExpansionPanel, MatExpansionPanelHeader, MatExpansionPanelTitle } from '@angular/material/expansion';
import { TranslocoPipe } from '@jsverse/transloco';
import { BarChart, type BarSeries } from './bar-chart';

/** A column header: a translation key, or a text shown as is (an organisation's name). */
export interface BreakdownHeader {
  key?: string;
  text?: string;
}

/** One table row: its label's translation key, then the formatted values (the overall mean shown strong). */
export interface BreakdownRow {
  id: string;
  labelKey: string;
  cells: { text: string; strong?: boolean }[];
}

/** Means by focus, group or profile: a bar chart, then the same numbers in a table that opens on demand. */
@Component({
  selector: 'all-means-breakdown',
  imports: [BarChart, MatExpansionPanel, MatExpansionPanelHeader, MatExpansionPanelTitle, TranslocoPipe],
  template: `
    @defer (on idle) {
      <all-bar-chart [categories]="categories()" [series]="series()" [label]="chartLabel()" [testId]="chartTestId()" />
    } @placeholder {
      <div class="bar-placeholder" aria-hidden="true"></div>
    }
    <mat-expansion-panel class="details" [attr.data-testid]="panelTestId()">
      <mat-expansion-panel-header>
        <mat-panel-title>{{ 'evaluations.results.showValues' | transloco }}</mat-panel-title>
      </mat-expansion-panel-header>
      <table class="data-table" [attr.data-testid]="tableTestId()">
        <caption class="visually-hidden">
          {{
            captionKey() | transloco
          }}
        </caption>
        <thead>
          <tr>
            @for (h of headers(); track $index; let first = $first) {
              <th scope="col" [class.num]="!first">{{ h.key ? (h.key | transloco) : h.text }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.id) {
            <tr [attr.data-testid]="rowTestId()">
              <th scope="row">{{ row.labelKey | transloco }}</th>
              @for (c of row.cells; track $index) {
                <td class="num">
                  @if (c.strong) {
                    <strong>{{ c.text }}</strong>
                  } @else {
                    {{ c.text }}
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </mat-expansion-panel>
  `,
  styleUrls: ['../evaluations.scss'],
  styles: `
    :host {
      display: block;
    }
    .details {
      margin-top: 0.75rem;
    }
    .bar-placeholder {
      height: 16rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeansBreakdown {
  readonly categories = input.required<string[]>();
  readonly series = input.required<BarSeries[]>();
  /** Short text for screen readers, read on the chart. */
  readonly chartLabel = input.required<string>();
  readonly chartTestId = input.required<string>();
  readonly panelTestId = input.required<string>();
  readonly tableTestId = input.required<string>();
  readonly rowTestId = input.required<string>();
  /** Translation key of the table's caption (read by screen readers only). */
  readonly captionKey = input.required<string>();
  readonly headers = input.required<BreakdownHeader[]>();
  readonly rows = input.required<BreakdownRow[]>();
}
