import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Alliance,
  CampaignSummary,
  CampaignTrend,
  CreateEvaluationActionRequest,
  EvaluationAction,
  EvaluationCampaign,
  EvaluationResults,
  EvaluationSchedule,
  EvaluationTemplate,
  LaunchCampaignRequest,
  MyResponse,
  SaveResponseRequest,
  TemplateQuestionInput,
  ValueCreated,
  UpdateEvaluationScheduleRequest,
} from '@alliances/shared/contracts';
import { Observable } from 'rxjs';

/** What the action plan form needs of an objective. */
export interface ObjectiveChoice {
  id: string;
  title: string;
}

const enc = encodeURIComponent;

/** Évaluation partenariale: templates, campaigns, answers, results and the action plan. */
@Injectable({ providedIn: 'root' })
export class EvaluationsApi {
  private readonly http = inject(HttpClient);

  alliance(allianceId: string): Observable<Alliance> {
    return this.http.get<Alliance>(`/api/alliances/${enc(allianceId)}`);
  }

  objectives(allianceId: string): Observable<ObjectiveChoice[]> {
    return this.http.get<ObjectiveChoice[]>(`/api/alliances/${enc(allianceId)}/objectives`);
  }

  templates(allianceId: string): Observable<EvaluationTemplate[]> {
    return this.http.get<EvaluationTemplate[]>(`/api/alliances/${enc(allianceId)}/evaluation-templates`);
  }

  copyTemplate(allianceId: string, request: { title: string; fromTemplateId?: string }): Observable<EvaluationTemplate> {
    return this.http.post<EvaluationTemplate>(`/api/alliances/${enc(allianceId)}/evaluation-templates`, request);
  }

  setQuestions(templateId: string, questions: TemplateQuestionInput[]): Observable<EvaluationTemplate> {
    return this.http.put<EvaluationTemplate>(`/api/evaluation-templates/${enc(templateId)}/questions`, { questions });
  }

  campaigns(allianceId: string): Observable<CampaignSummary[]> {
    return this.http.get<CampaignSummary[]>(`/api/alliances/${enc(allianceId)}/evaluations`);
  }

  launch(allianceId: string, request: LaunchCampaignRequest): Observable<EvaluationCampaign> {
    return this.http.post<EvaluationCampaign>(`/api/alliances/${enc(allianceId)}/evaluations`, request);
  }

  campaign(id: string): Observable<EvaluationCampaign> {
    return this.http.get<EvaluationCampaign>(`/api/evaluations/${enc(id)}`);
  }

  myResponse(id: string): Observable<MyResponse> {
    return this.http.get<MyResponse>(`/api/evaluations/${enc(id)}/responses/me`);
  }

  saveResponse(id: string, request: SaveResponseRequest): Observable<MyResponse> {
    return this.http.put<MyResponse>(`/api/evaluations/${enc(id)}/responses/me`, request);
  }

  close(id: string): Observable<EvaluationCampaign> {
    return this.http.post<EvaluationCampaign>(`/api/evaluations/${enc(id)}/close`, {});
  }

  results(id: string): Observable<EvaluationResults> {
    return this.http.get<EvaluationResults>(`/api/evaluations/${enc(id)}/results`);
  }

  /** Every closed campaign of the alliance with its means, oldest first: the multi-year trend. */
  trend(allianceId: string): Observable<CampaignTrend> {
    return this.http.get<CampaignTrend>(`/api/alliances/${enc(allianceId)}/evaluation-trend`);
  }

  /** Valeur créée: valued contributions and grants per organisation, objectives reached, latest focus means. */
  valueCreated(allianceId: string): Observable<ValueCreated> {
    return this.http.get<ValueCreated>(`/api/alliances/${enc(allianceId)}/value-created`);
  }

  /** The export as a file (the Bearer header rides on the call, so no plain link). */
  export(id: string, format: 'csv' | 'pdf'): Observable<Blob> {
    return this.http.get(`/api/evaluations/${enc(id)}/results/export`, { params: { format }, responseType: 'blob' });
  }

  actions(id: string): Observable<EvaluationAction[]> {
    return this.http.get<EvaluationAction[]>(`/api/evaluations/${enc(id)}/actions`);
  }

  addAction(id: string, request: CreateEvaluationActionRequest): Observable<EvaluationAction> {
    return this.http.post<EvaluationAction>(`/api/evaluations/${enc(id)}/actions`, request);
  }

  setActionDone(actionId: string, done: boolean): Observable<EvaluationAction> {
    return this.http.patch<EvaluationAction>(`/api/evaluation-actions/${enc(actionId)}`, { done });
  }

  /** The evaluation rhythm: saved by the lead, or a suggestion (issue 18). */
  schedule(allianceId: string): Observable<EvaluationSchedule> {
    return this.http.get<EvaluationSchedule>(`/api/alliances/${enc(allianceId)}/evaluation-schedule`);
  }

  setSchedule(allianceId: string, request: UpdateEvaluationScheduleRequest): Observable<EvaluationSchedule> {
    return this.http.put<EvaluationSchedule>(`/api/alliances/${enc(allianceId)}/evaluation-schedule`, request);
  }
}
