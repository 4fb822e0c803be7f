import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CaseStudy, PublicAlliancePage, PublicCaseStudy, PublishCaseStudyRequest, Territory } from '@alliances/shared/contracts';
import { Observable, catchError, forkJoin, map, of, throwError } from 'rxjs';

/** The library's search: French full text (`q`) and filters, each optional. */
export interface LibraryFilters {
  q?: string | null;
  profile?: string | null;
  scale?: string | null;
  domain?: string | null;
  category?: string | null;
  /** A UN Sustainable Development Goal ("3") or target ("17.17"); a goal matches its targets. */
  sdg?: string | null;
}

const enc = encodeURIComponent;

/** The filters that are set, trimmed. */
function queryOf(filters: LibraryFilters): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([, v]) => typeof v === 'string' && v.trim() !== '')
      .map(([k, v]) => [k, (v as string).trim()]),
  );
}

/** Bibliothèque des fiches d'expérience: search the published cards; an alliance prepares its own and its partners consent. */
@Injectable({ providedIn: 'root' })
export class LibraryApi {
  private readonly http = inject(HttpClient);

  search(filters: LibraryFilters): Observable<CaseStudy[]> {
    return this.http.get<CaseStudy[]>('/api/case-studies', { params: queryOf(filters) });
  }

  /** The public library, without sign-in: published cards only, consented fields only. */
  publicSearch(filters: LibraryFilters): Observable<PublicCaseStudy[]> {
    return this.http.get<PublicCaseStudy[]>('/api/public/case-studies', { params: queryOf(filters) });
  }

  /** A published card by its public address. */
  publicGet(slug: string): Observable<PublicCaseStudy> {
    return this.http.get<PublicCaseStudy>(`/api/public/case-studies/${enc(slug)}`);
  }

  /** An alliance's public page, while its lead keeps it open and its card is published. */
  publicAlliance(slug: string): Observable<PublicAlliancePage> {
    return this.http.get<PublicAlliancePage>(`/api/public/alliance-pages/${enc(slug)}`);
  }

  /** The lead opens (every partner is asked to consent again) or closes (offline at once) the alliance's public page. */
  setAlliancePage(allianceId: string, enabled: boolean): Observable<CaseStudy> {
    return this.http.put<CaseStudy>(`/api/alliances/${enc(allianceId)}/public-page`, { enabled });
  }

  /** A published card. */
  get(id: string): Observable<CaseStudy> {
    return this.http.get<CaseStudy>(`/api/case-studies/${enc(id)}`);
  }

  /** The alliance's card, published or awaiting consent; null when it has none yet. */
  ofAlliance(allianceId: string): Observable<CaseStudy | null> {
    return this.http
      .get<CaseStudy>(`/api/alliances/${enc(allianceId)}/case-study`)
      .pipe(
        catchError((error: unknown) => (error instanceof HttpErrorResponse && error.status === 404 ? of(null) : throwError(() => error))),
      );
  }

  /** The lead prepares or updates the card; every partner organisation is asked to consent again. */
  prepare(allianceId: string, request: PublishCaseStudyRequest): Observable<CaseStudy> {
    return this.http.put<CaseStudy>(`/api/alliances/${enc(allianceId)}/case-study`, request);
  }

  /** An admin of `organisationId` consents for it; the last consent publishes the card. */
  consent(caseStudyId: string, organisationId: string): Observable<CaseStudy> {
    return this.http.post<CaseStudy>(`/api/case-studies/${enc(caseStudyId)}/consents`, { organisationId });
  }

  /** An admin of `organisationId` withdraws its consent; the card leaves the library until it consents again. */
  withdraw(caseStudyId: string, organisationId: string): Observable<CaseStudy> {
    return this.http.delete<CaseStudy>(`/api/case-studies/${enc(caseStudyId)}/consents/${enc(organisationId)}`);
  }

  /** Official names of INSEE codes (commune, département, région); a code the API cannot name stays as it is. */
  territories(codes: readonly string[]): Observable<{ code: string; name: string }[]> {
    if (!codes.length) return of([]);
    return forkJoin(
      codes.map((code) =>
        this.http.get<Territory[]>('/api/territories', { params: { q: code } }).pipe(
          map((found) => ({ code, name: found.find((t) => t.code === code)?.name ?? code })),
          catchError(() => of({ code, name: code })),
        ),
      ),
    );
  }
}
