import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AlliancePolicy, notFoundUnlessClosed, type AllianceAccess } from '@alliances/api/alliances';
import { AuditService, DomainException, InvalidInputException, NotFoundDomainException, type AuthUser } from '@alliances/api/core';
import { UsersReader } from '@alliances/api/identity';
import { OrganisationsReader } from '@alliances/api/organisations';
import {
  DOCUMENT_TARGET_TYPES,
  DOCUMENT_VISIBILITIES,
  type AllianceDocument,
  type DocumentDetail,
  type DocumentTarget,
  type DocumentTargetType,
  type DocumentVisibility,
  type FieldError,
} from '@alliances/shared/contracts';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { DocumentStorage } from './document-storage';
import { DocumentTargets } from './document-targets';
import { DocumentEntity, DocumentVersionEntity } from './documents.entities';
import { documentName } from './file-names';
import { FileInspector, RefusedFile, type Inspected } from './file-inspector';

export const MAX_UPLOAD_BYTES = Symbol('MAX_UPLOAD_BYTES');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface StoredFile extends Inspected {
  key: string;
  name: string;
}

interface DocumentRow {
  id: string;
  alliance_id: string;
  organisation_id: string;
  uploaded_by: string | null;
  visibility: DocumentVisibility;
  target_type: DocumentTargetType;
  target_id: string;
  current_version: number;
  created_at: Date;
  updated_at: Date;
  name: string;
  size: string;
  content_type: string;
  sha256: string;
}

/**
 * Documents of an alliance (issue 17, docs/decisions/0024-document-storage.md). Who sees one is
 * decided here only, by its visibility: `alliance` the lead, partners and observers; `organisation`
 * the uploader's organisation; `funders` also the funders. Everyone else gets 404, whatever the id.
 */
@Injectable()
export class DocumentsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Documents');

  constructor(
    // Each upload's rows commit with their audit entry in one transaction.
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AlliancePolicy,
    private readonly audit: AuditService,
    private readonly storage: DocumentStorage,
    private readonly targets: DocumentTargets,
    private readonly organisations: OrganisationsReader,
    private readonly users: UsersReader,
    @Inject(MAX_UPLOAD_BYTES) readonly maxBytes: number,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const removed = await this.storage.sweep();
    if (removed) this.logger.warn(`Removed ${removed} half-written file(s) left by a stopped instance`);
  }

  /** The organisations through which the caller may upload: active lead or partner seats. */
  private writerSeats(access: AllianceAccess): string[] {
    return access.active.filter((s) => s.allianceRole === 'lead' || s.allianceRole === 'partner').map((s) => s.organisationId);
  }

  private canSee(access: AllianceAccess, doc: Pick<DocumentEntity, 'visibility' | 'organisationId'>): boolean {
    if (!access.canRead) return false;
    if (doc.visibility === 'funders') return true;
    if (doc.visibility === 'alliance') return !access.funderOnly;
    return access.active.some((s) => s.organisationId === doc.organisationId);
  }

  private canDelete(access: AllianceAccess, doc: Pick<DocumentEntity, 'organisationId'>): boolean {
    if (access.alliance.status === 'closed') return false;
    return access.canEdit || access.active.some((s) => s.organisationId === doc.organisationId && s.organisationRole === 'admin');
  }

  async upload(user: AuthUser, allianceId: string, request: FastifyRequest, ip: string | null): Promise<DocumentDetail> {
    const access = await this.policy.readable(user, allianceId);
    const writers = this.writerSeats(access);
    if (!writers.length) {
      if (access.funderOnly) throw new NotFoundDomainException('alliance');
      throw new DomainException('document.partner_required', 'Only the lead and the partners add documents');
    }
    const { file, fields } = await this.receive(request, allianceId);
    try {
      const errors: FieldError[] = [];
      const visibility = fields['visibility'] as DocumentVisibility;
      if (!(DOCUMENT_VISIBILITIES as readonly string[]).includes(visibility))
        errors.push({ field: 'visibility', messages: [`one of ${DOCUMENT_VISIBILITIES.join(', ')}`], codes: ['isIn'] });
      const targetType = (fields['targetType'] ?? 'alliance') as DocumentTargetType;
      if (!(DOCUMENT_TARGET_TYPES as readonly string[]).includes(targetType))
        errors.push({ field: 'targetType', messages: [`one of ${DOCUMENT_TARGET_TYPES.join(', ')}`], codes: ['isIn'] });
      const targetId = targetType === 'alliance' ? (fields['targetId'] ?? allianceId) : fields['targetId'];
      if (!targetId || !UUID.test(targetId)) errors.push({ field: 'targetId', messages: ['a UUID'], codes: ['isUuid'] });
      const organisationId = fields['organisationId'] ?? writers[0];
      if (!writers.includes(organisationId))
        errors.push({ field: 'organisationId', messages: ['an organisation you act for as lead or partner'], codes: ['notYours'] });
      if (errors.length) throw new InvalidInputException(errors);
      const target: DocumentTarget = { type: targetType, id: targetId as string };
      await this.targets.check(allianceId, target);
      const id = randomUUID();
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(DocumentEntity, {
          id,
          allianceId,
          organisationId,
          uploadedBy: user.id,
          visibility,
          targetType: target.type,
          targetId: target.id,
          currentVersion: 1,
          updatedAt: new Date(),
        });
        await manager.insert(DocumentVersionEntity, this.versionRow(id, 1, file, organisationId, user.id));
        await this.audit.record(
          {
            actorId: user.id,
            action: 'document.uploaded',
            objectType: 'document',
            objectId: id,
            allianceId,
            organisationId,
            ip,
            details: { name: file.name, size: file.size, contentType: file.contentType, visibility, target },
          },
          manager,
        );
      });
      return this.detail(user, id);
    } catch (error) {
      await this.discard(file.key);
      throw error;
    }
  }

  async addVersion(user: AuthUser, documentId: string, request: FastifyRequest, ip: string | null): Promise<DocumentDetail> {
    const { doc, access } = await this.visible(user, documentId);
    const writers = this.writerSeats(access);
    if (!writers.length) throw new DomainException('document.partner_required', 'Only the lead and the partners add documents');
    const organisationId = writers.includes(doc.organisationId) ? doc.organisationId : writers[0];
    const { file } = await this.receive(request, doc.allianceId);
    try {
      await this.dataSource.transaction(async (manager) => {
        // The row lock orders concurrent new versions: each gets the next number.
        const [locked]: { current_version: number }[] = await manager.query(
          `SELECT current_version FROM documents WHERE id = $1 FOR UPDATE`,
          [documentId],
        );
        if (!locked) throw new NotFoundDomainException('document');
        const version = locked.current_version + 1;
        await manager.insert(DocumentVersionEntity, this.versionRow(documentId, version, file, organisationId, user.id));
        await manager.update(DocumentEntity, { id: documentId }, { currentVersion: version, updatedAt: new Date() });
        await this.audit.record(
          {
            actorId: user.id,
            action: 'document.version_added',
            objectType: 'document',
            objectId: documentId,
            allianceId: doc.allianceId,
            organisationId,
            ip,
            details: { name: file.name, size: file.size, contentType: file.contentType, version },
          },
          manager,
        );
      });
      return this.detail(user, documentId);
    } catch (error) {
      await this.discard(file.key);
      throw error;
    }
  }

  private versionRow(
    documentId: string,
    version: number,
    file: StoredFile,
    organisationId: string,
    userId: string,
  ): Partial<DocumentVersionEntity> {
    return {
      documentId,
      version,
      name: file.name,
      size: String(file.size),
      contentType: file.contentType,
      sha256: file.sha256,
      storageKey: file.key,
      organisationId,
      uploadedBy: userId,
    };
  }

  /**
   * Reads the multipart body: text fields, and one `file` part streamed to the storage through the
   * inspector (limit, SHA-256, type from the bytes). Nothing is kept when any of it fails.
   */
  private async receive(request: FastifyRequest, allianceId: string): Promise<{ file: StoredFile; fields: Record<string, string> }> {
    if (!request.isMultipart?.()) throw new DomainException('document.file_required', 'Send the file as multipart/form-data, field `file`');
    const fields: Record<string, string> = {};
    let file: StoredFile | undefined;
    try {
      for await (const part of request.parts({
        limits: { fileSize: this.maxBytes + 1, files: 1, fields: 10, fieldSize: 1024, parts: 11 },
      })) {
        if (part.type === 'field') {
          if (typeof part.value === 'string') fields[part.fieldname] = part.value;
          continue;
        }
        if (part.fieldname !== 'file' || file) {
          part.file.resume();
          continue;
        }
        file = await this.store(part, allianceId);
      }
    } catch (error) {
      if (file) await this.discard(file.key);
      throw uploadError(error);
    }
    if (!file) throw new DomainException('document.file_required', 'Send the file as multipart/form-data, field `file`');
    return { file, fields };
  }

  private async store(part: MultipartFile, allianceId: string): Promise<StoredFile> {
    const name = documentName(part.filename);
    if (!name) {
      part.file.resume();
      throw new DomainException('document.bad_name', 'The file name holds control characters or no name at all', [
        { field: 'file', messages: ['a file name without control characters'], codes: ['badName'] },
      ]);
    }
    const inspector = new FileInspector(this.maxBytes, name);
    part.file.on('error', (error) => inspector.destroy(error));
    // busboy ends a file at the limit (marking it truncated) rather than failing it.
    part.file.on('limit', () => inspector.destroy(new RefusedFile('document.too_large', `A file is at most ${this.maxBytes} bytes`)));
    const body: Readable = part.file.pipe(inspector);
    let key: string;
    try {
      key = await this.storage.put(body, allianceId, 'application/octet-stream');
    } catch (error) {
      part.file.resume();
      // The inspector's own failure (too large, wrong type) is the cause, whatever the storage says.
      throw uploadError(inspector.errored ?? error);
    }
    if (part.file.truncated) {
      await this.discard(key);
      throw new DomainException('document.too_large', `A file is at most ${this.maxBytes} bytes`);
    }
    return { key, name, ...inspector.result() };
  }

  private async discard(key: string): Promise<void> {
    await this.storage.delete(key).catch((error: unknown) => this.logger.error(`Could not remove stored file ${key}: ${String(error)}`));
  }

  async list(user: AuthUser, allianceId: string, target?: { type?: DocumentTargetType; id?: string }): Promise<AllianceDocument[]> {
    const access = await this.policy.readable(user, allianceId);
    const rows: DocumentRow[] = await this.dataSource.query(
      `${SELECT_DOCUMENTS} WHERE d.alliance_id = $1 AND ($2::text IS NULL OR d.target_type = $2) AND ($3::uuid IS NULL OR d.target_id = $3)
        ORDER BY d.updated_at DESC, d.id`,
      [allianceId, target?.type ?? null, target?.id ?? null],
    );
    return this.toDocuments(
      access,
      rows.filter((r) => this.canSee(access, { visibility: r.visibility, organisationId: r.organisation_id })),
    );
  }

  async detail(user: AuthUser, documentId: string): Promise<DocumentDetail> {
    const { access } = await this.visible(user, documentId);
    const rows: DocumentRow[] = await this.dataSource.query(`${SELECT_DOCUMENTS} WHERE d.id = $1`, [documentId]);
    const [document] = await this.toDocuments(access, rows);
    const versions = await this.dataSource.manager.find(DocumentVersionEntity, { where: { documentId }, order: { version: 'DESC' } });
    const names = await this.users.displayNames(versions.map((v) => v.uploadedBy));
    return {
      ...document,
      versions: versions.map((v) => ({
        version: v.version,
        name: v.name,
        size: Number(v.size),
        contentType: v.contentType,
        sha256: v.sha256,
        organisationId: v.organisationId,
        uploadedBy: v.uploadedBy ? { id: v.uploadedBy, name: names.get(v.uploadedBy) ?? '' } : null,
        createdAt: v.createdAt.toISOString(),
      })),
    };
  }

  /** A version's bytes (the current one by default) with what the download's headers need. */
  async content(
    user: AuthUser,
    documentId: string,
    version?: number,
  ): Promise<{ stream: Readable; name: string; size: number; contentType: string; sha256: string }> {
    const { doc } = await this.visible(user, documentId);
    const row = await this.dataSource.manager.findOne(DocumentVersionEntity, {
      where: { documentId, version: version ?? doc.currentVersion },
    });
    if (!row) throw new NotFoundDomainException('document');
    const stream = await this.storage.get(row.storageKey).catch((error: unknown) => {
      this.logger.error(`Stored file ${row.storageKey} of document ${documentId} is unreadable: ${String(error)}`);
      throw new DomainException('document.storage_unavailable', 'The file cannot be read right now');
    });
    return { stream, name: row.name, size: Number(row.size), contentType: row.contentType, sha256: row.sha256 };
  }

  async remove(user: AuthUser, documentId: string, ip: string | null): Promise<void> {
    const { doc, access } = await this.visible(user, documentId);
    if (!this.canDelete(access, doc))
      throw new DomainException('document.delete_forbidden', "Only an admin of the uploader's organisation or the lead deletes a document");
    const keys = await this.dataSource.transaction(async (manager) => {
      const versions = await manager.find(DocumentVersionEntity, { select: { storageKey: true, name: true }, where: { documentId } });
      await manager.delete(DocumentEntity, { id: documentId });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'document.deleted',
          objectType: 'document',
          objectId: documentId,
          allianceId: doc.allianceId,
          organisationId: doc.organisationId,
          ip,
          details: { name: versions[0]?.name, versions: versions.length },
        },
        manager,
      );
      return versions.map((v) => v.storageKey);
    });
    // The rows went first: no row ever points at a missing file; a failed removal leaves an orphan file, logged.
    for (const key of keys) await this.discard(key);
  }

  /** The document when the caller may see it, else 404 (a closed alliance's 409 on a write passes through). */
  private async visible(user: AuthUser, documentId: string): Promise<{ doc: DocumentEntity; access: AllianceAccess }> {
    const doc = UUID.test(documentId) ? await this.dataSource.manager.findOne(DocumentEntity, { where: { id: documentId } }) : null;
    if (!doc) throw new NotFoundDomainException('document');
    const access = await this.policy.readable(user, doc.allianceId).catch(notFoundUnlessClosed('document'));
    if (!this.canSee(access, doc)) throw new NotFoundDomainException('document');
    return { doc, access };
  }

  private async toDocuments(access: AllianceAccess, rows: DocumentRow[]): Promise<AllianceDocument[]> {
    const [organisations, users] = await Promise.all([
      this.organisations.names(rows.map((r) => r.organisation_id)),
      this.users.displayNames(rows.map((r) => r.uploaded_by)),
    ]);
    const orgName = new Map(organisations.map((o) => [o.id, o.name]));
    const writers = this.writerSeats(access);
    const open = access.alliance.status !== 'closed';
    return rows.map((r) => ({
      id: r.id,
      allianceId: r.alliance_id,
      name: r.name,
      size: Number(r.size),
      contentType: r.content_type,
      sha256: r.sha256,
      version: r.current_version,
      visibility: r.visibility,
      target: { type: r.target_type, id: r.target_id },
      organisationId: r.organisation_id,
      organisationName: orgName.get(r.organisation_id) ?? '',
      uploadedBy: r.uploaded_by ? { id: r.uploaded_by, name: users.get(r.uploaded_by) ?? '' } : null,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
      canAddVersion: open && writers.length > 0,
      canDelete: this.canDelete(access, { organisationId: r.organisation_id }),
    }));
  }
}

const SELECT_DOCUMENTS = `SELECT d.id, d.alliance_id, d.organisation_id, d.uploaded_by, d.visibility, d.target_type, d.target_id, d.current_version,
       d.created_at, d.updated_at, v.name, v.size, v.content_type, v.sha256
  FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version`;

/** The multipart layer's own failures, in the catalogue's words. */
function uploadError(error: unknown): unknown {
  if (error instanceof DomainException) return error;
  if (error instanceof RefusedFile) return new DomainException(error.code, error.message);
  const code = (error as { code?: string })?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new DomainException('document.too_large', 'The file is over the limit');
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new InvalidInputException([{ field: 'file', messages: ['one file and a few fields'], codes: ['tooManyParts'] }]);
  if (
    code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' ||
    /multipart|Unexpected end of form|terminated early/i.test(String((error as Error)?.message))
  )
    return new DomainException('validation.malformed', 'The multipart body is malformed');
  return error;
}
