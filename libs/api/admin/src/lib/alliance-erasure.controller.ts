import { Controller, Delete, HttpCode, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AllianceErasure } from '@alliances/api/alliances';
import { CharterErasure } from '@alliances/api/charter';
import { AuditService, ClientIp, CurrentUser, DomainException, IdParam, NotFoundDomainException, type AuthUser } from '@alliances/api/core';
import { DocumentsReader } from '@alliances/api/documents';
import { PlatformAdminGuard } from '@alliances/api/identity';
import { DataSource } from 'typeorm';

/**
 * The platform administrator erases a closed alliance (RGPD, end of retention): its rows in one
 * transaction with the audit entry (every alliance-scoped table cascades from `alliances`; the charter's
 * versions go first), then its stored files once the rows are gone. An alliance with charter
 * signatures (an immutable legal record) is refused with 409 until a retention rule says otherwise.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/alliances')
@UseGuards(PlatformAdminGuard)
export class AllianceErasureController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alliances: AllianceErasure,
    private readonly charter: CharterErasure,
    private readonly documents: DocumentsReader,
    private readonly audit: AuditService,
  ) {}

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Erases a closed alliance, all its data and its files (platform administrator)' })
  async erase(@CurrentUser() user: AuthUser, @Param() { id }: IdParam, @ClientIp() ip: string | null): Promise<void> {
    const keys = await this.dataSource.transaction(async (manager) => {
      const alliance = await this.alliances.lockedStatusOf(id, manager);
      if (!alliance) throw new NotFoundDomainException('alliance');
      if (alliance.status !== 'closed') throw new DomainException('admin.alliance_not_closed', 'Only a closed alliance can be erased');
      const files = await this.documents.storageKeysOf(id, manager);
      if (!(await this.charter.eraseAlliance(id, manager)))
        throw new DomainException('admin.alliance_has_signatures', 'Its charter signatures are a legal record: the alliance is kept');
      await this.alliances.erase(id, manager);
      // Platform-level entry (the alliance and its journal are gone).
      await this.audit.record(
        {
          actorId: user.id,
          action: 'alliance.erased',
          objectType: 'alliance',
          objectId: id,
          ip,
          details: { name: alliance.name, files: files.length },
        },
        manager,
      );
      return files;
    });
    await this.documents.removeStored(keys);
  }
}
