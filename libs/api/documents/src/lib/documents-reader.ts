import { Injectable, Logger } from '@nestjs/common';
import { AlliancesReader } from '@alliances/api/alliances';
import { DataSource, type EntityManager } from 'typeorm';
import { DocumentStorage } from './document-storage';

/** A file the person uploaded, as their RGPD export lists it. */
export interface UploadedFile {
  name: string;
  size: number;
  contentType: string;
  allianceId: string;
  allianceName: string;
  version: number;
  uploadedAt: string;
}

/** Read access to documents for other domains: the account's RGPD export, an alliance's erasure. */
@Injectable()
export class DocumentsReader {
  private readonly logger = new Logger('Documents');

  constructor(
    private readonly dataSource: DataSource,
    private readonly alliances: AlliancesReader,
    private readonly storage: DocumentStorage,
  ) {}

  /** Every version the person uploaded (name, size, alliance, date), oldest first, in one statement. */
  async uploadsOf(userId: string): Promise<UploadedFile[]> {
    const rows: { name: string; size: string; content_type: string; alliance_id: string; version: number; created_at: Date }[] =
      await this.dataSource.query(
        `SELECT v.name, v.size, v.content_type, d.alliance_id, v.version, v.created_at
           FROM document_versions v JOIN documents d ON d.id = v.document_id
          WHERE v.uploaded_by = $1 ORDER BY v.created_at, v.document_id, v.version`,
        [userId],
      );
    const names = await this.alliances.names(rows.map((r) => r.alliance_id));
    return rows.map((r) => ({
      name: r.name,
      size: Number(r.size),
      contentType: r.content_type,
      allianceId: r.alliance_id,
      allianceName: names.get(r.alliance_id) ?? '',
      version: r.version,
      uploadedAt: r.created_at.toISOString(),
    }));
  }

  /** The storage keys of every file of an alliance, read in the erasing transaction before its rows go. */
  async storageKeysOf(allianceId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { storage_key: string }[] = await manager.query(
      `SELECT v.storage_key FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE d.alliance_id = $1`,
      [allianceId],
    );
    return rows.map((r) => r.storage_key);
  }

  /** Removes stored files once their rows are gone (after the erasing transaction committed); returns how many failed. */
  async removeStored(keys: string[]): Promise<number> {
    let failed = 0;
    for (const key of keys)
      await this.storage.delete(key).catch((error: unknown) => {
        failed++;
        this.logger.error(`Could not remove stored file ${key}: ${String(error)}`);
      });
    return failed;
  }
}
