import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ActionsPage,
  ActionSourceType,
  ActionStatus,
  Alliance,
  AllianceAction,
  AssignablePerson,
  CreateActionRequest,
  CreateDecisionRequest,
  Decision,
  DecisionsPage,
  DecisionStatus,
  EvaluationAction,
  Meeting,
  SetPositionRequest,
  UpdateActionRequest,
} from '@alliances/shared/contracts';
import { Observable } from 'rxjs';

export interface DecisionFilters {
  q?: string | null;
  status?: DecisionStatus | null;
  meetingId?: string | null;
  cursor?: string | null;
}

export interface ActionFilters {
  status?: ActionStatus | null;
  assignee?: 'me' | null;
  sourceType?: ActionSourceType | null;
  sourceId?: string | null;
  cursor?: string | null;
}

const enc = encodeURIComponent;

/** Only the filters that are set, as query parameters. */
function params(filters: object): HttpParams {
  let p = new HttpParams();
  for (const [key, value] of Object.entries(filters)) if (value) p = p.set(key, String(value));
  return p;
}

/** Gouvernance: the decisions register, positions by organisation, the alliance's actions. */
@Injectable({ providedIn: 'root' })
export class GovernanceApi {
  private readonly http = inject(HttpClient);

  alliance(allianceId: string): Observable<Alliance> {
    return this.http.get<Alliance>(`/api/alliances/${enc(allianceId)}`);
  }

  decisions(allianceId: string, filters: DecisionFilters = {}): Observable<DecisionsPage> {
    return this.http.get<DecisionsPage>(`/api/alliances/${enc(allianceId)}/decisions`, { params: params(filters) });
  }

  /** The register's CSV export, with the same search and status. */
  exportUrl(allianceId: string, filters: DecisionFilters = {}): string {
    const query = params({ format: 'csv', q: filters.q, status: filters.status }).toString();
    return `/api/alliances/${enc(allianceId)}/decisions/export?${query}`;
  }

  /** The export as a file (the request carries the bearer token, which a plain link would not). */
  exportCsv(allianceId: string, filters: DecisionFilters = {}): Observable<Blob> {
    return this.http.get(this.exportUrl(allianceId, filters), { responseType: 'blob' });
  }

  /** The meeting a filter or a proposal refers to (its title for the "Réunion : …" chip). */
  meeting(meetingId: string): Observable<Meeting> {
    return this.http.get<Meeting>(`/api/meetings/${enc(meetingId)}`);
  }

  propose(allianceId: string, body: CreateDecisionRequest): Observable<Decision> {
    return this.http.post<Decision>(`/api/alliances/${enc(allianceId)}/decisions`, body);
  }

  decision(decisionId: string): Observable<Decision> {
    return this.http.get<Decision>(`/api/decisions/${enc(decisionId)}`);
  }

  setPosition(decisionId: string, body: SetPositionRequest): Observable<Decision> {
    return this.http.put<Decision>(`/api/decisions/${enc(decisionId)}/positions/me`, body);
  }

  close(decisionId: string): Observable<Decision> {
    return this.http.post<Decision>(`/api/decisions/${enc(decisionId)}/close`, {});
  }

  people(allianceId: string): Observable<AssignablePerson[]> {
    return this.http.get<AssignablePerson[]>(`/api/alliances/${enc(allianceId)}/people`);
  }

  actions(allianceId: string, filters: ActionFilters = {}): Observable<ActionsPage> {
    return this.http.get<ActionsPage>(`/api/alliances/${enc(allianceId)}/actions`, { params: params(filters) });
  }

  createAction(allianceId: string, body: CreateActionRequest): Observable<AllianceAction> {
    return this.http.post<AllianceAction>(`/api/alliances/${enc(allianceId)}/actions`, body);
  }

  updateAction(actionId: string, body: UpdateActionRequest): Observable<AllianceAction> {
    return this.http.patch<AllianceAction>(`/api/actions/${enc(actionId)}`, body);
  }

  /** An evaluation plan's action is marked done through its own route. */
  setEvaluationActionDone(actionId: string, done: boolean): Observable<EvaluationAction> {
    return this.http.patch<EvaluationAction>(`/api/evaluation-actions/${enc(actionId)}`, { done });
  }
}
