import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Alliance,
  Charter,
  CharterDiff,
  CharterVersion,
  CharterVersionSummary,
  ProposeVersionResponse,
  RequestChangesRequest,
  SignRequest,
  SignatureBoard,
} from '@alliances/shared/contracts';
import { Observable } from 'rxjs';

/** The charter's REST side: draft, versions, signatures, diffs and exports (docs/api.md "Charter"). */
@Injectable({ providedIn: 'root' })
export class CharterApi {
  private readonly http = inject(HttpClient);

  private base(allianceId: string): string {
    return `/api/alliances/${encodeURIComponent(allianceId)}/charter`;
  }

  /** The alliance itself: what the caller may do (`can`) and for which organisations (`myRoles`). */
  alliance(allianceId: string): Observable<Alliance> {
    return this.http.get<Alliance>(`/api/alliances/${encodeURIComponent(allianceId)}`);
  }

  charter(allianceId: string): Observable<Charter> {
    return this.http.get<Charter>(this.base(allianceId));
  }

  propose(allianceId: string): Observable<ProposeVersionResponse> {
    return this.http.post<ProposeVersionResponse>(`${this.base(allianceId)}/versions`, null);
  }

  versions(allianceId: string): Observable<CharterVersionSummary[]> {
    return this.http.get<CharterVersionSummary[]>(`${this.base(allianceId)}/versions`);
  }

  version(allianceId: string, version: number): Observable<CharterVersion> {
    return this.http.get<CharterVersion>(`${this.base(allianceId)}/versions/${version}`);
  }

  board(allianceId: string): Observable<SignatureBoard> {
    return this.http.get<SignatureBoard>(`${this.base(allianceId)}/signatures`);
  }

  sign(allianceId: string, version: number, request: SignRequest): Observable<CharterVersionSummary> {
    return this.http.post<CharterVersionSummary>(`${this.base(allianceId)}/versions/${version}/signatures`, request);
  }

  requestChanges(allianceId: string, version: number, request: RequestChangesRequest): Observable<CharterVersionSummary> {
    return this.http.post<CharterVersionSummary>(`${this.base(allianceId)}/versions/${version}/change-requests`, request);
  }

  diff(allianceId: string, from: number, to: number | 'draft'): Observable<CharterDiff> {
    return this.http.get<CharterDiff>(`${this.base(allianceId)}/diff`, { params: { from, to } });
  }

  /** The export as a Blob: fetched with the Bearer token, which a plain link would not carry. */
  export(allianceId: string, version: number, format: 'md' | 'pdf'): Observable<Blob> {
    return this.http.get(`${this.base(allianceId)}/versions/${version}/export`, { params: { format }, responseType: 'blob' });
  }
}
