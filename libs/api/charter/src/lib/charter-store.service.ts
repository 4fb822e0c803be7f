import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Locale } from '@alliances/shared/contracts';
import { DataSource, EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { templateUpdate } from './charter-template';

export interface LoadedCharter {
  doc: Y.Doc;
  /** Highest journal id applied to `doc`. */
  lastUpdateId: bigint;
  /** Updates applied to the draft since the charter began. */
  revision: number;
}

/**
 * Persistence of the live charter: an append-only journal of Yjs updates in PostgreSQL, compacted
 * into a snapshot from time to time. Appends take a shared advisory lock per charter and compaction
 * an exclusive one, so a compaction never skips an update that was still being written.
 */
@Injectable()
export class CharterStore {
  private readonly logger = new Logger('CharterStore');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private lockKey(allianceId: string): string {
    return `charter:${allianceId}`;
  }

  /** Loads snapshot + journal; a charter never written gets the default template first. */
  async load(allianceId: string, locale: Locale): Promise<LoadedCharter> {
    let loaded = await this.read(allianceId);
    if (!loaded) {
      await this.dataSource.transaction(async (manager) => {
        await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.lockKey(allianceId)]);
        const exists = await manager.query(
          'SELECT 1 FROM charter_snapshots WHERE alliance_id = $1 UNION ALL SELECT 1 FROM charter_updates WHERE alliance_id = $1 LIMIT 1',
          [allianceId],
        );
        if (!exists.length) {
          await manager.query('INSERT INTO charter_updates (alliance_id, update, user_id) VALUES ($1, $2, NULL)', [
            allianceId,
            Buffer.from(templateUpdate(locale)),
          ]);
        }
      });
      loaded = await this.read(allianceId);
    }
    if (!loaded) throw new Error(`charter ${allianceId} could not be initialised`);
    return loaded;
  }

  /**
   * Snapshot + journal as they are in the database, or undefined for a charter never written. The two
   * reads share one database snapshot: a compaction committing between them would otherwise leave
   * the old snapshot with the journal already folded and deleted, and acknowledged edits missing.
   */
  async read(allianceId: string, manager?: EntityManager): Promise<LoadedCharter | undefined> {
    if (!manager) return this.dataSource.transaction('REPEATABLE READ', (m) => this.read(allianceId, m));
    const snapshot: { state: Buffer; last_update_id: string; update_count: number }[] = await manager.query(
      'SELECT state, last_update_id, update_count FROM charter_snapshots WHERE alliance_id = $1',
      [allianceId],
    );
    const after = snapshot[0]?.last_update_id ?? '0';
    const updates: { id: string; update: Buffer }[] = await manager.query(
      'SELECT id, update FROM charter_updates WHERE alliance_id = $1 AND id > $2 ORDER BY id',
      [allianceId, after],
    );
    if (!snapshot[0] && !updates.length) return undefined;
    const doc = new Y.Doc({ gc: true });
    doc.transact(() => {
      if (snapshot[0]) Y.applyUpdate(doc, snapshot[0].state);
      for (const u of updates) Y.applyUpdate(doc, u.update);
    });
    return {
      doc,
      lastUpdateId: BigInt(updates.at(-1)?.id ?? after),
      revision: (snapshot[0]?.update_count ?? 0) + updates.length,
    };
  }

  /** Appends one update; resolves with its journal id once committed. */
  async append(allianceId: string, update: Uint8Array, userId: string | null): Promise<bigint> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock_shared(hashtext($1))', [this.lockKey(allianceId)]);
      const rows: { id: string }[] = await manager.query(
        'INSERT INTO charter_updates (alliance_id, update, user_id) VALUES ($1, $2, $3) RETURNING id',
        [allianceId, Buffer.from(update), userId],
      );
      return BigInt(rows[0].id);
    });
  }

  async updateById(id: bigint): Promise<{ allianceId: string; update: Uint8Array } | undefined> {
    const rows: { alliance_id: string; update: Buffer }[] = await this.dataSource.query(
      'SELECT alliance_id, update FROM charter_updates WHERE id = $1',
      [id.toString()],
    );
    return rows[0] ? { allianceId: rows[0].alliance_id, update: new Uint8Array(rows[0].update) } : undefined;
  }

  /** Folds the journal into the snapshot, from what is in the database (not from any replica's memory). */
  async compact(allianceId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.lockKey(allianceId)]);
      const loaded = await this.read(allianceId, manager);
      if (!loaded) return;
      await manager.query(
        `INSERT INTO charter_snapshots (alliance_id, state, last_update_id, update_count, updated_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (alliance_id) DO UPDATE SET state = EXCLUDED.state, last_update_id = EXCLUDED.last_update_id, update_count = EXCLUDED.update_count, updated_at = now()`,
        [allianceId, Buffer.from(Y.encodeStateAsUpdate(loaded.doc)), loaded.lastUpdateId.toString(), loaded.revision],
      );
      await manager.query('DELETE FROM charter_updates WHERE alliance_id = $1 AND id <= $2', [allianceId, loaded.lastUpdateId.toString()]);
    });
    this.logger.debug(`charter ${allianceId} compacted`);
  }
}
