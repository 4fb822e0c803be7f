import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NgTemplateOutlet } from '@angular/common';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardActions, MatCardContent, MatCardHeader, MatCardSubtitle, MatCardTitle } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { AuthStore, OrganisationsApi, ProposalsApi, type ProposalBox } from '@alliances/web/identity/data-access';
import { Notice, confirmAction } from '@alliances/web/ui';
import type { OrganisationBlock, Proposal, ProposalParty } from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { DeclineProposalDialog, type DeclineDialogData, type DeclineDialogResult } from './decline-dialog';

interface Feedback {
  kind: 'success' | 'error';
  key: string;
  params?: Record<string, string>;
}

const BOXES: ProposalBox[] = ['received', 'sent'];

/** An organisation's proposals of alliance: received ones to accept or decline, sent ones to withdraw, and blocked senders. */
@Component({
  selector: 'all-proposals-page',
  imports: [
    NgTemplateOutlet,
    RouterLink,
    MatButton,
    MatCard,
    MatCardActions,
    MatCardContent,
    MatCardHeader,
    MatCardSubtitle,
    MatCardTitle,
    MatTab,
    MatTabGroup,
    TranslocoPipe,
    LocalDatePipe,
    Notice,
  ],
  templateUrl: './proposals-page.html',
  styleUrl: './proposals-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProposalsPage {
  private readonly api = inject(ProposalsApi);
  private readonly organisations = inject(OrganisationsApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  /** Route parameter: the organisation whose inbox this is. */
  readonly id = input.required<string>();

  protected readonly boxes = BOXES;
  protected readonly errorMessageKey = errorMessageKey;
  protected readonly box = signal<ProposalBox>('received');
  protected readonly feedback = signal<Feedback | null>(null);
  protected readonly busy = signal<string | null>(null);

  protected readonly organisation = rxResource({ params: () => this.id(), stream: ({ params }) => this.organisations.get(params) });
  /** Accepting, declining, withdrawing and blocking are for the organisation's admins (the API's rule). */
  protected readonly isAdmin = computed(() => this.auth.memberships().some((m) => m.organisationId === this.id() && m.role === 'admin'));

  // One box at a time: its first page, then older ones on demand ("Voir plus", keyset cursor).
  protected readonly firstPage = rxResource({
    params: () => ({ id: this.id(), box: this.box() }),
    stream: ({ params }) => this.api.list(params.id, params.box),
  });
  private readonly older = signal<Proposal[]>([]);
  private readonly olderCursor = signal<string | null | undefined>(undefined);
  protected readonly loadingMore = signal(false);
  /** Replaced cards (after an answer) by id, so the list shows the new status without reloading. */
  private readonly updated = signal<ReadonlyMap<string, Proposal>>(new Map());
  protected readonly proposals = computed(() => {
    const first = this.firstPage.hasValue() ? this.firstPage.value().items : [];
    const updated = this.updated();
    return [...first, ...this.older()].map((p) => updated.get(p.id) ?? p);
  });
  protected readonly nextCursor = computed(() => {
    const older = this.olderCursor();
    return older !== undefined ? older : this.firstPage.hasValue() ? this.firstPage.value().nextCursor : null;
  });

  protected readonly blocks = rxResource({
    params: () => (this.isAdmin() ? this.id() : undefined),
    stream: ({ params }) => this.api.blocks(params),
  });

  protected selectBox(index: number): void {
    this.box.set(BOXES[index]);
    this.resetPaging();
  }

  protected async more(): Promise<void> {
    const cursor = this.nextCursor();
    if (!cursor) return;
    this.loadingMore.set(true);
    try {
      const page = await firstValueFrom(this.api.list(this.id(), this.box(), { cursor }));
      this.older.update((list) => [...list, ...page.items]);
      this.olderCursor.set(page.nextCursor);
    } catch (error) {
      this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    } finally {
      this.loadingMore.set(false);
    }
  }

  /** The other organisation of a proposal, seen from this inbox. */
  protected counterpart(proposal: Proposal): ProposalParty {
    return proposal.from.organisationId === this.id() ? proposal.to : proposal.from;
  }

  private mySide(proposal: Proposal): ProposalParty {
    return proposal.from.organisationId === this.id() ? proposal.from : proposal.to;
  }

  /** Pending and still waiting for this organisation's answer (an introduction asks both sides). */
  protected canAnswer(proposal: Proposal): boolean {
    if (!this.isAdmin() || proposal.status !== 'pending') return false;
    return proposal.introducedBy ? !this.mySide(proposal).accepted : proposal.to.organisationId === this.id();
  }

  protected canWithdraw(proposal: Proposal): boolean {
    return this.isAdmin() && proposal.status === 'pending' && !proposal.introducedBy && proposal.from.organisationId === this.id();
  }

  protected isBlocked(proposal: Proposal): boolean {
    const other = this.counterpart(proposal).organisationId;
    return this.blocks.hasValue() && this.blocks.value().some((b) => b.organisationId === other);
  }

  protected async accept(proposal: Proposal): Promise<void> {
    const name = this.counterpart(proposal).name;
    const confirmed = await confirmAction(this.dialog, {
      title: 'proposals.acceptDialog.title',
      message: 'proposals.acceptDialog.message',
      confirm: 'proposals.acceptDialog.confirm',
      params: { name },
    });
    if (!confirmed) return;
    await this.run(proposal, async () => {
      const { allianceId } = await firstValueFrom(this.api.accept(proposal.id));
      if (allianceId) {
        await this.router.navigate(['/alliances', allianceId, 'setup']);
        return;
      }
      // An introduction waits for the other side: the card says so.
      this.replace(await firstValueFrom(this.api.get(proposal.id)));
      this.feedback.set({ kind: 'success', key: 'proposals.feedback.acceptedWaiting', params: { name } });
    });
  }

  protected async decline(proposal: Proposal): Promise<void> {
    const name = this.counterpart(proposal).name;
    const result = await firstValueFrom(
      this.dialog
        .open<DeclineProposalDialog, DeclineDialogData, DeclineDialogResult | null>(DeclineProposalDialog, {
          data: { organisationName: name },
        })
        .afterClosed(),
    );
    if (!result) return;
    await this.run(proposal, async () => {
      this.replace(await firstValueFrom(this.api.decline(proposal.id, result)));
      this.feedback.set({ kind: 'success', key: 'proposals.feedback.declined', params: { name } });
    });
  }

  protected async withdraw(proposal: Proposal): Promise<void> {
    const name = this.counterpart(proposal).name;
    const confirmed = await confirmAction(this.dialog, {
      title: 'proposals.withdrawDialog.title',
      message: 'proposals.withdrawDialog.message',
      confirm: 'proposals.withdrawDialog.confirm',
      params: { name },
      destructive: true,
    });
    if (!confirmed) return;
    await this.run(proposal, async () => {
      this.replace(await firstValueFrom(this.api.withdraw(proposal.id)));
      this.feedback.set({ kind: 'success', key: 'proposals.feedback.withdrawn', params: { name } });
    });
  }

  protected async block(proposal: Proposal): Promise<void> {
    const other = this.counterpart(proposal);
    const confirmed = await confirmAction(this.dialog, {
      title: 'proposals.blockDialog.title',
      message: 'proposals.blockDialog.message',
      confirm: 'proposals.blockDialog.confirm',
      params: { name: other.name },
      destructive: true,
    });
    if (!confirmed) return;
    await this.run(proposal, async () => {
      this.blocks.set(await firstValueFrom(this.api.block(this.id(), other.organisationId)));
      this.feedback.set({ kind: 'success', key: 'proposals.feedback.blocked', params: { name: other.name } });
    });
  }

  protected async unblock(block: OrganisationBlock): Promise<void> {
    this.feedback.set(null);
    try {
      await firstValueFrom(this.api.unblock(this.id(), block.organisationId));
      this.blocks.update((list) => list?.filter((b) => b.organisationId !== block.organisationId));
      this.feedback.set({ kind: 'success', key: 'proposals.feedback.unblocked', params: { name: block.name } });
    } catch (error) {
      this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    }
  }

  private async run(proposal: Proposal, action: () => Promise<void>): Promise<void> {
    this.feedback.set(null);
    this.busy.set(proposal.id);
    try {
      await action();
    } catch (error) {
      this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    } finally {
      this.busy.set(null);
    }
  }

  private replace(proposal: Proposal): void {
    this.updated.update((map) => new Map(map).set(proposal.id, proposal));
  }

  private resetPaging(): void {
    this.older.set([]);
    this.olderCursor.set(undefined);
    this.updated.set(new Map());
  }
}
