/**
 * Meetings of an alliance, their attendance and their minutes co-written live (issue 17; docs/api.md "Meetings",
 * docs/decisions/0022-live-documents.md). Times are ISO 8601 instants.
 */

export const MEETING_STATUSES = ['scheduled', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** draft: written live; final: a frozen version awaits the organisations' approvals (live doc read-only); approved: frozen for good. */
export const MINUTES_STATUSES = ['draft', 'final', 'approved'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

export const MAX_AGENDA_ITEMS = 50;

export interface AgendaItem {
  title: string;
  notes?: string;
}

export interface MeetingPerson {
  userId: string;
  displayName: string;
}

/** An invited organisation, with its attendance once one of its people recorded it. */
export interface MeetingInvitee {
  organisationId: string;
  organisationName: string;
  /** Its role in the alliance (lead, partner, observer). */
  allianceRole: string;
  /** Null until attendance is recorded for this organisation. */
  present: MeetingPerson[] | null;
  attendanceSetAt: string | null;
  /** The caller represents this organisation: may record its attendance and approve the minutes for it. */
  canRepresent: boolean;
}

export interface Meeting {
  id: string;
  allianceId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  videoUrl: string | null;
  agenda: AgendaItem[];
  status: MeetingStatus;
  minutesStatus: MinutesStatus;
  /** Optimistic concurrency: send it back in `PATCH /api/meetings/:id`. */
  version: number;
  invited: MeetingInvitee[];
  createdBy: MeetingPerson | null;
  createdAt: string;
  updatedAt: string;
  /** The caller may edit, cancel and finalise (a lead or partner of the open alliance). */
  canEdit: boolean;
}

/** `GET /api/alliances/:id/meetings`: upcoming (not ended yet, soonest first) and past (latest first). */
export interface MeetingList {
  upcoming: Meeting[];
  past: Meeting[];
}

/** `POST /api/alliances/:id/meetings`. Without `invitedOrganisationIds`, every active lead and partner organisation. */
export interface CreateMeetingRequest {
  title: string;
  startsAt: string;
  endsAt: string;
  location?: string | null;
  videoUrl?: string | null;
  agenda: AgendaItem[];
  invitedOrganisationIds?: string[];
}

/** `PATCH /api/meetings/:id`: any subset, with the `version` read (409 `meeting.stale_version` when stale). */
export interface UpdateMeetingRequest extends Partial<CreateMeetingRequest> {
  version?: number;
}

/** `POST /api/meetings/:id/attendance`: the people of `organisationId` who were present (replaces the previous list). */
export interface SetAttendanceRequest {
  organisationId: string;
  present: string[];
}

/** A frozen version of the minutes: Markdown rendered from the live document, and its SHA-256 (hex) over UTF-8. */
export interface MinutesVersion {
  version: number;
  text: string;
  sha256: string;
  createdAt: string;
  createdBy: MeetingPerson | null;
}

export interface MinutesApproval {
  organisationId: string;
  organisationName: string;
  approvedBy: MeetingPerson | null;
  approvedAt: string;
  sha256: string;
}

/** `GET /api/meetings/:id/minutes`. */
export interface Minutes {
  meetingId: string;
  allianceId: string;
  status: MinutesStatus;
  /** The version being approved (final) or approved; the latest frozen one after a reopening; null before any. */
  current: MinutesVersion | null;
  /** Approvals of `current` (none while draft). */
  approvals: MinutesApproval[];
  /** Invited lead/partner organisations whose approval is still awaited. */
  awaiting: string[];
  /** The caller may finalise / reopen. */
  canFinalise: boolean;
  /** Organisations the caller may approve for (invited leads/partners they represent, not yet approved). */
  approveFor: string[];
}

/** `POST /api/meetings/:id/minutes/approve`: `sha256` of the version read (409 `minutes.hash_mismatch` otherwise). */
export interface ApproveMinutesRequest {
  sha256: string;
  /** Needed only when the caller represents several invited organisations. */
  organisationId?: string;
}

/** The name of the one `Y.XmlFragment` of a meeting's minutes document. */
export const MINUTES_FRAGMENT = 'minutes';

/**
 * Socket.io namespace `/collab` (same connection and `yjs:sync`/`yjs:awareness` protocol as the charter,
 * CONTRACT.md "Live charter protocol"): `minutes:join` opens a meeting's minutes; an outsider, a funder and
 * an unknown id all get `{ error: 'not_found' }`. `readOnly` for observers and once the minutes are final or approved.
 */
export interface MinutesClientToServerEvents {
  'minutes:join': (request: { meetingId: string }, ack: (answer: { ok: true; readOnly: boolean } | { error: string }) => void) => void;
  'minutes:leave': (request: { meetingId: string }) => void;
}

export interface MinutesServerToClientEvents {
  /** `minutes.read_only`, `minutes.update_too_large`. */
  'minutes:error': (error: { code: string; message: string }) => void;
}
