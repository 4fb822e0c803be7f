import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditEntryEntity, decodeCursor } from '@alliances/api/core';
import { PlatformAdminGuard } from '@alliances/api/identity';
import type { AuditEntry, Page } from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';
import { AuditQuery } from './admin.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/audit')
@UseGuards(PlatformAdminGuard)
export class AdminAuditController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first, keyset-paginated on (at, id). */
  @Get()
  async list(@Query() query: AuditQuery): Promise<Page<AuditEntry>> {
    const limit = query.limit ?? 50;
    const qb = this.dataSource.manager
      .createQueryBuilder(AuditEntryEntity, 'a')
      .leftJoin('users', 'u', 'u.id = a.actor_id')
      .addSelect('u.display_name', 'actor_name')
      // The cursor needs the timestamp to the microsecond: a JS Date (milliseconds) would skip entries.
      .addSelect(`to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'at_exact')
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit + 1);
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.actorId) qb.andWhere('a.actorId = :actorId', { actorId: query.actorId });
    if (query.organisationId) qb.andWhere('a.organisationId = :organisationId', { organisationId: query.organisationId });
    if (query.cursor) {
      const { at, id } = decodeCursor(query.cursor);
      qb.andWhere('(a.at, a.id) < (:at, :id)', { at, id });
    }
    const { entities, raw } = await qb.getRawAndEntities();
    const items = entities.slice(0, limit).map((e, i) => ({
      id: e.id,
      at: e.at.toISOString(),
      actorId: e.actorId,
      actorName: (raw[i] as { actor_name?: string }).actor_name ?? null,
      action: e.action,
      objectType: e.objectType,
      objectId: e.objectId,
      organisationId: e.organisationId,
      ip: e.ip,
      details: e.details,
    }));
    const last = entities[limit - 1];
    const lastAt = (raw[limit - 1] as { at_exact?: string } | undefined)?.at_exact;
    return { items, nextCursor: entities.length > limit && last && lastAt ? Buffer.from(`${lastAt}|${last.id}`).toString('base64url') : null };
  }
}
