import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { AdminApi } from '@alliances/web/admin/data-access';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import type { ScheduledJobStatus } from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';

interface Feedback {
  kind: 'success' | 'error';
  key: string;
  params?: Record<string, string | number>;
}

/** How often a job runs, as a translation key and its parameter. */
export function cadenceLabel(everySeconds: number): { key: string; count: number } {
  if (everySeconds % 3600 === 0)
    return everySeconds === 3600 ? { key: 'admin.jobs.everyHour', count: 1 } : { key: 'admin.jobs.everyHours', count: everySeconds / 3600 };
  if (everySeconds % 60 === 0)
    return everySeconds === 60 ? { key: 'admin.jobs.everyMinute', count: 1 } : { key: 'admin.jobs.everyMinutes', count: everySeconds / 60 };
  return everySeconds === 1 ? { key: 'admin.jobs.everySecond', count: 1 } : { key: 'admin.jobs.everySeconds', count: everySeconds };
}

/**
 * Tâches planifiées: what the platform does by itself (digests, closing and reminders of evaluations),
 * whether it keeps doing it, and the failed runs the administrator may try again once the cause is fixed.
 */
@Component({
  selector: 'all-admin-jobs-page',
  imports: [MatButton, TranslocoPipe, LocalDatePipe, Notice],
  templateUrl: './jobs-page.html',
  styleUrl: './jobs-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobsPage {
  private readonly api = inject(AdminApi);

  protected readonly jobs = rxResource({ stream: () => this.api.jobs() });
  protected readonly busy = signal<string | null>(null);
  protected readonly feedback = signal<Feedback | null>(null);
  protected readonly errorMessageKey = errorMessageKey;
  protected readonly cadenceLabel = cadenceLabel;

  protected async retry(job: ScheduledJobStatus): Promise<void> {
    this.feedback.set(null);
    this.busy.set(job.name);
    try {
      const { retried } = await firstValueFrom(this.api.retryJob(job.name));
      this.feedback.set({ kind: 'success', key: retried ? 'admin.jobs.retried' : 'admin.jobs.retriedNone', params: { count: retried } });
      this.jobs.reload();
    } catch (error) {
      this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    } finally {
      this.busy.set(null);
    }
  }
}
