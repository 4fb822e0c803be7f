import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '@alliances/web/core';
import type { CaseStudy } from '@alliances/shared/contracts';

type Result = CaseStudy['results'][number];

/** Share of the way from baseline to target (0.6 = 60 %), or null before any measure or without a distance to cover. */
export function resultProgress(r: Pick<Result, 'baseline' | 'target' | 'latest'>): number | null {
  if (r.latest === null || r.target === r.baseline) return null;
  return (r.latest - r.baseline) / (r.target - r.baseline);
}

/** The results a card shows: each chosen indicator from its baseline to its latest measure and its target. */
@Component({
  selector: 'all-case-study-results',
  imports: [TranslocoPipe],
  template: `
    <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="caption()">
      <table class="data-table" data-testid="results-table">
        <caption class="visually-hidden">
          {{
            caption()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'library.results.indicator' | transloco }}</th>
            <th scope="col" class="number">{{ 'library.results.baseline' | transloco }}</th>
            <th scope="col" class="number">{{ 'library.results.latest' | transloco }}</th>
            <th scope="col" class="number">{{ 'library.results.target' | transloco }}</th>
            <th scope="col" class="number">{{ 'library.results.progress' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (r of rows(); track r.indicatorId) {
            <tr data-testid="result-row">
              <th scope="row">{{ r.name }}</th>
              <td class="number">{{ r.baseline }}</td>
              <td class="number">{{ r.latest ?? ('library.results.notMeasured' | transloco) }}</td>
              <td class="number">{{ r.target }}</td>
              <td class="number">{{ r.progress ?? '—' }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .number {
      text-align: right !important;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseStudyResults {
  private readonly language = inject(LanguageService);
  readonly results = input.required<readonly Result[]>();
  readonly caption = input.required<string>();

  /** Numbers with their unit, written the way the reader's language writes them. */
  protected readonly rows = computed(() => {
    const lang = this.language.lang();
    const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
    const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
    return this.results().map((r) => {
      const withUnit = (value: number) => `${number.format(value)} ${r.unit}`.trim();
      const progress = resultProgress(r);
      return {
        indicatorId: r.indicatorId,
        name: r.name,
        baseline: withUnit(r.baseline),
        latest: r.latest === null ? null : withUnit(r.latest),
        target: withUnit(r.target),
        progress: progress === null ? null : percent.format(progress),
      };
    });
  });
}
