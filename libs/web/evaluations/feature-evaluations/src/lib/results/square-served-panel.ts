import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { EvaluationResults } from '@alliances/shared/contracts';

/**
 * "Ce que l'alliance apporte à chaque partenaire": the mean answer of each organisation's people to the
 * magic-square question, as a bar per organisation, hidden below the respondent threshold (issue 18).
 */
@Component({
  selector: 'all-square-served-panel',
  imports: [TranslocoPipe],
  template: `
    @if (rows().length) {
      <section aria-labelledby="square-served-heading" data-testid="square-served">
        <h2 id="square-served-heading">{{ 'evaluations.results.squareServed.title' | transloco }}</h2>
        <p class="hint">{{ 'evaluations.results.squareServed.intro' | transloco: { min: results().minRespondents } }}</p>
        <table class="data-table">
          <caption class="visually-hidden">
            {{
              'evaluations.results.squareServed.title' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'evaluations.results.squareServed.organisation' | transloco }}</th>
              <th scope="col">{{ 'evaluations.results.squareServed.objective' | transloco }}</th>
              <th scope="col">{{ 'evaluations.results.squareServed.mean' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.organisationId) {
              <tr data-testid="square-served-row">
                <th scope="row">{{ row.name }}</th>
                <td>{{ row.squares }}</td>
                <td>
                  @if (row.mean !== null) {
                    <span class="bar-cell">
                      <span class="bar" aria-hidden="true"><span class="fill" [style.width.%]="(row.mean / 5) * 100"></span></span>
                      <span data-testid="square-served-mean">{{
                        'evaluations.results.summary.outOf5' | transloco: { mean: row.meanText }
                      }}</span>
                    </span>
                  } @else {
                    <span class="hidden-mean" data-testid="square-served-hidden">{{
                      'evaluations.results.squareServed.belowThreshold'
                        | transloco: { count: row.respondents, min: results().minRespondents }
                    }}</span>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </section>
    }
  `,
  styleUrl: '../evaluations.scss',
  styles: `
    .bar-cell {
      align-items: center;
      display: inline-flex;
      gap: 0.5rem;
    }
    .bar {
      background: var(--mat-sys-surface-container-highest);
      border-radius: 4px;
      display: inline-block;
      height: 0.75rem;
      width: 8rem;
    }
    .fill {
      background: var(--mat-sys-primary);
      border-radius: 4px;
      display: block;
      height: 100%;
    }
    .hidden-mean {
      color: var(--mat-sys-on-surface-variant);
      font-style: italic;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SquareServedPanel {
  private readonly transloco = inject(TranslocoService);
  readonly results = input.required<EvaluationResults>();

  private readonly lang = toSignal(this.transloco.langChanges$, { initialValue: this.transloco.getActiveLang() });

  protected readonly rows = computed(() => {
    const lang = this.lang();
    const results = this.results();
    const names = new Map(
      [...results.dimensions, ...results.questions].flatMap((d) => d.byOrganisation).map((o) => [o.organisationId, o.organisationName]),
    );
    return (results.squareServed ?? []).map((s) => ({
      ...s,
      name: names.get(s.organisationId) ?? '—',
      squares: s.square.map((q) => this.transloco.translate(`evaluations.squares.${q}`, {}, lang)).join(', '),
      meanText: s.mean === null ? '' : s.mean.toLocaleString(lang, { maximumFractionDigits: 1 }),
    }));
  });
}
