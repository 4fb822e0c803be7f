import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocalDatePipe } from '@alliances/web/core';
import { AllianceInvitationsApi } from '@alliances/web/identity/data-access';
import { Notice } from '@alliances/web/ui';
import type { ExternalInvitation } from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { allianceErrorKey } from '../shared/alliance-errors';
import { InviteExternalDialog, type InviteExternalDialogData } from './invite-external-dialog';

/** For the lead's admins: organisations invited by e-mail because they are not on the platform yet, and their progress. */
@Component({
  selector: 'all-external-invitations',
  imports: [MatButton, TranslocoPipe, LocalDatePipe, Notice],
  template: `
    <section aria-labelledby="external-invitations-title" data-testid="external-invitations">
      <h3 id="external-invitations-title">{{ 'alliances.invitations.title' | transloco }}</h3>
      <p class="hint">{{ 'alliances.invitations.hint' | transloco }}</p>
      @if (sent(); as email) {
        <all-notice kind="success" data-testid="external-invite-sent">{{ 'alliances.invitations.sent' | transloco: { email } }}</all-notice>
      }
      <button matButton="outlined" type="button" (click)="open()" data-testid="external-invite-open">
        {{ 'alliances.invitations.open' | transloco }}
      </button>
      @if (invitations.error(); as error) {
        <all-notice kind="error">{{ allianceErrorKey(error) | transloco }}</all-notice>
      } @else if (invitations.hasValue() && invitations.value().length > 0) {
        <table class="data-table" data-testid="external-invitations-table">
          <caption class="visually-hidden">
            {{
              'alliances.invitations.title' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'alliances.invitations.organisationName' | transloco }}</th>
              <th scope="col">{{ 'alliances.invitations.email' | transloco }}</th>
              <th scope="col">{{ 'alliances.invitations.status' | transloco }}</th>
              <th scope="col">{{ 'alliances.invitations.sentOn' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (i of invitations.value(); track i.id) {
              <tr data-testid="external-invitation-row">
                <th scope="row">{{ i.organisationName }}</th>
                <td>{{ i.email }}</td>
                <td>{{ 'alliances.invitations.statuses.' + i.status | transloco }}</td>
                <td>{{ i.createdAt | localDate }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
    </section>
  `,
  styles: `
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    table {
      margin-top: 1rem;
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExternalInvitations {
  private readonly api = inject(AllianceInvitationsApi);
  private readonly dialog = inject(MatDialog);

  readonly allianceId = input.required<string>();

  protected readonly allianceErrorKey = allianceErrorKey;
  protected readonly sent = signal<string | null>(null);
  protected readonly invitations = rxResource({ params: () => this.allianceId(), stream: ({ params }) => this.api.list(params) });

  protected async open(): Promise<void> {
    this.sent.set(null);
    const invitation = await firstValueFrom(
      this.dialog
        .open<InviteExternalDialog, InviteExternalDialogData, ExternalInvitation | null>(InviteExternalDialog, {
          data: { allianceId: this.allianceId() },
        })
        .afterClosed(),
    );
    if (!invitation) return;
    this.sent.set(invitation.email);
    this.invitations.update((list) => [invitation, ...(list ?? [])]);
  }
}
