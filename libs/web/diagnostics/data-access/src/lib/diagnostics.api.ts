import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Diagnostic, DiagnosticAnswer, DiagnosticQuestionnaire, Locale, OrganisationProfile, Page } from '@alliances/shared/contracts';
import { Observable, map } from 'rxjs';

const enc = encodeURIComponent;

/** The self-diagnostic: questionnaires, an organisation's diagnostics and their PDF. */
@Injectable({ providedIn: 'root' })
export class DiagnosticsApi {
  private readonly http = inject(HttpClient);

  questionnaire(profile: OrganisationProfile | 'generic', lang: Locale): Observable<DiagnosticQuestionnaire> {
    return this.http.get<DiagnosticQuestionnaire>('/api/diagnostics/questionnaire', { params: { profile, lang } });
  }

  submit(organisationId: string, answers: DiagnosticAnswer[], lang: Locale): Observable<Diagnostic> {
    return this.http.post<Diagnostic>(`/api/organisations/${enc(organisationId)}/diagnostics`, { answers }, { params: { lang } });
  }

  /** Newest first; the reasons in `lang`, or in the caller's language. */
  history(organisationId: string, lang?: Locale, limit = 20): Observable<Page<Diagnostic>> {
    let params = new HttpParams().set('limit', limit);
    if (lang) params = params.set('lang', lang);
    return this.http.get<Page<Diagnostic>>(`/api/organisations/${enc(organisationId)}/diagnostics`, { params });
  }

  /** The organisation's most recent diagnostic, or null when it has none yet. */
  latest(organisationId: string, lang?: Locale): Observable<Diagnostic | null> {
    return this.history(organisationId, lang, 1).pipe(map((page) => page.items[0] ?? null));
  }

  /** Where the PDF of a diagnostic downloads from. */
  pdfUrl(organisationId: string, diagnosticId: string, lang: Locale): string {
    return `/api/organisations/${enc(organisationId)}/diagnostics/${enc(diagnosticId)}/pdf?lang=${lang}`;
  }

  pdf(organisationId: string, diagnosticId: string, lang: Locale): Observable<Blob> {
    return this.http.get(this.pdfUrl(organisationId, diagnosticId, lang), { responseType: 'blob' });
  }
}
