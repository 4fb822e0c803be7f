import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AllianceInvitationPreview, ExternalInvitation, InviteExternalOrganisationRequest } from '@alliances/shared/contracts';
import { Observable } from 'rxjs';

const enc = encodeURIComponent;

/** Invitations of organisations not yet on the platform into an alliance. */
@Injectable({ providedIn: 'root' })
export class AllianceInvitationsApi {
  private readonly http = inject(HttpClient);

  preview(token: string): Observable<AllianceInvitationPreview> {
    return this.http.get<AllianceInvitationPreview>(`/api/alliance-invitations/${enc(token)}`);
  }

  list(allianceId: string): Observable<ExternalInvitation[]> {
    return this.http.get<ExternalInvitation[]>(`/api/alliances/${enc(allianceId)}/invitations`);
  }

  invite(allianceId: string, request: InviteExternalOrganisationRequest): Observable<ExternalInvitation> {
    return this.http.post<ExternalInvitation>(`/api/alliances/${enc(allianceId)}/invitations`, request);
  }
}
