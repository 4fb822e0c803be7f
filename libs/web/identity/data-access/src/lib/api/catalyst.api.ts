import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CatalystGrant,
  CatalystGrantRequest,
  CatalystTerritoryView,
  CreateIntroductionRequest,
  DirectoryCard,
  MembershipSummary,
  Page,
  Proposal,
} from '@alliances/shared/contracts';
import { Observable, catchError, forkJoin, map, of } from 'rxjs';

/** An organisation of the caller that is a territorial catalyst, and the territories it animates. */
export interface CatalystOrganisation {
  organisationId: string;
  organisationName: string;
  territories: { code: string; name: string }[];
}

const enc = encodeURIComponent;

/** Territorial catalysts: the grant (platform admin), the territory view and introductions. */
@Injectable({ providedIn: 'root' })
export class CatalystApi {
  private readonly http = inject(HttpClient);

  grant(organisationId: string): Observable<CatalystGrant> {
    return this.http.get<CatalystGrant>('/api/catalyst', { params: { organisationId } });
  }

  /** The grant as the platform console reads it before changing it. */
  adminGrant(organisationId: string): Observable<CatalystGrant> {
    return this.http.get<CatalystGrant>(`/api/admin/organisations/${encodeURIComponent(organisationId)}/catalyst`);
  }

  /**
   * Which of the caller's approved organisations are catalysts: one question per organisation, since the
   * session does not say. A refused or failed question means "not a catalyst".
   */
  catalystsAmong(memberships: readonly MembershipSummary[]): Observable<CatalystOrganisation[]> {
    const approved = memberships.filter((m) => m.organisationStatus === 'approved');
    if (!approved.length) return of([]);
    return forkJoin(
      approved.map((m) =>
        this.grant(m.organisationId).pipe(
          map((grant): CatalystOrganisation => ({
            organisationId: m.organisationId,
            organisationName: m.organisationName,
            territories: grant.territories.map(({ code, name }) => ({ code, name })),
          })),
          catchError(() => of(null)),
        ),
      ),
    ).pipe(map((list) => list.filter((c): c is CatalystOrganisation => c !== null && c.territories.length > 0)));
  }

  /** Platform admin: an empty list revokes the role. */
  setGrant(organisationId: string, request: CatalystGrantRequest): Observable<CatalystGrant> {
    return this.http.put<CatalystGrant>(`/api/admin/organisations/${enc(organisationId)}/catalyst`, request);
  }

  territory(organisationId: string, territory: string): Observable<CatalystTerritoryView> {
    return this.http.get<CatalystTerritoryView>('/api/catalyst/territory', { params: { organisationId, territory } });
  }

  /** Listed organisations located in a territory, matching a name. */
  organisationsIn(territory: string, q: string): Observable<Page<DirectoryCard>> {
    return this.http.get<Page<DirectoryCard>>('/api/directory', { params: q ? { territory, q } : { territory } });
  }

  introduce(request: CreateIntroductionRequest): Observable<Proposal> {
    return this.http.post<Proposal>('/api/catalyst/introductions', request);
  }
}
