import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AllianceBenchmark, ObservatoryParticipation, ObservatoryQuery, ObservatoryView } from '@alliances/shared/contracts';
import { Observable } from 'rxjs';

const enc = encodeURIComponent;

/** Open data: the same aggregates, without sign-in, under the Licence Ouverte / Etalab 2.0. */
export const OBSERVATORY_OPEN_DATA = { csv: '/api/public/observatory.csv', json: '/api/public/observatory.json' } as const;

/** The query as URL parameters: empty filters are left out. */
export function observatoryParams(query: ObservatoryQuery): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query)
      .filter(([, v]) => typeof v === 'string' && v.trim() !== '')
      .map(([k, v]) => [k, (v as string).trim()]),
  );
}

/** Observatoire des alliances: aggregates (never under 5 alliances), an alliance's participation and its benchmark. */
@Injectable({ providedIn: 'root' })
export class ObservatoryApi {
  private readonly http = inject(HttpClient);

  view(query: ObservatoryQuery): Observable<ObservatoryView> {
    return this.http.get<ObservatoryView>('/api/observatory', { params: observatoryParams(query) });
  }

  participation(allianceId: string): Observable<ObservatoryParticipation> {
    return this.http.get<ObservatoryParticipation>(`/api/alliances/${enc(allianceId)}/observatory`);
  }

  /** The lead opts the alliance in (every partner organisation is then asked to consent) or out. */
  setParticipation(allianceId: string, optIn: boolean): Observable<ObservatoryParticipation> {
    return this.http.put<ObservatoryParticipation>(`/api/alliances/${enc(allianceId)}/observatory`, { optIn });
  }

  consent(allianceId: string, organisationId: string): Observable<ObservatoryParticipation> {
    return this.http.post<ObservatoryParticipation>(`/api/alliances/${enc(allianceId)}/observatory/consents`, { organisationId });
  }

  /** Withdrawing takes the alliance out of the observatory at once. */
  withdraw(allianceId: string, organisationId: string): Observable<ObservatoryParticipation> {
    return this.http.delete<ObservatoryParticipation>(`/api/alliances/${enc(allianceId)}/observatory/consents/${enc(organisationId)}`);
  }

  benchmark(allianceId: string): Observable<AllianceBenchmark> {
    return this.http.get<AllianceBenchmark>(`/api/alliances/${enc(allianceId)}/benchmark`);
  }
}
