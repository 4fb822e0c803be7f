import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { DocumentsPanel } from '@alliances/web/documents/feature-documents';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { Grant, GrantReport, Tranche } from '@alliances/shared/contracts';
import { LocalDatePipe } from '@alliances/web/core';
import { FundingApi } from '@alliances/web/funding/data-access';
import { Notice } from '@alliances/web/ui';
import { FundingBadge } from '../shared/badge';
import { fundingErrorKey } from '../shared/funding-errors';
import { MoneyPipe, share } from '../shared/money';
import { TRANCHE_TONE } from '../shared/statuses';
import { ReportItem } from './report-item';

/** One grant (subvention): its terms, what is paid, its tranches and its reports, with the actions the person may take. */
@Component({
  selector: 'all-grant-card',
  imports: [MatButton, MatProgressBar, TranslocoPipe, LocalDatePipe, Notice, FundingBadge, MoneyPipe, ReportItem, DocumentsPanel],
  templateUrl: './grant-card.html',
  styleUrl: './grant-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GrantCard {
  private readonly api = inject(FundingApi);

  readonly grant = input.required<Grant>();
  /** Partners request tranches and write reports. */
  readonly isPartner = input(false);
  /** An admin of this grant's funder organisation: marks tranches paid and reviews reports. */
  readonly isFunderAdmin = input(false);
  readonly changed = output<Grant>();

  protected readonly trancheTone = TRANCHE_TONE;
  protected readonly paidShare = computed(() => share(this.grant().paid, this.grant().amount));
  protected readonly busy = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  protected reportOf(tranche: Tranche): GrantReport | null {
    return this.grant().reports.find((r) => r.id === tranche.requiresReportId) ?? null;
  }

  /** A tranche waiting on a report that is not approved yet cannot be paid (the API refuses it). */
  protected waitsOnReport(tranche: Tranche): boolean {
    const report = this.reportOf(tranche);
    return report !== null && report.status !== 'approved';
  }

  protected async setStatus(tranche: Tranche, status: 'requested' | 'paid'): Promise<void> {
    this.error.set(null);
    this.busy.set(tranche.id);
    try {
      this.changed.emit(await firstValueFrom(this.api.setTrancheStatus(tranche.id, status)));
    } catch (error) {
      this.error.set(fundingErrorKey(error));
    } finally {
      this.busy.set(null);
    }
  }
}
