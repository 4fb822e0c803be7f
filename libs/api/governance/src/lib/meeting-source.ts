import { Injectable } from '@nestjs/common';

/** What a decision or an action needs of the meeting it comes from. */
export interface MeetingRef {
  id: string;
  allianceId: string;
  title: string | null;
}

/**
 * The one place governance asks the meetings domain about a meeting. Until the meetings lib is merged a
 * well-formed id (the DTOs check the UUID) is taken as given, with no title.
 * TODO(issue 17): inject `MeetingsReader` and make `meetingIn` return
 * `this.meetings.meetingOf(meetingId).then((m) => (m?.allianceId === allianceId ? m : undefined))`
 * (`MeetingsReader.meetingOf(meetingId) → {id, allianceId, title, startsAt} | undefined`).
 */
@Injectable()
export class MeetingSource {
  /** The meeting when it is one of this alliance's, else undefined (→ 400 naming the field). */
  async meetingIn(allianceId: string, meetingId: string): Promise<MeetingRef | undefined> {
    return { id: meetingId, allianceId, title: null };
  }
}
