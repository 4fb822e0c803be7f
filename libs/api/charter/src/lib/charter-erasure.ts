import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Erasing a closed alliance: its charter versions and signatures are kept while the alliance exists
 * (their foreign key does not cascade, so no other path removes the legal record); they go first here.
 */
@Injectable()
export class CharterErasure {
  async eraseAlliance(allianceId: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM charter_signatures WHERE alliance_id = $1`, [allianceId]);
    await manager.query(`DELETE FROM charter_versions WHERE alliance_id = $1`, [allianceId]);
  }
}
