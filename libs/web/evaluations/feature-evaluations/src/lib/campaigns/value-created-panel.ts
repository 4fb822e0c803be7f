import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { EvaluationsApi } from '@alliances/web/evaluations/data-access';
import { Notice } from '@alliances/web/ui';
import { CONTRIBUTION_KINDS, INDICATOR_STATUSES } from '@alliances/shared/contracts';

/**
 * Valeur créée: what each organisation brought (valued contributions, grants committed and paid) beside the
 * objectives reached and the latest evaluation's focus means. Tables only: the figures are read, not drawn.
 */
@Component({
  selector: 'all-value-created-panel',
  imports: [TranslocoPipe, LocalDatePipe, Notice],
  template: `
    <section aria-labelledby="value-heading" class="panel value" data-testid="value-created">
      <h2 id="value-heading">{{ 'evaluations.value.title' | transloco }}</h2>
      <p class="hint">{{ 'evaluations.value.intro' | transloco }}</p>
      @if (value.error(); as error) {
        <all-notice kind="error">{{ errorMessageKey(error) | transloco }}</all-notice>
      } @else if (value.hasValue()) {
        @let v = value.value();
        <dl class="figures">
          <div>
            <dt>{{ 'evaluations.value.contributions' | transloco }}</dt>
            <dd data-testid="value-contributions">{{ money(v.totals.contributions) }}</dd>
          </div>
          <div>
            <dt>{{ 'evaluations.value.committed' | transloco }}</dt>
            <dd data-testid="value-committed">{{ money(v.totals.grantsCommitted) }}</dd>
          </div>
          <div>
            <dt>{{ 'evaluations.value.paid' | transloco }}</dt>
            <dd>{{ money(v.totals.grantsPaid) }}</dd>
          </div>
          <div>
            <dt>{{ 'evaluations.value.total' | transloco }}</dt>
            <dd data-testid="value-total">{{ money(v.totals.total) }}</dd>
          </div>
        </dl>
        @if (v.organisations.length) {
          <table class="data-table" data-testid="value-table">
            <caption>
              {{
                'evaluations.value.byOrganisation' | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'evaluations.value.organisation' | transloco }}</th>
                @for (k of kinds; track k) {
                  <th scope="col" class="num">{{ 'evaluations.value.kinds.' + k | transloco }}</th>
                }
                <th scope="col" class="num">{{ 'evaluations.value.contributions' | transloco }}</th>
                <th scope="col" class="num">{{ 'evaluations.value.committed' | transloco }}</th>
                <th scope="col" class="num">{{ 'evaluations.value.paid' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (o of v.organisations; track o.organisationId) {
                <tr data-testid="value-row">
                  <th scope="row">{{ o.organisationName }}</th>
                  @for (k of kinds; track k) {
                    <td class="num">{{ money(o.contributionsByKind[k]) }}</td>
                  }
                  <td class="num">
                    <strong>{{ money(o.contributions) }}</strong>
                  </td>
                  <td class="num">{{ money(o.grantsCommitted) }}</td>
                  <td class="num">{{ money(o.grantsPaid) }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
        <div class="columns">
          <div>
            <h3>{{ 'evaluations.value.objectivesTitle' | transloco }}</h3>
            @if (v.indicators.total) {
              <ul class="plain-list" data-testid="value-indicators">
                @for (s of statuses; track s) {
                  @if (v.indicators.byStatus[s]) {
                    <li>{{ 'evaluations.value.status.' + s | transloco: { count: v.indicators.byStatus[s] } }}</li>
                  }
                }
              </ul>
            } @else {
              <p>{{ 'evaluations.value.noIndicator' | transloco }}</p>
            }
          </div>
          <div>
            <h3>{{ 'evaluations.value.evaluationTitle' | transloco }}</h3>
            @if (v.evaluation; as e) {
              <p class="hint">{{ 'evaluations.value.evaluationOf' | transloco: { title: e.title, date: (e.closedAt | localDate) } }}</p>
              <ul class="plain-list" data-testid="value-focuses">
                @for (f of e.focuses; track f.key) {
                  <li>
                    {{ 'evaluations.resultFocus.' + f.key | transloco }} :
                    <strong>{{ f.mean === null ? ('evaluations.value.notShown' | transloco) : mean(f.mean) + ' / 5' }}</strong>
                  </li>
                }
              </ul>
            } @else {
              <p>{{ 'evaluations.value.noEvaluation' | transloco }}</p>
            }
          </div>
        </div>
      } @else {
        <p role="status">{{ 'evaluations.common.loading' | transloco }}</p>
      }
    </section>
  `,
  styles: `
    .value {
      margin-top: 2rem;
    }
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
      gap: 0.5rem 1.5rem;
      margin: 0 0 1rem;
      dt {
        font: var(--mat-sys-body-small);
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
        font: var(--mat-sys-headline-small);
      }
    }
    .columns {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
      gap: 1rem 2rem;
    }
    caption {
      text-align: left;
      padding: 0.5rem 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ValueCreatedPanel {
  private readonly api = inject(EvaluationsApi);
  private readonly transloco = inject(TranslocoService);

  readonly allianceId = input.required<string>();

  protected readonly errorMessageKey = errorMessageKey;
  protected readonly kinds = CONTRIBUTION_KINDS;
  protected readonly statuses = INDICATOR_STATUSES;
  private readonly lang = toSignal(this.transloco.langChanges$, { initialValue: this.transloco.getActiveLang() });
  protected readonly value = rxResource({ params: () => this.allianceId(), stream: ({ params }) => this.api.valueCreated(params) });
  private readonly locale = computed(() => (this.lang() === 'en' ? 'en-GB' : 'fr-FR'));

  protected money(amount: number): string {
    const currency = this.value.value()?.currency ?? 'EUR';
    return new Intl.NumberFormat(this.locale(), { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  }

  protected mean(value: number): string {
    return new Intl.NumberFormat(this.locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  }
}
