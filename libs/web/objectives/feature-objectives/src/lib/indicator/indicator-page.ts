import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CheckIn } from '@alliances/shared/contracts';
import { CommentsPanel } from '@alliances/web/comments/feature-comments';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { AuthStore } from '@alliances/web/identity/data-access';
import { ObjectivesApi } from '@alliances/web/objectives/data-access';
import { Notice } from '@alliances/web/ui';
import { clampedPercent, percent } from '../shared/format';
import { StatusChip } from '../shared/status-chip';
import { CheckInForm } from './checkin-form';
import { IndicatorChart } from './indicator-chart';

/** One indicator: status and progress, actual vs planned chart, check-in history and a quick check-in. */
@Component({
  selector: 'all-indicator-page',
  imports: [MatProgressBar, RouterLink, TranslocoPipe, LocalDatePipe, Notice, StatusChip, CheckInForm, IndicatorChart, CommentsPanel],
  templateUrl: './indicator-page.html',
  styleUrl: './indicator-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IndicatorPage {
  private readonly api = inject(ObjectivesApi);
  private readonly me = inject(AuthStore).user;

  /** Route parameters. */
  readonly id = input.required<string>();
  readonly indicatorId = input.required<string>();

  protected readonly percent = percent;
  protected readonly clampedPercent = clampedPercent;
  protected readonly errorMessageKey = errorMessageKey;
  protected readonly alliance = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.alliance(params) });
  protected readonly indicator = rxResource({ params: () => this.indicatorId(), stream: ({ params }) => this.api.indicator(params) });
  protected readonly canWrite = computed(() => this.alliance.value()?.can.writeCharter ?? false);

  /** Its author may still correct a recent check-in: say until when. */
  protected editableUntil(checkIn: CheckIn): string | null {
    const mine = checkIn.author.id !== null && checkIn.author.id === this.me()?.id;
    return mine && Date.parse(checkIn.editableUntil) > Date.now() ? checkIn.editableUntil : null;
  }

  protected recorded(): void {
    // Status, progress and chart come from the server's rule: fetch the indicator again.
    this.indicator.reload();
  }
}
