import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { ActionStatus, AllianceAction } from '@alliances/shared/contracts';
import { GovernanceApi } from '@alliances/web/governance/data-access';
import { errorMessageKey, LocalDatePipe } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { MeetingFilterChip } from '../shared/meeting-filter-chip';
import { ActionDialog } from './action-dialog';
import { REGISTER_PAGE_STYLES } from '../shared/register-page-styles';

type Who = 'me' | 'all';

/** The alliance's one list of actions: mine or all, open or done, with the evaluation action plans; mark done; "Nouvelle action". */
@Component({
  selector: 'all-actions-page',
  imports: [
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatCheckbox,
    RouterLink,
    TranslocoPipe,
    LocalDatePipe,
    Notice,
    MeetingFilterChip,
  ],
  template: `
    <a [routerLink]="['/alliances', id()]" class="back">← {{ 'governance.back' | transloco }}</a>
    <header>
      <h1>{{ 'governance.actions.title' | transloco }}</h1>
      <p>{{ 'governance.actions.intro' | transloco }}</p>
    </header>
    @if (error(); as error) {
      <all-notice kind="error">{{ error | transloco }}</all-notice>
    }
    @if (message(); as m) {
      <all-notice kind="success">{{ m | transloco }}</all-notice>
    }
    @if (meetingId(); as meetingId) {
      <all-meeting-filter-chip [meetingId]="meetingId" (cleared)="clearMeeting()" />
    }
    <div class="toolbar">
      <mat-button-toggle-group
        [value]="who()"
        (change)="who.set($event.value)"
        [attr.aria-label]="'governance.actions.who' | transloco"
        data-testid="actions-who"
      >
        <mat-button-toggle value="me" data-testid="actions-mine">{{ 'governance.actions.mine' | transloco }}</mat-button-toggle>
        <mat-button-toggle value="all" data-testid="actions-all">{{ 'governance.actions.all' | transloco }}</mat-button-toggle>
      </mat-button-toggle-group>
      <mat-button-toggle-group
        [value]="status()"
        (change)="status.set($event.value)"
        [attr.aria-label]="'governance.actions.state' | transloco"
        data-testid="actions-state"
      >
        <mat-button-toggle value="open" data-testid="actions-open">{{ 'governance.actions.open' | transloco }}</mat-button-toggle>
        <mat-button-toggle value="done" data-testid="actions-done">{{ 'governance.actions.done' | transloco }}</mat-button-toggle>
      </mat-button-toggle-group>
      <span class="spacer"></span>
      <button matButton="filled" type="button" (click)="create()" data-testid="new-action">
        {{ 'governance.actions.new' | transloco }}
      </button>
    </div>
    @if (loaded() && !items().length) {
      <p class="empty" data-testid="actions-empty">{{ 'governance.actions.empty' | transloco }}</p>
    } @else if (items().length) {
      <div class="table-wrap">
        <table data-testid="actions-table">
          <caption class="visually-hidden">
            {{
              'governance.actions.caption' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'governance.actions.columns.done' | transloco }}</th>
              <th scope="col">{{ 'governance.actions.columns.title' | transloco }}</th>
              <th scope="col">{{ 'governance.actions.columns.assignee' | transloco }}</th>
              <th scope="col">{{ 'governance.actions.columns.organisation' | transloco }}</th>
              <th scope="col">{{ 'governance.actions.columns.dueOn' | transloco }}</th>
              <th scope="col">{{ 'governance.actions.columns.source' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (a of items(); track a.id) {
              <tr [attr.data-testid]="'action-row'" [class.overdue]="a.overdue">
                <td>
                  <mat-checkbox
                    [checked]="a.status === 'done'"
                    [disabled]="!a.canEdit || busy()"
                    (change)="toggle(a, $event.checked)"
                    [aria-label]="'governance.actions.markDone' | transloco: { title: a.title }"
                    data-testid="action-done"
                  ></mat-checkbox>
                </td>
                <th scope="row">{{ a.title }}</th>
                <td>{{ a.assignee?.name ?? ('governance.actions.noAssignee' | transloco) }}</td>
                <td>{{ a.organisationName ?? '' }}</td>
                <td>
                  {{ a.dueOn | localDate }}
                  @if (a.overdue) {
                    <span class="overdue-mark" data-testid="action-overdue">{{ 'governance.actions.overdue' | transloco }}</span>
                  }
                </td>
                <td>
                  @if (a.source; as s) {
                    @if (s.type === 'decision') {
                      <a [routerLink]="['/alliances', id(), 'decisions', s.id]"
                        >{{ 'governance.actions.sources.decision' | transloco }} · {{ s.title ?? '' }}</a
                      >
                    } @else if (s.type === 'evaluation') {
                      <a [routerLink]="['/evaluations', s.id]"
                        >{{ 'governance.actions.sources.evaluation' | transloco }} · {{ s.title ?? '' }}</a
                      >
                    } @else {
                      <a [routerLink]="['/alliances', id(), 'meetings', s.id]"
                        >{{ 'governance.actions.sources.meeting' | transloco }}{{ s.title ? ' · ' + s.title : '' }}</a
                      >
                    }
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (nextCursor()) {
        <button matButton type="button" (click)="more()">{{ 'governance.actions.more' | transloco }}</button>
      }
    } @else {
      <p aria-live="polite">{{ 'governance.loading' | transloco }}</p>
    }
  `,
  styles: [
    REGISTER_PAGE_STYLES,
    `
      .toolbar {
        margin-bottom: 1rem;
      }
      th,
      td {
        vertical-align: middle;
      }
      .overdue-mark {
        margin-left: 0.5rem;
        color: #b71c1c;
        font-weight: 600;
      }
    `,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActionsPage {
  private readonly api = inject(GovernanceApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  /** The alliance id, from the route. */
  readonly id = input.required<string>();
  /** `?meetingId=`: only the actions this meeting produced. */
  readonly meetingId = input<string | null>(null);

  protected readonly who = signal<Who>('all');
  protected readonly status = signal<ActionStatus>('open');
  protected readonly items = signal<AllianceAction[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loaded = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);

  constructor() {
    effect(() => {
      const [id, who, status] = [this.id(), this.who(), this.status()];
      this.meetingId();
      untracked(() => void this.load(id, who, status));
    });
  }

  private async load(id: string, who: Who, status: ActionStatus, cursor: string | null = null): Promise<void> {
    try {
      const page = await firstValueFrom(
        this.api.actions(id, { assignee: who === 'me' ? 'me' : null, status, cursor, ...this.meetingFilter() }),
      );
      this.items.update((items) => (cursor ? [...items, ...page.items] : page.items));
      this.nextCursor.set(page.nextCursor);
      this.error.set(null);
    } catch (error) {
      this.error.set(errorMessageKey(error));
    } finally {
      this.loaded.set(true);
    }
  }

  /** The API's filter on the actions a meeting produced. */
  private meetingFilter(): { sourceType?: 'meeting'; sourceId?: string } {
    const meetingId = this.meetingId();
    return meetingId ? { sourceType: 'meeting', sourceId: meetingId } : {};
  }

  protected clearMeeting(): void {
    void this.router.navigate([], { queryParams: { meetingId: null }, queryParamsHandling: 'merge' });
  }

  protected more(): void {
    void this.load(this.id(), this.who(), this.status(), this.nextCursor());
  }

  protected async toggle(action: AllianceAction, done: boolean): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    this.message.set(null);
    try {
      if (action.origin === 'evaluation') await firstValueFrom(this.api.setEvaluationActionDone(action.id, done));
      else await firstValueFrom(this.api.updateAction(action.id, { status: done ? 'done' : 'open', version: action.version }));
      this.message.set('governance.actions.updated');
      await this.load(this.id(), this.who(), this.status());
    } catch (error) {
      this.error.set(errorMessageKey(error));
      await this.load(this.id(), this.who(), this.status());
    } finally {
      this.busy.set(false);
    }
  }

  protected async create(): Promise<void> {
    try {
      const people = await firstValueFrom(this.api.people(this.id()));
      const created = await firstValueFrom(
        this.dialog
          .open(ActionDialog, {
            data: {
              allianceId: this.id(),
              people,
              ...(this.meetingId() ? { source: { type: 'meeting' as const, id: this.meetingId() as string } } : {}),
            },
            width: '36rem',
            autoFocus: 'first-tabbable',
          })
          .afterClosed(),
      );
      if (created) await this.load(this.id(), this.who(), this.status());
    } catch (error) {
      this.error.set(errorMessageKey(error));
    }
  }
}
