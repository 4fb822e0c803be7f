import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { InvitationPreview, MembershipSummary } from '@alliances/shared/contracts';
import { Observable } from 'rxjs';

/** An invitation link (`/invitations/<token>`): what it offers, and accepting it. */
@Injectable({ providedIn: 'root' })
export class InvitationsApi {
  private readonly http = inject(HttpClient);

  /** Public: anyone holding the link may see what it is for. */
  preview(token: string): Observable<InvitationPreview> {
    return this.http.get<InvitationPreview>(`/api/invitations/${encodeURIComponent(token)}`);
  }

  accept(token: string): Observable<MembershipSummary> {
    return this.http.post<MembershipSummary>(`/api/invitations/${encodeURIComponent(token)}/accept`, null);
  }
}
