import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditService, decodeCursor, encodeCursor } from '@alliances/api/core';
import { PlatformAdminGuard, UsersReader } from '@alliances/api/identity';
import type { AuditEntry, Page } from '@alliances/shared/contracts';
import { AuditQuery } from './admin.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/audit')
@UseGuards(PlatformAdminGuard)
export class AdminAuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly users: UsersReader,
  ) {}

  /** Newest first, keyset-paginated on (at, id). */
  @Get()
  async list(@Query() query: AuditQuery): Promise<Page<AuditEntry>> {
    const limit = query.limit ?? 50;
    const rows = await this.audit.page(
      { action: query.action, actorId: query.actorId, organisationId: query.organisationId },
      limit + 1,
      query.cursor ? decodeCursor(query.cursor) : undefined,
    );
    const names = await this.users.displayNames(rows.slice(0, limit).map((r) => r.entry.actorId));
    const items = rows.slice(0, limit).map(({ entry: e }) => ({
      id: e.id,
      at: e.at.toISOString(),
      actorId: e.actorId,
      actorName: (e.actorId && names.get(e.actorId)) ?? null,
      action: e.action,
      objectType: e.objectType,
      objectId: e.objectId,
      organisationId: e.organisationId,
      ip: e.ip,
      details: e.details,
    }));
    const last = rows[limit - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.atExact, last.entry.id) : null };
  }
}
