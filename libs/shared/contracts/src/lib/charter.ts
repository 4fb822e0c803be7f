/** Charte d'alliance (docs/domain.md "Charter"; docs/api.md "Charter", "Realtime"). */

/** Section keys, in order; each is one `Y.XmlFragment` of the live document, named by its key. */
export const CHARTER_SECTION_KEYS = [
  'context',
  'common_objective',
  'partners',
  'values',
  'governance',
  'resources',
  'evaluation',
  'communication',
  'duration',
] as const;
export type CharterSectionKey = (typeof CHARTER_SECTION_KEYS)[number];

export interface CharterSection {
  key: CharterSectionKey;
  title: string;
  markdown: string;
}

export type CharterState = 'draft' | 'proposed' | 'in_force' | 'amending';

export interface Charter {
  sections: CharterSection[];
  /** Number of updates applied to the live draft so far: changes whenever anyone edits. */
  draftRevision: number;
  /** The version number in force, or null before every partner has signed one. */
  inForceVersion: number | null;
  state: CharterState;
  latestVersion: number | null;
}

export interface CharterVersionSummary {
  version: number;
  sha256: string;
  createdAt: string;
  createdBy: { id: string | null; displayName: string | null };
  status: 'awaiting_signatures' | 'in_force' | 'superseded' | 'changes_requested';
  signatures: SignatureSummary[];
}

export interface CharterVersion extends CharterVersionSummary {
  sections: CharterSection[];
}

export interface SignatureSummary {
  organisationId: string;
  organisationName: string;
  kind: 'signed' | 'changes_requested';
  signerName: string | null;
  comment: string | null;
  at: string;
}

export interface SignatureBoardRow {
  organisationId: string;
  organisationName: string;
  role: 'lead' | 'partner';
  /** Latest version this organisation signed, if any. */
  lastSignedVersion: number | null;
  /** State for the latest version: signed, changes requested or awaited. */
  latest: 'signed' | 'changes_requested' | 'awaited';
}

export interface SignatureBoard {
  latestVersion: number | null;
  inForceVersion: number | null;
  rows: SignatureBoardRow[];
}

export interface ProposeVersionResponse {
  version: number;
  sha256: string;
  createdAt: string;
}

export interface SignRequest {
  organisationId: string;
  sha256: string;
}

export interface RequestChangesRequest {
  organisationId: string;
  comment: string;
}

export interface SectionDiff {
  key: CharterSectionKey;
  title: string;
  changed: boolean;
  /** Line-level diff of the section's Markdown. */
  parts: { kind: 'same' | 'added' | 'removed'; text: string }[];
}

export interface CharterDiff {
  from: number;
  to: number | 'draft';
  sections: SectionDiff[];
}

/** Socket.io namespace `/collab`. Binary payloads are y-protocols messages (no outer type byte). */
export interface CollabServerToClientEvents {
  'yjs:sync': (payload: Uint8Array) => void;
  'yjs:awareness': (payload: Uint8Array) => void;
  'charter:error': (error: { code: string; message: string }) => void;
}

export interface CollabClientToServerEvents {
  'charter:join': (request: { allianceId: string }, ack: (answer: { ok: true; readOnly: boolean } | { error: string }) => void) => void;
  'charter:leave': (request: { allianceId: string }) => void;
  'yjs:sync': (payload: Uint8Array, ack?: (answer: { ok: true } | { error: string }) => void) => void;
  'yjs:awareness': (payload: Uint8Array) => void;
}

/** Largest Yjs update a client may send in one message. */
export const MAX_CHARTER_UPDATE_BYTES = 256 * 1024;
