import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { errorMessageKey } from '@alliances/web/core';
import { AuthStore } from '@alliances/web/identity/data-access';
import { DirectoryApi } from '@alliances/web/directory/data-access';
import { Notice } from '@alliances/web/ui';
import type { Proposal } from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { OrganisationLogo } from '../shared/organisation-logo';
import { MatchReasons } from '../shared/match-reasons';
import { DomainKeyPipe } from '../shared/domain-key.pipe';
import { ProposeDialog, type ProposeDialogData } from './propose-dialog';

/** A listed organisation's public card, from which one proposes an alliance. */
@Component({
  selector: 'all-directory-card-page',
  imports: [MatButton, RouterLink, TranslocoPipe, Notice, OrganisationLogo, DomainKeyPipe, MatchReasons],
  templateUrl: './directory-card-page.html',
  styleUrl: './directory-card-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DirectoryCardPage {
  private readonly api = inject(DirectoryApi);
  private readonly dialog = inject(MatDialog);
  private readonly store = inject(AuthStore);

  /** Route parameter. */
  readonly id = input.required<string>();
  /** Query parameter: the caller's organisation to measure complementarity against. */
  readonly as = input<string | undefined>();

  protected readonly errorMessageKey = errorMessageKey;
  protected readonly card = rxResource({
    params: () => ({ id: this.id(), as: this.as() }),
    stream: ({ params }) => this.api.card(params.id, params.as),
  });

  /** Organisations the caller may propose from: approved ones they administer, other than this one. */
  protected readonly proposers = computed(() =>
    this.store.memberships().filter((m) => m.role === 'admin' && m.organisationStatus === 'approved' && m.organisationId !== this.id()),
  );
  protected readonly sent = signal<Proposal | null>(null);

  protected async propose(): Promise<void> {
    if (!this.card.hasValue()) return;
    const card = this.card.value();
    const data: ProposeDialogData = {
      to: { id: card.id, name: card.name },
      from: this.proposers().map((m) => ({ id: m.organisationId, name: m.organisationName })),
      preferredFrom: this.as(),
    };
    const ref = this.dialog.open<ProposeDialog, ProposeDialogData, Proposal>(ProposeDialog, {
      data,
      width: '36rem',
      autoFocus: 'first-tabbable',
    });
    const proposal = await firstValueFrom(ref.afterClosed());
    if (proposal) this.sent.set(proposal);
  }
}
