/** Commentaires et notifications (docs/domain.md "Comments and notifications"; docs/api.md "Comments and notifications", "Realtime"). */

export const COMMENT_TARGET_TYPES = [
  'charter_passage',
  'charter_section',
  'objective',
  'indicator',
  'evaluation_question',
  'evaluation_result',
  'alliance',
  // A passage of a meeting's minutes (issue 17): id = the meeting's id, anchor.section = 'minutes'.
  'minutes',
] as const;
export type CommentTargetType = (typeof COMMENT_TARGET_TYPES)[number];

export const MAX_COMMENT_LENGTH = 10_000;

/** A text range of the live charter, as Yjs relative positions (base64), so it follows edits. */
export interface CharterAnchor {
  section: string;
  start: string;
  end: string;
  /** The passage as it read when the thread was opened. */
  quote: string;
}

export interface CommentTarget {
  type: CommentTargetType;
  /** The object's id; for a charter passage or section, the section key. */
  id: string;
  anchor?: CharterAnchor;
}

export interface Comment {
  id: string;
  allianceId: string;
  /** Monotonic per alliance; every change of a comment takes a new one. */
  seq: number;
  target: CommentTarget;
  parentId: string | null;
  author: { id: string | null; displayName: string; formerMember: boolean };
  /** Markdown as written; null once deleted (the tombstone stays in the thread). */
  body: string | null;
  /** Safe HTML rendered from the Markdown (no raw HTML, safe links only). */
  bodyHtml: string | null;
  mentions: string[];
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  /** For charter passages: whether the anchored text still exists. */
  anchorState?: 'ok' | 'deleted';
}

export interface CreateCommentRequest {
  /** Client-generated UUID: a retry with the same id returns the original (200), never a second comment. */
  id?: string;
  allianceId: string;
  target: CommentTarget;
  body: string;
  parentId?: string;
  /** Ids of people of the alliance mentioned with @. */
  mentions?: string[];
}

export interface UpdateCommentRequest {
  body: string;
  mentions?: string[];
}

export interface CommentsPage {
  items: Comment[];
  /** The highest sequence included: pass it back as `since` to catch up. */
  lastSeq: number;
}

export interface PresenceEntry {
  userId: string;
  displayName: string;
}

export type NotificationType =
  | 'mention'
  | 'reply'
  | 'charter_version_proposed'
  | 'signature_awaited'
  | 'evaluation_launched'
  // Proposals and introductions between organisations (issue 14).
  | 'proposal_received'
  | 'proposal_accepted'
  | 'proposal_declined'
  | 'introduction_received'
  // Notifications people control (issue 16).
  | 'indicator_at_risk'
  | 'report_due'
  | 'charter_in_force'
  | 'evaluation_closing'
  | 'action_due'
  // Meetings (issue 17): an organisation of the person is invited to a meeting.
  | 'meeting_scheduled';

export interface Notification {
  id: string;
  type: NotificationType;
  allianceId: string | null;
  allianceName: string | null;
  commentId: string | null;
  actorName: string | null;
  excerpt: string | null;
  link: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationsPage {
  items: Notification[];
  unread: number;
  nextCursor: string | null;
}

export interface MentionCandidate {
  userId: string;
  displayName: string;
  organisationName: string;
}

/** socket.io namespace `/live`. */
export interface LiveServerToClientEvents {
  'comment:created': (comment: Comment) => void;
  'comment:updated': (comment: Comment) => void;
  'comment:deleted': (comment: Comment) => void;
  'comment:resolved': (comment: Comment) => void;
  presence: (event: { allianceId: string; viewers: PresenceEntry[] }) => void;
  'comment:typing': (event: { allianceId: string; target: { type: CommentTargetType; id: string }; user: PresenceEntry }) => void;
  'notification:unread': (event: { unread: number }) => void;
}

export interface LiveClientToServerEvents {
  'alliance:join': (request: { allianceId: string }, ack: (answer: { ok: true; lastSeq: number } | { error: string }) => void) => void;
  'alliance:leave': (request: { allianceId: string }) => void;
  'comment:typing': (event: { allianceId: string; target: { type: CommentTargetType; id: string } }) => void;
}

/** What every socket.io client socket hears besides its namespace's events. */
export interface SocketLifecycleEvents {
  connect: () => void;
  disconnect: (reason: string) => void;
  connect_error: (error: Error) => void;
}

/** A namespace's server events as a client listens to them, lifecycle included. */
export type ClientListenEvents<ServerToClient> = ServerToClient & SocketLifecycleEvents;
