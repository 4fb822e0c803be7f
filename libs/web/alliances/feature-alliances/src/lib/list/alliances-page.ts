import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AlliancesApi } from '@alliances/web/alliances/data-access';
import { AuthStore } from '@alliances/web/identity/data-access';
import { Notice, confirmAction } from '@alliances/web/ui';
import type { AllianceSummary } from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { allianceErrorKey } from '../shared/alliance-errors';
import { AllianceStatusChip } from '../shared/alliance-status';

interface PendingInvitation {
  alliance: AllianceSummary;
  organisationId: string;
  organisationName: string;
  role: AllianceSummary['myRoles'][number]['role'];
  canAnswer: boolean;
}

/** "Mes alliances": the alliances the person takes part in, and invitations waiting for an answer. */
@Component({
  selector: 'all-alliances-page',
  imports: [RouterLink, MatButton, MatCard, MatCardContent, TranslocoPipe, Notice, AllianceStatusChip],
  templateUrl: './alliances-page.html',
  styleUrl: './alliances-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AlliancesPage {
  private readonly api = inject(AlliancesApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);

  protected readonly page = rxResource({ stream: () => this.api.list() });
  /** Alliances of the pages loaded after the first one ("show more"). */
  private readonly more = signal<AllianceSummary[]>([]);
  private readonly moreCursor = signal<string | null | undefined>(undefined);
  protected readonly busy = signal<string | null>(null);
  protected readonly message = signal<{ kind: 'success' | 'error'; key: string; params?: Record<string, unknown> } | null>(null);
  protected readonly allianceErrorKey = allianceErrorKey;

  private readonly all = computed(() => (this.page.hasValue() ? [...this.page.value().items, ...this.more()] : []));
  protected readonly nextCursor = computed(() => {
    const loaded = this.moreCursor();
    return loaded !== undefined ? loaded : this.page.hasValue() ? this.page.value().nextCursor : null;
  });

  /** Alliances one of my organisations is an active member of. */
  protected readonly alliances = computed(() => this.all().filter((a) => a.myRoles.some((r) => r.status === 'active')));

  protected readonly invitations = computed<PendingInvitation[]>(() => {
    const names = new Map(this.auth.memberships().map((m) => [m.organisationId, m]));
    return this.all().flatMap((alliance) =>
      alliance.myRoles
        .filter((r) => r.status === 'invited')
        .map((r) => ({
          alliance,
          organisationId: r.organisationId,
          organisationName: names.get(r.organisationId)?.organisationName ?? '',
          role: r.role,
          canAnswer: names.get(r.organisationId)?.role === 'admin',
        })),
    );
  });

  protected rolesOf(alliance: AllianceSummary): string {
    const roles = alliance.myRoles.filter((r) => r.status === 'active').map((r) => this.transloco.translate(`alliances.roles.${r.role}`));
    return [...new Set(roles)].join(', ');
  }

  async loadMore(): Promise<void> {
    const cursor = this.nextCursor();
    if (!cursor) return;
    try {
      const next = await firstValueFrom(this.api.list(cursor));
      this.more.update((items) => [...items, ...next.items]);
      this.moreCursor.set(next.nextCursor);
    } catch (error) {
      this.message.set({ kind: 'error', key: allianceErrorKey(error) });
    }
  }

  async answer(invitation: PendingInvitation, accept: boolean): Promise<void> {
    const params = { organisation: invitation.organisationName, alliance: invitation.alliance.name };
    if (
      !accept &&
      !(await confirmAction(this.dialog, {
        title: 'alliances.list.declineConfirmTitle',
        message: 'alliances.list.declineConfirmText',
        confirm: 'alliances.list.decline',
        params,
        destructive: true,
      }))
    ) {
      return;
    }
    this.busy.set(`${invitation.alliance.id}:${invitation.organisationId}`);
    this.message.set(null);
    try {
      await firstValueFrom(this.api.respond(invitation.alliance.id, invitation.organisationId, accept));
      this.message.set({ kind: 'success', key: accept ? 'alliances.list.accepted' : 'alliances.list.declined', params });
      this.more.set([]);
      this.moreCursor.set(undefined);
      this.page.reload();
    } catch (error) {
      this.message.set({ kind: 'error', key: allianceErrorKey(error) });
    } finally {
      this.busy.set(null);
    }
  }
}
