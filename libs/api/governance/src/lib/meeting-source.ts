import { Injectable } from '@nestjs/common';
import { MeetingsReader } from '@alliances/api/meetings';

/** What a decision or an action needs of the meeting it comes from. */
export interface MeetingRef {
  id: string;
  allianceId: string;
  title: string | null;
}

/** The one place governance asks the meetings domain about a meeting (through its reader). */
@Injectable()
export class MeetingSource {
  constructor(private readonly meetings: MeetingsReader) {}

  /** The meeting when it is one of this alliance's, else undefined (→ 400 naming the field). */
  async meetingIn(allianceId: string, meetingId: string): Promise<MeetingRef | undefined> {
    const meeting = await this.meetings.meetingOf(meetingId);
    return meeting?.allianceId === allianceId ? { id: meeting.id, allianceId, title: meeting.title } : undefined;
  }

  /** The titles of meetings that actions came from. */
  titles(meetingIds: string[]): Promise<Map<string, string>> {
    return this.meetings.titles(meetingIds);
  }
}
