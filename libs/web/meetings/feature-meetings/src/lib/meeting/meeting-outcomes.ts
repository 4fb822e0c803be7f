import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { Meeting } from '@alliances/shared/contracts';
import { GovernanceApi } from '@alliances/web/governance/data-access';
import { ActionDialog, ProposeDecisionDialog } from '@alliances/web/governance/feature-governance';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';

/** What a meeting produced: its decisions and actions inline, with "Proposer une décision" and "Nouvelle action" tied to it. */
@Component({
  selector: 'all-meeting-outcomes',
  imports: [MatButton, RouterLink, TranslocoPipe, LocalDatePipe, Notice],
  template: `
    <section class="outcomes" aria-labelledby="outcomes-title" data-testid="meeting-outcomes">
      <h2 id="outcomes-title">{{ 'meetings.outcomes.title' | transloco }}</h2>
      @if (error(); as e) {
        <all-notice kind="error" data-testid="outcomes-error">{{ e | transloco }}</all-notice>
      }
      <div class="columns">
        <section aria-labelledby="outcome-decisions-title">
          <h3 id="outcome-decisions-title">{{ 'meetings.outcomes.decisionsTitle' | transloco }}</h3>
          @if (decisions.value()?.items; as items) {
            @if (items.length) {
              <ul data-testid="meeting-decision-list">
                @for (d of items; track d.id) {
                  <li data-testid="meeting-decision">
                    <a [routerLink]="['/alliances', allianceId(), 'decisions', d.id]">{{ d.title }}</a>
                    <span class="status" [class]="d.status" data-testid="meeting-decision-status">{{
                      'governance.statuses.' + d.status | transloco
                    }}</span>
                    <span class="meta">{{ 'governance.rules.' + d.rule | transloco }}</span>
                  </li>
                }
              </ul>
            } @else {
              <p class="hint">{{ 'meetings.outcomes.noDecisions' | transloco }}</p>
            }
          } @else if (decisions.isLoading()) {
            <p role="status">{{ 'meetings.outcomes.loading' | transloco }}</p>
          }
          <div class="row">
            @if (open()) {
              <button matButton="tonal" type="button" (click)="propose()" data-testid="meeting-propose-decision">
                {{ 'meetings.outcomes.propose' | transloco }}
              </button>
            }
            <a
              [routerLink]="['/alliances', allianceId(), 'decisions']"
              [queryParams]="{ meetingId: meeting().id }"
              data-testid="meeting-decisions"
              >{{ 'meetings.outcomes.decisions' | transloco }}</a
            >
          </div>
        </section>
        <section aria-labelledby="outcome-actions-title">
          <h3 id="outcome-actions-title">{{ 'meetings.outcomes.actionsTitle' | transloco }}</h3>
          @if (actions.value()?.items; as items) {
            @if (items.length) {
              <ul data-testid="meeting-action-list">
                @for (a of items; track a.id) {
                  <li data-testid="meeting-action" [attr.data-status]="a.status">
                    <span class="title">{{ a.title }}</span>
                    <span class="status" [class]="a.status" data-testid="meeting-action-status">{{
                      'meetings.outcomes.actionStatus.' + a.status | transloco
                    }}</span>
                    <span class="meta">
                      {{
                        'meetings.outcomes.assignedTo'
                          | transloco
                            : {
                                name: a.assignee?.name ?? a.organisationName ?? '—',
                                due: (a.dueOn | localDate),
                              }
                      }}
                    </span>
                  </li>
                }
              </ul>
            } @else {
              <p class="hint">{{ 'meetings.outcomes.noActions' | transloco }}</p>
            }
          } @else if (actions.isLoading()) {
            <p role="status">{{ 'meetings.outcomes.loading' | transloco }}</p>
          }
          <div class="row">
            @if (open()) {
              <button matButton="tonal" type="button" (click)="newAction()" data-testid="meeting-new-action">
                {{ 'meetings.outcomes.newAction' | transloco }}
              </button>
            }
            <a
              [routerLink]="['/alliances', allianceId(), 'actions']"
              [queryParams]="{ meetingId: meeting().id }"
              data-testid="meeting-actions"
              >{{ 'meetings.outcomes.actions' | transloco }}</a
            >
          </div>
        </section>
      </div>
    </section>
  `,
  styles: `
    .columns {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
      gap: 1rem 2rem;
    }
    h3 {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-medium);
    }
    ul {
      margin: 0 0 0.75rem;
      padding-left: 1.25rem;
    }
    li {
      margin-bottom: 0.5rem;
    }
    .status {
      margin-left: 0.5rem;
      padding: 0 0.4rem;
      border: 1px solid currentColor;
      border-radius: 1rem;
      font-size: 0.875rem;
    }
    .status.adopted,
    .status.done {
      color: #1b5e20;
    }
    .status.rejected {
      color: #b71c1c;
    }
    .meta {
      display: block;
      font-size: 0.875rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeetingOutcomes {
  private readonly api = inject(GovernanceApi);
  private readonly dialog = inject(MatDialog);

  readonly allianceId = input.required<string>();
  readonly meeting = input.required<Meeting>();
  /** False once the meeting is cancelled: nothing new comes from it. */
  readonly open = input(true);

  protected readonly error = signal<string | null>(null);
  private readonly meetingId = computed(() => this.meeting().id);
  protected readonly decisions = rxResource({
    params: () => ({ allianceId: this.allianceId(), meetingId: this.meetingId() }),
    stream: ({ params }) => this.api.decisions(params.allianceId, { meetingId: params.meetingId }),
  });
  protected readonly actions = rxResource({
    params: () => ({ allianceId: this.allianceId(), meetingId: this.meetingId() }),
    stream: ({ params }) => this.api.actions(params.allianceId, { sourceType: 'meeting', sourceId: params.meetingId }),
  });

  protected async propose(): Promise<void> {
    this.error.set(null);
    const decision = await firstValueFrom(
      this.dialog
        .open(ProposeDecisionDialog, {
          data: { allianceId: this.allianceId(), meetingId: this.meetingId() },
          width: '40rem',
          autoFocus: 'first-tabbable',
        })
        .afterClosed(),
    );
    if (decision) this.decisions.reload();
  }

  protected async newAction(): Promise<void> {
    this.error.set(null);
    try {
      const people = await firstValueFrom(this.api.people(this.allianceId()));
      const created = await firstValueFrom(
        this.dialog
          .open(ActionDialog, {
            data: { allianceId: this.allianceId(), people, source: { type: 'meeting', id: this.meetingId() } },
            width: '36rem',
            autoFocus: 'first-tabbable',
          })
          .afterClosed(),
      );
      if (created) this.actions.reload();
    } catch (error) {
      this.error.set(errorMessageKey(error));
    }
  }
}
