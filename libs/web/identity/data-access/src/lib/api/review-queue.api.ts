import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PAGE_LIMIT_MAX, type Organisation, type OrganisationStatus, type Page, type ReviewQueueEntry } from '@alliances/shared/contracts';
import { EMPTY, Observable, expand, reduce } from 'rxjs';

/** Platform administrators review organisation applications (docs/domain.md "Platform administration"). */
@Injectable({ providedIn: 'root' })
export class ReviewQueueApi {
  private readonly http = inject(HttpClient);

  /** One page of the applications of a status, oldest first; `cursor` is the previous page's `nextCursor`. */
  list(status: OrganisationStatus = 'pending', page: { cursor?: string | null; limit?: number } = {}): Observable<Page<ReviewQueueEntry>> {
    const params: Record<string, string | number> = { status };
    if (page.cursor) params['cursor'] = page.cursor;
    if (page.limit) params['limit'] = page.limit;
    return this.http.get<Page<ReviewQueueEntry>>('/api/admin/organisations', { params });
  }

  /** Every application of a status, page after page, for views that search them all. */
  listAll(status: OrganisationStatus): Observable<ReviewQueueEntry[]> {
    return this.list(status, { limit: PAGE_LIMIT_MAX }).pipe(
      expand((page) => (page.nextCursor ? this.list(status, { cursor: page.nextCursor, limit: PAGE_LIMIT_MAX }) : EMPTY)),
      reduce((all: ReviewQueueEntry[], page) => [...all, ...page.items], []),
    );
  }

  approve(id: string): Observable<Organisation> {
    return this.http.post<Organisation>(`/api/admin/organisations/${encodeURIComponent(id)}/approve`, null);
  }

  reject(id: string, reason: string): Observable<Organisation> {
    return this.http.post<Organisation>(`/api/admin/organisations/${encodeURIComponent(id)}/reject`, { reason });
  }
}
