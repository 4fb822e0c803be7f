import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { AuthStore } from '@alliances/web/identity/data-access';
import type {
  Alliance,
  BenefitMatrix,
  CheckIn,
  CreateCheckInRequest,
  CreateIndicatorRequest,
  CreateMilestoneRequest,
  CreateObjectiveRequest,
  Indicator,
  IndicatorDetail,
  MagicSquare,
  Milestone,
  Objective,
} from '@alliances/shared/contracts';
import { Observable } from 'rxjs';

/** A check-in about to be sent: its client id is kept so a retry cannot record it twice. */
export type CheckInAttempt = CreateCheckInRequest & { id: string };

const enc = encodeURIComponent;

/** Objectifs partagés of an alliance: objectives, indicators, check-ins, milestones, benefits. */
@Injectable({ providedIn: 'root' })
export class ObjectivesApi {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthStore);

  /** The alliance itself: its members (owner pickers) and what the caller may do (`can.writeCharter`). */
  alliance(allianceId: string): Observable<Alliance> {
    return this.http.get<Alliance>(`/api/alliances/${enc(allianceId)}`);
  }

  list(allianceId: string): Observable<Objective[]> {
    return this.http.get<Objective[]>(`/api/alliances/${enc(allianceId)}/objectives`);
  }

  create(allianceId: string, request: CreateObjectiveRequest): Observable<Objective> {
    return this.http.post<Objective>(`/api/alliances/${enc(allianceId)}/objectives`, request);
  }

  addIndicator(objectiveId: string, request: CreateIndicatorRequest): Observable<Indicator> {
    return this.http.post<Indicator>(`/api/objectives/${enc(objectiveId)}/indicators`, request);
  }

  addMilestone(objectiveId: string, request: CreateMilestoneRequest): Observable<Milestone> {
    return this.http.post<Milestone>(`/api/objectives/${enc(objectiveId)}/milestones`, request);
  }

  setMilestoneDone(milestoneId: string, done: boolean): Observable<Milestone> {
    return this.http.patch<Milestone>(`/api/milestones/${enc(milestoneId)}`, { done });
  }

  setBenefit(objectiveId: string, organisationId: string, squares: MagicSquare[]): Observable<Objective> {
    return this.http.put<Objective>(`/api/objectives/${enc(objectiveId)}/benefits/${enc(organisationId)}`, { squares });
  }

  matrix(allianceId: string): Observable<BenefitMatrix> {
    return this.http.get<BenefitMatrix>(`/api/alliances/${enc(allianceId)}/objectives/matrix`);
  }

  indicator(indicatorId: string): Observable<IndicatorDetail> {
    return this.http.get<IndicatorDetail>(`/api/indicators/${enc(indicatorId)}`);
  }

  /** 201 the first time, 200 when the same id was already recorded (a retry). */
  checkIn(indicatorId: string, attempt: CheckInAttempt): Observable<CheckIn> {
    return this.http.post<CheckIn>(`/api/indicators/${enc(indicatorId)}/checkins`, attempt);
  }

  updateCheckIn(checkInId: string, patch: Partial<CreateCheckInRequest>): Observable<CheckIn> {
    return this.http.patch<CheckIn>(`/api/checkins/${enc(checkInId)}`, patch);
  }

  /** The CSV export, fetched with the access token (a plain link would carry no Bearer header). */
  async exportCsv(allianceId: string): Promise<Blob> {
    const token = this.auth.accessToken();
    const response = await fetch(`/api/alliances/${enc(allianceId)}/objectives/export`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      credentials: 'same-origin',
    });
    if (!response.ok) throw new Error(`export failed: ${response.status}`);
    return response.blob();
  }
}
