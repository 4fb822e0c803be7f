import { ChangeDetectionStrategy, Component, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocalDatePipe, apiErrorCode, errorMessageKey } from '@alliances/web/core';
import { ReviewQueueApi } from '@alliances/web/identity/data-access';
import { Notice } from '@alliances/web/ui';
import { IdentityErrorCode, isValidRna, isValidSiren, isValidSiret, type Page, type ReviewQueueEntry } from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { RejectDialog, RejectDialogData } from './reject-dialog';

interface Feedback {
  kind: 'success' | 'error';
  key: string;
  params?: Record<string, string>;
}

interface IdentifierCheck {
  key: 'siren' | 'siret' | 'rna';
  value: string;
  valid: boolean;
}

/** Platform administrators decide on pending organisation applications. */
@Component({
  selector: 'all-review-queue-page',
  imports: [MatButton, TranslocoPipe, LocalDatePipe, Notice],
  templateUrl: './review-queue-page.html',
  styleUrl: './review-queue-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewQueuePage {
  private readonly api = inject(ReviewQueueApi);
  private readonly dialog = inject(MatDialog);

  protected readonly firstPage = rxResource({ stream: () => this.api.list('pending') });
  /** The oldest applications, then what "show more" appended; a decision takes its row out. */
  protected readonly queue = linkedSignal<Page<ReviewQueueEntry> | undefined, Page<ReviewQueueEntry> | null>({
    source: () => (this.firstPage.hasValue() ? this.firstPage.value() : undefined),
    computation: (page) => page ?? null,
  });
  protected readonly loadingMore = signal(false);
  protected readonly errorMessageKey = errorMessageKey;
  protected readonly feedback = signal<Feedback | null>(null);
  /** The application being decided, so its buttons cannot be pressed twice. */
  protected readonly deciding = signal<string | null>(null);

  /** Identifiers as given, each re-checked here (check digit, RNA format) for the reviewer. */
  protected identifiers(entry: ReviewQueueEntry): IdentifierCheck[] {
    const checks: IdentifierCheck[] = [];
    if (entry.siren) checks.push({ key: 'siren', value: entry.siren, valid: isValidSiren(entry.siren) });
    if (entry.siret) checks.push({ key: 'siret', value: entry.siret, valid: isValidSiret(entry.siret) });
    if (entry.rna) checks.push({ key: 'rna', value: entry.rna, valid: isValidRna(entry.rna) });
    return checks;
  }

  /** The next page follows the last application shown: the keyset holds even when decisions removed rows meanwhile. */
  protected async loadMore(): Promise<void> {
    const current = this.queue();
    if (!current?.nextCursor) return;
    this.loadingMore.set(true);
    try {
      const page = await firstValueFrom(this.api.list('pending', { cursor: current.nextCursor }));
      this.queue.set({ items: [...current.items, ...page.items], nextCursor: page.nextCursor });
    } catch (error) {
      this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    } finally {
      this.loadingMore.set(false);
    }
  }

  protected async approve(entry: ReviewQueueEntry): Promise<void> {
    await this.decide(entry, () => firstValueFrom(this.api.approve(entry.id)), 'review.approved');
  }

  protected async reject(entry: ReviewQueueEntry): Promise<void> {
    const reason = await firstValueFrom(
      this.dialog
        .open<RejectDialog, RejectDialogData, string | null>(RejectDialog, {
          data: { organisationName: entry.name },
          autoFocus: 'first-tabbable',
          restoreFocus: true,
        })
        .afterClosed(),
    );
    if (!reason) return;
    await this.decide(entry, () => firstValueFrom(this.api.reject(entry.id, reason)), 'review.rejected');
  }

  private async decide(entry: ReviewQueueEntry, call: () => Promise<unknown>, successKey: string): Promise<void> {
    this.feedback.set(null);
    this.deciding.set(entry.id);
    try {
      await call();
      this.queue.update((page) => page && { ...page, items: page.items.filter((e) => e.id !== entry.id) });
      this.feedback.set({ kind: 'success', key: successKey, params: { name: entry.name } });
    } catch (error) {
      this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
      // Another administrator decided first: show the queue as it is now.
      if (apiErrorCode(error) === IdentityErrorCode.AlreadyReviewed) this.firstPage.reload();
    } finally {
      this.deciding.set(null);
    }
  }
}
