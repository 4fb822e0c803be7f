import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditEvent {
  actorId: string | null;
  action: string;
  objectType: string;
  objectId?: string | null;
  organisationId?: string | null;
  allianceId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends an entry; pass the transaction's manager so the entry commits with the change it records. */
  async record(event: AuditEvent, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.insert(AuditEntryEntity, {
      actorId: event.actorId,
      action: event.action,
      objectType: event.objectType,
      objectId: event.objectId ?? null,
      organisationId: event.organisationId ?? null,
      allianceId: event.allianceId ?? null,
      ip: event.ip ?? null,
      details: event.details ?? null,
    });
  }

  /** The details of every entry of `action` in the alliance, for domains that read their own history (one statement). */
  async detailsOf(allianceId: string, action: string): Promise<Record<string, unknown>[]> {
    const rows = await this.dataSource.manager.find(AuditEntryEntity, { select: { details: true }, where: { allianceId, action } });
    return rows.map((r) => r.details ?? {});
  }
}
