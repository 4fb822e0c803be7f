import { ChangeDetectionStrategy, Component, computed, inject, input, signal, effect, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { DECISION_STATUSES, type DecisionStatus, type DecisionSummary } from '@alliances/shared/contracts';
import { GovernanceApi } from '@alliances/web/governance/data-access';
import { errorMessageKey, LocalDatePipe } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { countParams } from '../shared/field-error';
import { MeetingFilterChip } from '../shared/meeting-filter-chip';
import { ProposeDecisionDialog } from './propose-decision-dialog';
import { REGISTER_PAGE_STYLES } from '../shared/register-page-styles';

/** Le registre des décisions: search (accents ignored), status filter, CSV export, "Proposer une décision". */
@Component({
  selector: 'all-decisions-page',
  imports: [
    FormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    RouterLink,
    TranslocoPipe,
    LocalDatePipe,
    Notice,
    MeetingFilterChip,
  ],
  template: `
    <a [routerLink]="['/alliances', id()]" class="back">← {{ 'governance.back' | transloco }}</a>
    <header>
      <h1>{{ 'governance.decisions.title' | transloco }}</h1>
      <p>{{ 'governance.decisions.intro' | transloco }}</p>
    </header>
    @if (error(); as error) {
      <all-notice kind="error">{{ error | transloco }}</all-notice>
    }
    @if (meetingId(); as meetingId) {
      <all-meeting-filter-chip [meetingId]="meetingId" (cleared)="clearMeeting()" />
    }
    <div class="toolbar" role="search">
      <mat-form-field>
        <mat-label>{{ 'governance.decisions.search' | transloco }}</mat-label>
        <input matInput type="search" [ngModel]="q()" (ngModelChange)="q.set($event)" data-testid="decisions-search" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'governance.decisions.status' | transloco }}</mat-label>
        <mat-select [ngModel]="status()" (ngModelChange)="status.set($event)" data-testid="decisions-status">
          <mat-option [value]="null">{{ 'governance.decisions.allStatuses' | transloco }}</mat-option>
          @for (s of statuses; track s) {
            <mat-option [value]="s">{{ 'governance.statuses.' + s | transloco }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <span class="spacer"></span>
      <button matButton="outlined" type="button" (click)="exportCsv()" data-testid="decisions-export">
        {{ 'governance.decisions.export' | transloco }}
      </button>
      <button matButton="filled" type="button" (click)="propose()" data-testid="propose-decision">
        {{ 'governance.decisions.propose' | transloco }}
      </button>
    </div>
    @if (loaded() && !items().length) {
      <p class="empty">
        {{ (q() || status() || meetingId() ? 'governance.decisions.noMatch' : 'governance.decisions.empty') | transloco }}
      </p>
    } @else if (items().length) {
      <div class="table-wrap">
        <table data-testid="decisions-table">
          <caption class="visually-hidden">
            {{
              'governance.decisions.caption' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'governance.decisions.columns.title' | transloco }}</th>
              <th scope="col">{{ 'governance.decisions.columns.rule' | transloco }}</th>
              <th scope="col">{{ 'governance.decisions.columns.status' | transloco }}</th>
              <th scope="col">{{ 'governance.decisions.columns.closesAt' | transloco }}</th>
              <th scope="col">{{ 'governance.decisions.columns.counts' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (d of items(); track d.id) {
              <tr>
                <th scope="row">
                  <a [routerLink]="['/alliances', id(), 'decisions', d.id]" data-testid="decision-link">{{ d.title }}</a>
                </th>
                <td>{{ 'governance.rules.' + d.rule | transloco }}</td>
                <td>
                  <span class="status" [class]="d.status">{{ 'governance.statuses.' + d.status | transloco }}</span>
                </td>
                <td>{{ d.closedAt ?? d.closesAt | localDate: 'dateTime' }}</td>
                <td>{{ 'governance.decisions.counts' | transloco: counts(d) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (nextCursor()) {
        <button matButton type="button" (click)="more()">{{ 'governance.decisions.more' | transloco }}</button>
      }
    } @else {
      <p aria-live="polite">{{ 'governance.loading' | transloco }}</p>
    }
  `,
  styles: [
    REGISTER_PAGE_STYLES,
    `
      th,
      td {
        vertical-align: top;
      }
      .status.adopted {
        color: #1b5e20;
        font-weight: 600;
      }
      .status.rejected {
        color: #b71c1c;
        font-weight: 600;
      }
      .visually-hidden {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
    `,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DecisionsPage {
  private readonly api = inject(GovernanceApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  /** The alliance id, from the route. */
  readonly id = input.required<string>();
  /** `?meetingId=`: only the decisions this meeting produced. */
  readonly meetingId = input<string | null>(null);

  protected readonly statuses = DECISION_STATUSES;
  protected readonly q = signal('');
  protected readonly status = signal<DecisionStatus | null>(null);
  protected readonly items = signal<DecisionSummary[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loaded = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly filters = computed(() => ({ q: this.q().trim() || null, status: this.status(), meetingId: this.meetingId() || null }));
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    // Search as one types, a little after the last key.
    effect(() => {
      const filters = this.filters();
      const id = this.id();
      untracked(() => {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.load(id, filters), 250);
      });
    });
  }

  protected counts(d: DecisionSummary): Record<string, number> {
    return countParams(d.counts);
  }

  private async load(
    id: string,
    filters: { q: string | null; status: DecisionStatus | null; meetingId: string | null },
    cursor: string | null = null,
  ): Promise<void> {
    try {
      const page = await firstValueFrom(this.api.decisions(id, { ...filters, cursor }));
      this.items.update((items) => (cursor ? [...items, ...page.items] : page.items));
      this.nextCursor.set(page.nextCursor);
      this.error.set(null);
    } catch (error) {
      this.error.set(errorMessageKey(error));
    } finally {
      this.loaded.set(true);
    }
  }

  protected more(): void {
    void this.load(this.id(), this.filters(), this.nextCursor());
  }

  protected async propose(): Promise<void> {
    const decision = await firstValueFrom(
      this.dialog
        .open(ProposeDecisionDialog, {
          data: { allianceId: this.id(), ...(this.meetingId() ? { meetingId: this.meetingId() as string } : {}) },
          width: '40rem',
          autoFocus: 'first-tabbable',
        })
        .afterClosed(),
    );
    if (decision) await this.router.navigate(['/alliances', this.id(), 'decisions', decision.id]);
  }

  protected clearMeeting(): void {
    void this.router.navigate([], { queryParams: { meetingId: null }, queryParamsHandling: 'merge' });
  }

  protected async exportCsv(): Promise<void> {
    try {
      const blob = await firstValueFrom(this.api.exportCsv(this.id(), this.filters()));
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = 'decisions.csv';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      this.error.set(errorMessageKey(error));
    }
  }
}
