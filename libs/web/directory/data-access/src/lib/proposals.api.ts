import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateProposalRequest, Proposal } from '@alliances/shared/contracts';
import { Observable } from 'rxjs';

/** Alliance proposals sent from a directory card. */
@Injectable({ providedIn: 'root' })
export class ProposalsApi {
  private readonly http = inject(HttpClient);

  create(request: CreateProposalRequest): Observable<Proposal> {
    return this.http.post<Proposal>('/api/proposals', request);
  }
}
