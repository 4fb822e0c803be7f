import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AcceptProposalResponse,
  DeclineProposalRequest,
  OrganisationBlock,
  Page,
  Proposal,
  ProposalStatus,
} from '@alliances/shared/contracts';
import { Observable } from 'rxjs';

export type ProposalBox = 'received' | 'sent';

const enc = encodeURIComponent;

/** Proposals of alliance an organisation received or sent, and the organisations it blocks. */
@Injectable({ providedIn: 'root' })
export class ProposalsApi {
  private readonly http = inject(HttpClient);

  list(
    organisationId: string,
    box: ProposalBox,
    options: { status?: ProposalStatus; cursor?: string | null } = {},
  ): Observable<Page<Proposal>> {
    const params: Record<string, string> = { organisationId, box };
    if (options.status) params['status'] = options.status;
    if (options.cursor) params['cursor'] = options.cursor;
    return this.http.get<Page<Proposal>>('/api/proposals', { params });
  }

  get(id: string): Observable<Proposal> {
    return this.http.get<Proposal>(`/api/proposals/${enc(id)}`);
  }

  accept(id: string): Observable<AcceptProposalResponse> {
    return this.http.post<AcceptProposalResponse>(`/api/proposals/${enc(id)}/accept`, {});
  }

  decline(id: string, request: DeclineProposalRequest): Observable<Proposal> {
    return this.http.post<Proposal>(`/api/proposals/${enc(id)}/decline`, request);
  }

  withdraw(id: string): Observable<Proposal> {
    return this.http.post<Proposal>(`/api/proposals/${enc(id)}/withdraw`, {});
  }

  blocks(organisationId: string): Observable<OrganisationBlock[]> {
    return this.http.get<OrganisationBlock[]>(`/api/organisations/${enc(organisationId)}/blocks`);
  }

  /** Answers with the organisation's blocks after this one. */
  block(organisationId: string, blockedOrganisationId: string): Observable<OrganisationBlock[]> {
    return this.http.post<OrganisationBlock[]>(`/api/organisations/${enc(organisationId)}/blocks`, {
      organisationId: blockedOrganisationId,
    });
  }

  unblock(organisationId: string, blockedOrganisationId: string): Observable<void> {
    return this.http.delete<void>(`/api/organisations/${enc(organisationId)}/blocks/${enc(blockedOrganisationId)}`);
  }
}
