import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Comment,
  CommentsPage,
  CreateCommentRequest,
  MentionCandidate,
  NotificationsPage,
  UpdateCommentRequest,
} from '@alliances/shared/contracts';
import { Observable } from 'rxjs';

/** The comments and notifications endpoints (docs/api.md "Comments and notifications"). */
@Injectable({ providedIn: 'root' })
export class CommentsApi {
  private readonly http = inject(HttpClient);

  list(query: { allianceId: string; targetType?: string; targetId?: string; since?: number; limit?: number }): Observable<CommentsPage> {
    let params = new HttpParams().set('allianceId', query.allianceId);
    if (query.targetType) params = params.set('targetType', query.targetType);
    if (query.targetId) params = params.set('targetId', query.targetId);
    if (query.since !== undefined) params = params.set('since', String(query.since));
    if (query.limit !== undefined) params = params.set('limit', String(query.limit));
    return this.http.get<CommentsPage>('/api/comments', { params });
  }

  create(request: CreateCommentRequest): Observable<Comment> {
    return this.http.post<Comment>('/api/comments', request);
  }

  update(id: string, request: UpdateCommentRequest): Observable<Comment> {
    return this.http.patch<Comment>(`/api/comments/${encodeURIComponent(id)}`, request);
  }

  remove(id: string): Observable<Comment> {
    return this.http.delete<Comment>(`/api/comments/${encodeURIComponent(id)}`);
  }

  resolve(id: string, resolved = true): Observable<Comment> {
    return this.http.post<Comment>(`/api/comments/${encodeURIComponent(id)}/resolve`, resolved ? {} : { resolved: false });
  }

  mentionable(allianceId: string, q: string): Observable<MentionCandidate[]> {
    return this.http.get<MentionCandidate[]>('/api/comments/mentionable', {
      params: new HttpParams().set('allianceId', allianceId).set('q', q),
    });
  }

  notifications(cursor?: string | null): Observable<NotificationsPage> {
    let params = new HttpParams().set('limit', '50');
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<NotificationsPage>('/api/notifications', { params });
  }

  markRead(ids?: string[]): Observable<{ unread: number }> {
    return this.http.post<{ unread: number }>('/api/notifications/read', ids ? { ids } : {});
  }
}
