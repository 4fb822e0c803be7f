/**
 * Documents of an alliance (issue 17): files uploaded to the alliance, a meeting, a grant report or a
 * comment, with versions and a visibility. The API recognises the type from the bytes, never from the
 * name or the Content-Type the browser sends (docs/decisions/0024-document-storage.md).
 */
export const DOCUMENT_VISIBILITIES = ['alliance', 'organisation', 'funders'] as const;
/** `alliance`: the lead, partners and observers; `organisation`: the uploader's organisation only; `funders`: also the funders. */
export type DocumentVisibility = (typeof DOCUMENT_VISIBILITIES)[number];

export const DOCUMENT_TARGET_TYPES = ['alliance', 'meeting', 'grant_report', 'comment'] as const;
export type DocumentTargetType = (typeof DOCUMENT_TARGET_TYPES)[number];

export interface DocumentTarget {
  type: DocumentTargetType;
  id: string;
}

/** Types accepted, as the API stores them (detected from the bytes; text is checked to be UTF-8 without control characters). */
export const DOCUMENT_CONTENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain',
  'text/csv',
] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

/** The upload limit when `MAX_UPLOAD_BYTES` is unset: 100 MB. */
export const DEFAULT_MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

export interface DocumentVersion {
  version: number;
  name: string;
  size: number;
  contentType: string;
  sha256: string;
  organisationId: string;
  uploadedBy: { id: string; name: string } | null;
  createdAt: string;
}

/** A document as lists show it: its current version's file, who may see it, what it is attached to. */
export interface AllianceDocument {
  id: string;
  allianceId: string;
  name: string;
  size: number;
  contentType: string;
  sha256: string;
  version: number;
  visibility: DocumentVisibility;
  target: DocumentTarget;
  organisationId: string;
  organisationName: string;
  uploadedBy: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
  /** The caller may upload a new version (a partner of the uploader's organisation, the alliance open). */
  canAddVersion: boolean;
  /** The caller may delete it (an admin of the uploader's organisation, or of the lead). */
  canDelete: boolean;
}

export interface DocumentDetail extends AllianceDocument {
  /** Newest first. */
  versions: DocumentVersion[];
}

/** The multipart fields sent with the file (text fields before the `file` part). */
export interface UploadDocumentFields {
  visibility: DocumentVisibility;
  targetType?: DocumentTargetType;
  targetId?: string;
  /** The organisation the caller uploads for, when they act for several in the alliance. */
  organisationId?: string;
}
