import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  JournalKind,
  Alliance,
  AllianceAuditEntry,
  AllianceSummary,
  CreateAllianceRequest,
  InviteOrganisationRequest,
  OrganisationDirectoryEntry,
  Page,
  UpdateAllianceRequest,
  UpdatePartnerObjectiveRequest,
} from '@alliances/shared/contracts';
import { Observable } from 'rxjs';

/** The alliances the signed-in person takes part in, through any of their organisations. */
@Injectable({ providedIn: 'root' })
export class AlliancesApi {
  private readonly http = inject(HttpClient);

  list(cursor?: string): Observable<Page<AllianceSummary>> {
    return this.http.get<Page<AllianceSummary>>('/api/alliances', { params: cursor ? { cursor } : {} });
  }

  get(id: string): Observable<Alliance> {
    return this.http.get<Alliance>(this.base(id));
  }

  create(request: CreateAllianceRequest): Observable<Alliance> {
    return this.http.post<Alliance>('/api/alliances', request);
  }

  update(id: string, request: UpdateAllianceRequest): Observable<Alliance> {
    return this.http.patch<Alliance>(this.base(id), request);
  }

  invite(id: string, request: InviteOrganisationRequest): Observable<Alliance> {
    return this.http.post<Alliance>(`${this.base(id)}/members`, request);
  }

  /** The invited organisation's admin answers the invitation. */
  respond(id: string, organisationId: string, accept: boolean): Observable<Alliance> {
    return this.http.post<Alliance>(
      `${this.base(id)}/members/${encodeURIComponent(organisationId)}/${accept ? 'accept' : 'decline'}`,
      null,
    );
  }

  setObjective(id: string, organisationId: string, request: UpdatePartnerObjectiveRequest): Observable<Alliance> {
    return this.http.put<Alliance>(`${this.base(id)}/members/${encodeURIComponent(organisationId)}/objective`, request);
  }

  /** The organisation's admin takes it out of the alliance, or the lead removes it (204). */
  removeMember(id: string, organisationId: string): Observable<void> {
    return this.http.delete<void>(`${this.base(id)}/members/${encodeURIComponent(organisationId)}`);
  }

  /** The lead hands over to an active partner organisation. */
  handOverLead(id: string, organisationId: string): Observable<Alliance> {
    return this.http.post<Alliance>(`${this.base(id)}/lead`, { organisationId });
  }

  /** A page of the journal, newest first; `kind` keeps one kind of entries (see JOURNAL_KINDS). */
  audit(id: string, cursor?: string, kind?: JournalKind): Observable<Page<AllianceAuditEntry>> {
    const params: Record<string, string> = {};
    if (cursor) params['cursor'] = cursor;
    if (kind) params['kind'] = kind;
    return this.http.get<Page<AllianceAuditEntry>>(`${this.base(id)}/audit`, { params });
  }

  /** Approved organisations whose name matches, to invite into an alliance. */
  directory(query: string): Observable<OrganisationDirectoryEntry[]> {
    return this.http.get<OrganisationDirectoryEntry[]>('/api/alliances/directory/organisations', { params: { q: query } });
  }

  private base(id: string): string {
    return `/api/alliances/${encodeURIComponent(id)}`;
  }
}
