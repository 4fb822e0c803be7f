import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AdminUser,
  AuditEntry,
  Page,
  PlatformFigures,
  ScheduledJobName,
  ScheduledJobRetried,
  ScheduledJobStatus,
} from '@alliances/shared/contracts';
import { Observable, firstValueFrom } from 'rxjs';
import { auditPageInRange, dayRange } from './audit-range';

export type UsersPage = Page<AdminUser>;

/** What the platform administrator narrows the audit log to; dates are calendar days (YYYY-MM-DD) in local time. */
export interface AuditFilters {
  actorId?: string | null;
  action?: string | null;
  organisationId?: string | null;
  from?: string | null;
  to?: string | null;
}

const enc = encodeURIComponent;

/** Drops empty values so they are not sent as `?q=`. */
function params(values: Record<string, string | number | null | undefined>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== '')) as Record<
    string,
    string | number
  >;
}

/** The platform console (console d'administration): people, figures, the audit log and the scheduled jobs. Platform administrators only. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  /** Everyone, newest account first, searched by name or e-mail. */
  users(q: string | null | undefined, cursor?: string | null): Observable<UsersPage> {
    return this.http.get<UsersPage>('/api/admin/users', { params: params({ q: q?.trim(), cursor }) });
  }

  /** Disabling also revokes every session of the person at once. */
  disable(userId: string): Observable<void> {
    return this.http.post<void>(`/api/admin/users/${enc(userId)}/disable`, null);
  }

  enable(userId: string): Observable<void> {
    return this.http.post<void>(`/api/admin/users/${enc(userId)}/enable`, null);
  }

  figures(): Observable<PlatformFigures> {
    return this.http.get<PlatformFigures>('/api/admin/figures');
  }

  /** Every scheduled job with its queue: waiting, running, failed and done runs, the last one, the next one. */
  jobs(): Observable<Page<ScheduledJobStatus>> {
    return this.http.get<Page<ScheduledJobStatus>>('/api/admin/jobs');
  }

  /** Gives each failed run of a job one more attempt. */
  retryJob(name: ScheduledJobName): Observable<ScheduledJobRetried> {
    return this.http.post<ScheduledJobRetried>(`/api/admin/jobs/${enc(name)}/retry`, null);
  }

  /** One page of the audit log as the API filters it (actor, action, organisation), newest first. */
  auditPage(filters: AuditFilters, cursor: string | null | undefined, limit: number): Observable<Page<AuditEntry>> {
    return this.http.get<Page<AuditEntry>>('/api/admin/audit', {
      params: params({ actorId: filters.actorId, action: filters.action?.trim(), organisationId: filters.organisationId, cursor, limit }),
    });
  }

  /**
   * The next entries of the audit log matching every filter. The API has no date filter, so the date
   * range is applied here while reading the log newest first (see `auditPageInRange`).
   */
  auditLog(filters: AuditFilters, cursor?: string | null): Promise<Page<AuditEntry>> {
    const range = dayRange(filters.from, filters.to);
    return auditPageInRange((next, limit) => firstValueFrom(this.auditPage(filters, next, limit)), range, cursor);
  }
}
