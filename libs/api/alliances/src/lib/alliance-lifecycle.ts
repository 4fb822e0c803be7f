import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The alliance's status moves with its charter (docs/domain.md "Charter lifecycle"): the charter domain
 * calls these inside its own transaction instead of writing the `alliances` table itself
 * (docs/decisions/0012-table-ownership.md).
 */
@Injectable()
export class AllianceLifecycle {
  /** A first version is proposed: a draft alliance starts chartering. */
  async charterProposed(manager: EntityManager, allianceId: string): Promise<void> {
    await manager.query(`UPDATE alliances SET status = 'chartering', updated_at = now() WHERE id = $1 AND status = 'draft'`, [allianceId]);
  }

  /** Every partner signed `version`: it is in force, and a draft or chartering alliance becomes active. */
  async charterInForce(manager: EntityManager, allianceId: string, version: number): Promise<void> {
    await manager.query(
      `UPDATE alliances SET in_force_version = $2, status = CASE WHEN status IN ('draft', 'chartering') THEN 'active' ELSE status END, updated_at = now() WHERE id = $1`,
      [allianceId, version],
    );
  }
}
