import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ApplyOrganisationRequest,
  Invitation,
  InviteMemberRequest,
  MembershipSummary,
  Organisation,
  OrganisationMember,
  OrganisationWithProfile,
  OrganisationRole,
  Territory,
} from '@alliances/shared/contracts';
import { Observable } from 'rxjs';

/** Organisations the signed-in person belongs to: applications, members and invitations. */
@Injectable({ providedIn: 'root' })
export class OrganisationsApi {
  private readonly http = inject(HttpClient);

  mine(): Observable<MembershipSummary[]> {
    return this.http.get<MembershipSummary[]>('/api/organisations');
  }

  /** Its members read the whole representation: the profile and the two-step rule ride along. */
  get(id: string): Observable<OrganisationWithProfile> {
    return this.http.get<OrganisationWithProfile>(`/api/organisations/${encodeURIComponent(id)}`);
  }

  apply(request: ApplyOrganisationRequest): Observable<Organisation> {
    return this.http.post<Organisation>('/api/organisations', request);
  }

  members(id: string): Observable<OrganisationMember[]> {
    return this.http.get<OrganisationMember[]>(`${this.base(id)}/members`);
  }

  changeRole(id: string, userId: string, role: OrganisationRole): Observable<OrganisationMember[]> {
    return this.http.patch<OrganisationMember[]>(`${this.base(id)}/members/${encodeURIComponent(userId)}`, { role });
  }

  removeMember(id: string, userId: string): Observable<void> {
    return this.http.delete<void>(`${this.base(id)}/members/${encodeURIComponent(userId)}`);
  }

  invite(id: string, request: InviteMemberRequest): Observable<Invitation> {
    return this.http.post<Invitation>(`${this.base(id)}/invitations`, request);
  }

  invitations(id: string): Observable<Invitation[]> {
    return this.http.get<Invitation[]>(`${this.base(id)}/invitations`);
  }

  revokeInvitation(id: string, invitationId: string): Observable<void> {
    return this.http.delete<void>(`${this.base(id)}/invitations/${encodeURIComponent(invitationId)}`);
  }

  /** INSEE communes, départements and régions matching a name or code, for autocompletion. */
  territories(query: string): Observable<Territory[]> {
    return this.http.get<Territory[]>('/api/territories', { params: { q: query } });
  }

  private base(id: string): string {
    return `/api/organisations/${encodeURIComponent(id)}`;
  }
}
