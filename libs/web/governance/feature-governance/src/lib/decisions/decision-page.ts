import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { DECISION_POSITIONS, POSITIONS_NEEDING_REASON, type Decision, type DecisionPositionKind } from '@alliances/shared/contracts';
import { GovernanceApi } from '@alliances/web/governance/data-access';
import { applyFieldErrors, errorMessageKey, LocalDatePipe } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { countParams, fieldError } from '../shared/field-error';

/** One decision: the proposal, each organisation's position with its reason, my organisation's position, the outcome once closed. */
@Component({
  selector: 'all-decision-page',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatRadioGroup,
    MatRadioButton,
    RouterLink,
    TranslocoPipe,
    LocalDatePipe,
    Notice,
  ],
  template: `
    <a [routerLink]="['/alliances', id(), 'decisions']" class="back">← {{ 'governance.decisions.title' | transloco }}</a>
    @if (error(); as error) {
      <all-notice kind="error">{{ error | transloco }}</all-notice>
    }
    @if (message(); as m) {
      <all-notice kind="success">{{ m | transloco }}</all-notice>
    }
    @if (decision(); as d) {
      <header>
        <h1>{{ d.title }}</h1>
        <p class="meta">
          <span class="status" [class]="d.status" data-testid="decision-status">{{ 'governance.statuses.' + d.status | transloco }}</span>
          · {{ 'governance.rules.' + d.rule | transloco }} ·
          @if (d.closedAt) {
            {{ 'governance.decision.closedAt' | transloco: { date: (d.closedAt | localDate: 'dateTime') } }}
          } @else {
            {{ 'governance.decision.closesAt' | transloco: { date: (d.closesAt | localDate: 'dateTime') } }}
          }
        </p>
        <p class="meta">
          {{
            'governance.decision.proposedBy'
              | transloco
                : { name: d.proposedBy.name ?? '—', organisation: d.proposedBy.organisationName ?? '—', date: (d.createdAt | localDate) }
          }}
        </p>
      </header>

      @if (d.status !== 'open') {
        <section class="outcome" aria-labelledby="outcome-title" data-testid="decision-outcome">
          <h2 id="outcome-title">{{ 'governance.decision.outcome' | transloco }}</h2>
          <p>
            {{
              'governance.decision.outcomeText'
                | transloco
                  : {
                      status: ('governance.statuses.' + d.status | transloco),
                      counts: ('governance.decisions.counts' | transloco: counts()),
                    }
            }}
          </p>
        </section>
      }

      <section aria-labelledby="proposal-title">
        <h2 id="proposal-title">{{ 'governance.decision.proposal' | transloco }}</h2>
        <p class="proposal">{{ d.proposal }}</p>
        <p class="rule-help">{{ 'governance.rules.' + d.rule + 'Help' | transloco }}</p>
      </section>

      <section aria-labelledby="positions-title">
        <h2 id="positions-title">{{ 'governance.decision.positions' | transloco }}</h2>
        <div class="table-wrap">
          <table data-testid="positions-table">
            <caption class="visually-hidden">
              {{
                'governance.decision.caption' | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'governance.decision.organisation' | transloco }}</th>
                <th scope="col">{{ 'governance.decision.position' | transloco }}</th>
                <th scope="col">{{ 'governance.decision.reason' | transloco }}</th>
                <th scope="col">{{ 'governance.decision.setBy' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (p of d.positions; track p.organisationId) {
                <tr [attr.data-testid]="'position-' + p.organisationId">
                  <th scope="row">{{ p.organisationName }}</th>
                  <td>
                    @if (p.position) {
                      <span class="position" [class]="p.position">{{ 'governance.positions.' + p.position | transloco }}</span>
                    } @else {
                      <span class="none">{{ 'governance.decision.noPosition' | transloco }}</span>
                    }
                  </td>
                  <td>{{ p.reason ?? '' }}</td>
                  <td>
                    @if (p.setBy) {
                      {{ p.setBy }} · {{ p.setAt | localDate: 'dateTime' }}
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>

      @if (d.canPositionFor.length) {
        <section aria-labelledby="mine-title">
          <h2 id="mine-title">{{ 'governance.decision.myPosition' | transloco }}</h2>
          <form [formGroup]="form" (ngSubmit)="save()" novalidate>
            @if (d.canPositionFor.length > 1) {
              <mat-form-field>
                <mat-label>{{ 'governance.decision.organisationField' | transloco }}</mat-label>
                <mat-select formControlName="organisationId" data-testid="position-organisation">
                  @for (p of representable(); track p.organisationId) {
                    <mat-option [value]="p.organisationId">{{ p.organisationName }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
            }
            <fieldset>
              <legend id="position-legend">{{ 'governance.decision.position' | transloco }}</legend>
              <mat-radio-group formControlName="position" aria-labelledby="position-legend" data-testid="position-choice">
                @for (p of positions; track p) {
                  <mat-radio-button [value]="p" [attr.data-testid]="'position-' + p">{{
                    'governance.positions.' + p | transloco
                  }}</mat-radio-button>
                }
              </mat-radio-group>
            </fieldset>
            <mat-form-field class="reason">
              <mat-label>{{ 'governance.decision.reasonField' | transloco }}</mat-label>
              <textarea matInput formControlName="reason" rows="3" data-testid="position-reason"></textarea>
              <mat-hint>{{ 'governance.decision.reasonHint' | transloco }}</mat-hint>
              @if (fieldError(form.controls.reason); as e) {
                <mat-error>{{ e.key | transloco: e.params }}</mat-error>
              }
            </mat-form-field>
            <div class="actions">
              <button matButton="filled" type="submit" [disabled]="busy()" data-testid="position-save">
                {{ 'governance.decision.save' | transloco }}
              </button>
            </div>
          </form>
        </section>
      }

      @if (d.canClose) {
        <div class="actions">
          <button matButton="outlined" type="button" (click)="closeNow()" [disabled]="busy()" data-testid="decision-close">
            {{ 'governance.decision.close' | transloco }}
          </button>
        </div>
      }
    } @else if (!error()) {
      <p aria-live="polite">{{ 'governance.loading' | transloco }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 60rem;
      margin: 0 auto;
      padding: 1rem;
    }
    .proposal {
      white-space: pre-wrap;
    }
    .meta,
    .rule-help {
      color: var(--mat-sys-on-surface-variant);
    }
    .status.adopted {
      color: #1b5e20;
      font-weight: 600;
    }
    .status.rejected,
    .position.block {
      color: #b71c1c;
      font-weight: 600;
    }
    .outcome {
      border-left: 4px solid var(--mat-sys-primary);
      padding-left: 1rem;
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      text-align: left;
      padding: 0.5rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0 0 0.75rem;
    }
    legend {
      font-weight: 500;
    }
    mat-radio-group {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .reason {
      display: block;
      width: 100%;
    }
    .actions {
      margin: 1rem 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DecisionPage {
  private readonly api = inject(GovernanceApi);

  /** The alliance id and the decision id, from the route. */
  readonly id = input.required<string>();
  readonly decisionId = input.required<string>();

  protected readonly positions = DECISION_POSITIONS;
  protected readonly fieldError = fieldError;
  protected readonly decision = signal<Decision | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly counts = computed(() => {
    const d = this.decision();
    return d ? countParams(d.counts) : {};
  });
  protected readonly representable = computed(() => {
    const d = this.decision();
    return d ? d.positions.filter((p) => d.canPositionFor.includes(p.organisationId)) : [];
  });
  protected readonly form = inject(NonNullableFormBuilder).group({
    organisationId: [''],
    position: ['' as DecisionPositionKind | ''],
    reason: [''],
  });

  constructor() {
    effect(() => {
      const id = this.decisionId();
      untracked(() => void this.load(id));
    });
  }

  private async load(id: string): Promise<void> {
    try {
      this.show(await firstValueFrom(this.api.decision(id)));
    } catch (error) {
      this.error.set(errorMessageKey(error));
    }
  }

  /** Shows the decision and fills the form with my organisation's current position. */
  private show(d: Decision): void {
    this.decision.set(d);
    const organisationId = this.form.controls.organisationId.value || d.canPositionFor[0] || '';
    const mine = d.positions.find((p) => p.organisationId === organisationId);
    this.form.reset({ organisationId, position: mine?.position ?? '', reason: mine?.reason ?? '' });
  }

  protected async save(): Promise<void> {
    const d = this.decision();
    const value = this.form.getRawValue();
    this.error.set(null);
    this.message.set(null);
    if (!d || !value.position) {
      this.form.controls.position.setErrors({ required: true });
      return;
    }
    if (POSITIONS_NEEDING_REASON.includes(value.position) && !value.reason.trim()) {
      this.form.controls.reason.setErrors({ reasonRequired: true });
      this.form.controls.reason.markAsTouched();
      return;
    }
    this.busy.set(true);
    try {
      this.show(
        await firstValueFrom(
          this.api.setPosition(d.id, {
            organisationId: value.organisationId,
            position: value.position,
            ...(value.reason.trim() ? { reason: value.reason.trim() } : {}),
          }),
        ),
      );
      this.message.set('governance.decision.saved');
    } catch (error) {
      if (!applyFieldErrors(this.form, error)) this.error.set(errorMessageKey(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected async closeNow(): Promise<void> {
    const d = this.decision();
    if (!d) return;
    this.busy.set(true);
    this.error.set(null);
    this.message.set(null);
    try {
      this.show(await firstValueFrom(this.api.close(d.id)));
      this.message.set('governance.decision.closed');
    } catch (error) {
      this.error.set(errorMessageKey(error));
    } finally {
      this.busy.set(false);
    }
  }
}
