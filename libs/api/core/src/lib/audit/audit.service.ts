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

  /** RGPD export: what the person did, and what was done to their account (role changes, failed sign-ins…), oldest first. */
  trailOf(userId: string): Promise<unknown[]> {
    return this.dataSource.query(
      `SELECT at, action, object_type, object_id, organisation_id, ip, details FROM audit_log
          WHERE actor_id = $1 OR (object_type = 'user' AND object_id = $1) ORDER BY at`,
      [userId],
    );
  }

  /** Entries newest first, keyset on (at, id), with the exact instant the cursor needs; `limit` rows. */
  page(
    filters: { action?: string; actorId?: string; organisationId?: string },
    limit: number,
    after?: { at: string; id: string },
  ): Promise<{ entry: AuditEntryEntity; atExact: string }[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(AuditEntryEntity, 'a')
      // The cursor needs the timestamp to the microsecond: a JS Date (milliseconds) would skip entries.
      .addSelect(`to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'at_exact')
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit);
    if (filters.action) qb.andWhere('a.action = :action', { action: filters.action });
    if (filters.actorId) qb.andWhere('a.actorId = :actorId', { actorId: filters.actorId });
    if (filters.organisationId) qb.andWhere('a.organisationId = :organisationId', { organisationId: filters.organisationId });
    if (after) qb.andWhere('(a.at, a.id) < (:at, :id)', { at: after.at, id: after.id });
    return qb
      .getRawAndEntities()
      .then(({ entities, raw }) => entities.map((entry, i) => ({ entry, atExact: (raw[i] as { at_exact: string }).at_exact })));
  }
}
