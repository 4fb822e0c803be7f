import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Organisation, OrganisationStatus } from '@alliances/shared/contracts';
import { Observable } from 'rxjs';

/** An application in the platform administrators' review queue, with who applied. */
export type ReviewQueueEntry = Organisation & { applicant: { displayName: string; email: string } | null };

/** Platform administrators review organisation applications (DOMAIN.md "Users and roles"). */
@Injectable({ providedIn: 'root' })
export class ReviewQueueApi {
  private readonly http = inject(HttpClient);

  list(status: OrganisationStatus = 'pending'): Observable<ReviewQueueEntry[]> {
    return this.http.get<ReviewQueueEntry[]>('/api/admin/organisations', { params: { status } });
  }

  approve(id: string): Observable<Organisation> {
    return this.http.post<Organisation>(`/api/admin/organisations/${encodeURIComponent(id)}/approve`, null);
  }

  reject(id: string, reason: string): Observable<Organisation> {
    return this.http.post<Organisation>(`/api/admin/organisations/${encodeURIComponent(id)}/reject`, { reason });
  }
}
