import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Alliance,
  ApproveMinutesRequest,
  CreateMeetingRequest,
  Meeting,
  MeetingList,
  Minutes,
  OrganisationMember,
  SetAttendanceRequest,
} from '@alliances/shared/contracts';
import { Observable } from 'rxjs';

const enc = encodeURIComponent;

/** Réunions: an alliance's meetings, their attendance and the approval of their minutes (the text itself is live, see MinutesConnection). */
@Injectable({ providedIn: 'root' })
export class MeetingsApi {
  private readonly http = inject(HttpClient);

  /** The alliance: its members (who may be invited) and the caller's roles. */
  alliance(allianceId: string): Observable<Alliance> {
    return this.http.get<Alliance>(`/api/alliances/${enc(allianceId)}`);
  }

  meetings(allianceId: string): Observable<MeetingList> {
    return this.http.get<MeetingList>(`/api/alliances/${enc(allianceId)}/meetings`);
  }

  schedule(allianceId: string, request: CreateMeetingRequest): Observable<Meeting> {
    return this.http.post<Meeting>(`/api/alliances/${enc(allianceId)}/meetings`, request);
  }

  meeting(meetingId: string): Observable<Meeting> {
    return this.http.get<Meeting>(`/api/meetings/${enc(meetingId)}`);
  }

  /** Cancels a scheduled meeting (it stays listed, marked cancelled); answers with the meeting. */
  cancel(meetingId: string): Observable<Meeting> {
    return this.http.post<Meeting>(`/api/meetings/${enc(meetingId)}/cancel`, {});
  }

  /** The meeting as an iCalendar file (text/calendar), for one's own calendar. */
  ics(meetingId: string): Observable<Blob> {
    return this.http.get(`/api/meetings/${enc(meetingId)}/ics`, { responseType: 'blob' });
  }

  /** Replaces the list of the organisation's people who were present; answers with the meeting. */
  setAttendance(meetingId: string, request: SetAttendanceRequest): Observable<Meeting> {
    return this.http.post<Meeting>(`/api/meetings/${enc(meetingId)}/attendance`, request);
  }

  /** The people of an organisation the caller belongs to: whom its attendance can list. */
  people(organisationId: string): Observable<OrganisationMember[]> {
    return this.http.get<OrganisationMember[]>(`/api/organisations/${enc(organisationId)}/members`);
  }

  minutes(meetingId: string): Observable<Minutes> {
    return this.http.get<Minutes>(`/api/meetings/${enc(meetingId)}/minutes`);
  }

  /** Freezes the live text as a version (SHA-256) the organisations approve; the live document turns read-only. */
  finalise(meetingId: string): Observable<Minutes> {
    return this.http.post<Minutes>(`/api/meetings/${enc(meetingId)}/minutes/finalise`, {});
  }

  /** Back to a live draft: final minutes not yet approved by every organisation. */
  reopen(meetingId: string): Observable<Minutes> {
    return this.http.post<Minutes>(`/api/meetings/${enc(meetingId)}/minutes/reopen`, {});
  }

  approve(meetingId: string, request: ApproveMinutesRequest): Observable<Minutes> {
    return this.http.post<Minutes>(`/api/meetings/${enc(meetingId)}/minutes/approve`, request);
  }
}
