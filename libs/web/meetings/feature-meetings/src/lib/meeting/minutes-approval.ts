import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { Meeting, Minutes } from '@alliances/shared/contracts';
import { MeetingsApi } from '@alliances/web/meetings/data-access';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { Notice, confirmAction } from '@alliances/web/ui';

/** The first characters of a SHA-256, enough to compare two copies by eye. */
export const shortHash = (sha256: string) => sha256.slice(0, 12);

/**
 * The minutes' approval: while draft, leads and partners mark them final (a frozen version with its
 * SHA-256); then each invited organisation approves that version; once all have, the minutes are approved.
 */
@Component({
  selector: 'all-minutes-approval',
  imports: [MatButton, TranslocoPipe, LocalDatePipe, Notice],
  template: `
    <section aria-labelledby="approval-title" data-testid="minutes-approval" [attr.data-status]="minutes().status">
      <h2 id="approval-title">{{ 'meetings.approval.title' | transloco }}</h2>
      <p data-testid="minutes-status">{{ 'meetings.approval.status.' + minutes().status | transloco }}</p>
      @if (error(); as e) {
        <all-notice kind="error" data-testid="approval-error">{{ e | transloco }}</all-notice>
      }
      @if (minutes().current; as v) {
        <p>
          {{ 'meetings.approval.version' | transloco: { version: v.version } }}
          <code
            [attr.title]="v.sha256"
            data-testid="minutes-sha256"
            [attr.aria-label]="'meetings.approval.hash' | transloco: { hash: v.sha256 }"
            >{{ short(v.sha256) }}</code
          >
        </p>
      }
      @if (minutes().status === 'draft' && minutes().canFinalise && editable()) {
        <p class="hint">{{ 'meetings.approval.finaliseHint' | transloco }}</p>
        <button matButton="filled" type="button" [disabled]="busy()" (click)="finalise()" data-testid="finalise-minutes">
          {{ 'meetings.approval.finalise' | transloco }}
        </button>
      }
      @if (minutes().status !== 'draft') {
        <h3>{{ 'meetings.approval.approvals' | transloco }}</h3>
        <ul data-testid="minutes-approvals">
          @for (a of minutes().approvals; track a.organisationId) {
            <li [attr.data-testid]="'approval-' + a.organisationId">
              {{
                'meetings.approval.approvedBy'
                  | transloco
                    : {
                        organisation: a.organisationName,
                        person: a.approvedBy?.displayName ?? ('meetings.formerMember' | transloco),
                        when: (a.approvedAt | localDate: 'dateTime'),
                      }
              }}
            </li>
          }
          @for (id of minutes().awaiting; track id) {
            <li class="hint" [attr.data-testid]="'awaiting-' + id">
              {{ 'meetings.approval.awaiting' | transloco: { organisation: nameOf(id) } }}
            </li>
          }
        </ul>
        @if (minutes().status === 'final') {
          @if (minutes().canFinalise && editable()) {
            <button matButton="outlined" type="button" [disabled]="busy()" (click)="reopen()" data-testid="reopen-minutes">
              {{ 'meetings.approval.reopen' | transloco }}
            </button>
          }
          @for (id of minutes().approveFor; track id) {
            <button matButton="filled" type="button" [disabled]="busy()" (click)="approve(id)" [attr.data-testid]="'approve-' + id">
              {{ 'meetings.approval.approve' | transloco: { organisation: nameOf(id) } }}
            </button>
          }
        }
      }
    </section>
  `,
  styles: `
    code {
      padding: 0.1rem 0.3rem;
      border-radius: 4px;
      background: var(--mat-sys-surface-container);
    }
    ul {
      margin: 0 0 0.75rem;
      padding-left: 1.25rem;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    button {
      margin: 0 0.5rem 0.5rem 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MinutesApproval {
  private readonly api = inject(MeetingsApi);
  private readonly dialog = inject(MatDialog);

  readonly meeting = input.required<Meeting>();
  readonly minutes = input.required<Minutes>();
  readonly editable = input(true);
  readonly changed = output<Minutes>();

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly short = shortHash;
  private readonly names = computed(() => new Map(this.meeting().invited.map((i) => [i.organisationId, i.organisationName])));

  protected nameOf(organisationId: string): string {
    return this.names().get(organisationId) ?? '';
  }

  protected async finalise(): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: 'meetings.approval.finaliseTitle',
      message: 'meetings.approval.finaliseText',
      confirm: 'meetings.approval.finaliseConfirm',
    });
    if (confirmed) await this.run(() => this.api.finalise(this.meeting().id));
  }

  protected async reopen(): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: 'meetings.approval.reopenTitle',
      message: 'meetings.approval.reopenText',
      confirm: 'meetings.approval.reopenConfirm',
    });
    if (confirmed) await this.run(() => this.api.reopen(this.meeting().id));
  }

  protected async approve(organisationId: string): Promise<void> {
    const current = this.minutes().current;
    if (!current) return;
    await this.run(() => this.api.approve(this.meeting().id, { sha256: current.sha256, organisationId }));
  }

  private async run(call: () => ReturnType<MeetingsApi['finalise']>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      this.changed.emit(await firstValueFrom(call()));
    } catch (error) {
      this.error.set(errorMessageKey(error));
    } finally {
      this.busy.set(false);
    }
  }
}
