import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Erasing a closed alliance (the platform administrator's `DELETE /api/admin/alliances/:id`). */
@Injectable()
export class AllianceErasure {
  /** The alliance's name and status, under a row lock in the erasing transaction, or null. */
  async lockedStatusOf(allianceId: string, manager: EntityManager): Promise<{ name: string; status: string } | null> {
    const rows: { name: string; status: string }[] = await manager.query(`SELECT name, status FROM alliances WHERE id = $1 FOR UPDATE`, [
      allianceId,
    ]);
    return rows[0] ?? null;
  }

  /** Deletes the closed alliance's row: every alliance-scoped row goes with it (ON DELETE CASCADE). */
  async erase(allianceId: string, manager: EntityManager): Promise<boolean> {
    const [, affected]: [unknown, number] = await manager.query(`DELETE FROM alliances WHERE id = $1 AND status = 'closed'`, [allianceId]);
    return affected > 0;
  }
}
