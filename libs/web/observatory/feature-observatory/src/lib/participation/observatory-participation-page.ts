import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { ObservatoryApi } from '@alliances/web/observatory/data-access';
import { Notice, confirmAction } from '@alliances/web/ui';
import { OBSERVATORY_MIN_ALLIANCES, type ObservatoryParticipation } from '@alliances/shared/contracts';
import { firstValueFrom, type Observable } from 'rxjs';

type Message = { kind: 'success' | 'error'; key: string; params?: Record<string, unknown> };
type Consent = ObservatoryParticipation['consents'][number];

/** How many partner organisations have consented, and how many are awaited. */
export function consentTally(p: Pick<ObservatoryParticipation, 'consents'>): { given: number; awaited: number; total: number } {
  const given = p.consents.filter((c) => c.consentedAt !== null).length;
  return { given, awaited: p.consents.length - given, total: p.consents.length };
}

/**
 * Participation of an alliance in the observatory: the lead turns it on or off, each partner organisation's
 * admin consents or withdraws; the alliance counts only once every one has consented.
 */
@Component({
  selector: 'all-observatory-participation-page',
  imports: [MatButton, MatSlideToggle, RouterLink, TranslocoPipe, LocalDatePipe, Notice],
  templateUrl: './observatory-participation-page.html',
  styleUrl: './observatory-participation-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ObservatoryParticipationPage {
  private readonly api = inject(ObservatoryApi);
  private readonly dialog = inject(MatDialog);

  /** The alliance id, from the route. */
  readonly id = input.required<string>();

  protected readonly errorMessageKey = errorMessageKey;
  protected readonly minAlliances = OBSERVATORY_MIN_ALLIANCES;
  protected readonly participation = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.participation(params) });
  protected readonly tally = computed(() => (this.participation.hasValue() ? consentTally(this.participation.value()) : null));
  protected readonly busy = signal(false);
  protected readonly message = signal<Message | null>(null);

  protected canAnswerFor(p: ObservatoryParticipation, organisationId: string): boolean {
    return p.canConsentFor.includes(organisationId);
  }

  protected async toggle(optIn: boolean): Promise<void> {
    if (!optIn) {
      const confirmed = await confirmAction(this.dialog, {
        title: 'observatory.participation.leaveTitle',
        message: 'observatory.participation.leaveMessage',
        confirm: 'observatory.participation.leaveConfirm',
      });
      if (!confirmed) {
        // The toggle shows the state as it stands.
        this.participation.reload();
        return;
      }
    }
    await this.apply(
      this.api.setParticipation(this.id(), optIn),
      optIn ? 'observatory.participation.requested' : 'observatory.participation.left',
    );
  }

  protected async consent(consent: Consent, give: boolean): Promise<void> {
    const params = { organisation: consent.organisationName };
    if (!give) {
      const confirmed = await confirmAction(this.dialog, {
        title: 'observatory.consents.withdrawTitle',
        message: 'observatory.consents.withdrawMessage',
        confirm: 'observatory.consents.withdrawConfirm',
        params,
      });
      if (!confirmed) return;
    }
    const call = give ? this.api.consent(this.id(), consent.organisationId) : this.api.withdraw(this.id(), consent.organisationId);
    await this.apply(call, give ? 'observatory.consents.given' : 'observatory.consents.withdrawn', params);
  }

  private async apply(call: Observable<ObservatoryParticipation>, key: string, params?: Record<string, unknown>): Promise<void> {
    this.message.set(null);
    this.busy.set(true);
    try {
      const updated = await firstValueFrom(call);
      this.participation.set(updated);
      this.message.set({
        kind: 'success',
        key: updated.status === 'in' && key === 'observatory.consents.given' ? 'observatory.consents.allGiven' : key,
        params,
      });
    } catch (error) {
      this.message.set({ kind: 'error', key: errorMessageKey(error) });
      this.participation.reload();
    } finally {
      this.busy.set(false);
    }
  }
}
