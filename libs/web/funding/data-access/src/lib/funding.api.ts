import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { AuthStore } from '@alliances/web/identity/data-access';
import type {
  Alliance,
  AllianceStatus,
  Contribution,
  ContributionKind,
  CreateGrantRequest,
  Grant,
  Portfolio,
} from '@alliances/shared/contracts';
import { Observable } from 'rxjs';

/** What a partner records about one of its non-financial contributions (apports: skills, time, in kind). */
export interface CreateContributionRequest {
  organisationId: string;
  kind: ContributionKind;
  description: string;
  valuation: number;
  currency?: string;
}

/** The portfolio's filters; an empty value means "all". */
export interface PortfolioFilters {
  domain?: string | null;
  territory?: string | null;
  status?: AllianceStatus | null;
}

const enc = encodeURIComponent;

/** Only the filters that are set, as query parameters. */
function filterParams(filters: PortfolioFilters, extra: Record<string, string> = {}): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) if (value) params[key] = String(value);
  return { ...params, ...extra };
}

/** Financements: grants with their tranches and reports, partners' contributions, the funder's portfolio. */
@Injectable({ providedIn: 'root' })
export class FundingApi {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthStore);

  /** The alliance: its members and the caller's roles decide who records, requests, submits or reviews. */
  alliance(allianceId: string): Observable<Alliance> {
    return this.http.get<Alliance>(`/api/alliances/${enc(allianceId)}`);
  }

  grants(allianceId: string): Observable<Grant[]> {
    return this.http.get<Grant[]>(`/api/alliances/${enc(allianceId)}/grants`);
  }

  createGrant(allianceId: string, request: CreateGrantRequest): Observable<Grant> {
    return this.http.post<Grant>(`/api/alliances/${enc(allianceId)}/grants`, request);
  }

  /** Partners request a tranche; the funder's admins mark it paid. Answers with the whole grant. */
  setTrancheStatus(trancheId: string, status: 'requested' | 'paid'): Observable<Grant> {
    return this.http.patch<Grant>(`/api/tranches/${enc(trancheId)}`, { status });
  }

  submitReport(reportId: string, submission: string): Observable<Grant> {
    return this.http.post<Grant>(`/api/reports/${enc(reportId)}/submission`, { submission });
  }

  /** Approves a submitted report, or sends it back with a comment saying what to change. */
  reviewReport(reportId: string, approved: boolean, comment?: string): Observable<Grant> {
    return this.http.post<Grant>(`/api/reports/${enc(reportId)}/review`, comment ? { approved, comment } : { approved });
  }

  contributions(allianceId: string): Observable<Contribution[]> {
    return this.http.get<Contribution[]>(`/api/alliances/${enc(allianceId)}/contributions`);
  }

  addContribution(allianceId: string, request: CreateContributionRequest): Observable<Contribution> {
    return this.http.post<Contribution>(`/api/alliances/${enc(allianceId)}/contributions`, request);
  }

  portfolio(organisationId: string, filters: PortfolioFilters = {}): Observable<Portfolio> {
    return this.http.get<Portfolio>(`/api/organisations/${enc(organisationId)}/portfolio`, {
      params: new HttpParams({ fromObject: filterParams(filters) }),
    });
  }

  /** The portfolio as CSV, with the same filters, fetched with the access token (a plain link carries no Bearer header). */
  async portfolioCsv(organisationId: string, filters: PortfolioFilters = {}): Promise<Blob> {
    const token = this.auth.accessToken();
    const query = new URLSearchParams(filterParams(filters, { format: 'csv' }));
    const response = await fetch(`/api/organisations/${enc(organisationId)}/portfolio?${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      credentials: 'same-origin',
    });
    if (!response.ok) throw new Error(`export failed: ${response.status}`);
    return response.blob();
  }
}
