import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CatalystTerritoryEntity } from './proposal.entity';

/** Read access to the territorial catalysts' grants for other domains (docs/decisions/0012-table-ownership.md). */
@Injectable()
export class CatalystsReader {
  constructor(@InjectRepository(CatalystTerritoryEntity) private readonly territories: Repository<CatalystTerritoryEntity>) {}

  /** The départements and régions (`R84`) granted to the organisation; empty when it is no catalyst. */
  async areasOf(organisationId: string): Promise<string[]> {
    const rows = await this.territories.find({ where: { organisationId }, order: { territoryCode: 'ASC' } });
    return rows.map((r) => r.territoryCode);
  }
}
