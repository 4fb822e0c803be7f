import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Erasing a closed alliance: its charter versions do not cascade from the alliance, so they go first
 * here. Signatures are the legal record (a trigger refuses their deletion): an alliance with any is
 * not erased (false), whatever the retention rule later decided for them.
 */
@Injectable()
export class CharterErasure {
  async eraseAlliance(allianceId: string, manager: EntityManager): Promise<boolean> {
    const signed: unknown[] = await manager.query(`SELECT 1 FROM charter_signatures WHERE alliance_id = $1 LIMIT 1`, [allianceId]);
    if (signed.length) return false;
    await manager.query(`DELETE FROM charter_versions WHERE alliance_id = $1`, [allianceId]);
    return true;
  }
}
