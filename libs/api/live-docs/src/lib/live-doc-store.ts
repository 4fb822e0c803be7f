import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import * as Y from 'yjs';

export interface LoadedLiveDoc {
  doc: Y.Doc;
  /** Highest journal id applied to `doc`. */
  lastUpdateId: bigint;
  /** Updates applied to the document since it began. */
  revision: number;
}

/**
 * Where one kind of live document keeps its journal and snapshot. The tables belong to the domain that
 * declares them (docs/decisions/0012-table-ownership.md); they have the charter's shape: `<updates>`
 * (id bigserial, <key>, update bytea, user_id, created_at) and `<snapshots>` (<key> primary key, state,
 * last_update_id, update_count, updated_at), plus any `extraColumns` of both (e.g. `alliance_id`).
 */
export interface LiveDocTables {
  /** Kind name: the advisory lock prefix and the logs' label. */
  name: string;
  updatesTable: string;
  snapshotsTable: string;
  keyColumn: string;
  extraColumns?: string[];
  /**
   * Runs inside every append's (and compaction's) transaction before the insert: the values of
   * `extraColumns` for this key, or `false` to refuse the write because the document is read-only now
   * (taking a lock there orders appends against the domain's own state change, e.g. a freeze).
   */
  appendContext?: (manager: EntityManager, key: string, purpose: 'append' | 'snapshot') => Promise<unknown[] | false>;
}

/** Thrown by an append the document's domain refuses (`appendContext` answered false). */
export class LiveDocReadOnlyError extends Error {
  constructor(name: string, key: string) {
    super(`${name} ${key} is read-only`);
  }
}

const ident = (s: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(s)) throw new Error(`not an identifier: ${s}`);
  return `"${s}"`;
};

/**
 * Persistence of a live document: an append-only journal of Yjs updates in PostgreSQL, compacted into a
 * snapshot from time to time. Appends take a shared advisory lock per document and compaction an
 * exclusive one, so a compaction never skips an update that was still being written.
 */
export class LiveDocStore {
  private readonly logger: Logger;
  private readonly updates: string;
  private readonly snapshots: string;
  private readonly key: string;
  private readonly extra: string[];

  constructor(
    private readonly dataSource: DataSource,
    readonly tables: LiveDocTables,
  ) {
    this.logger = new Logger(`LiveDocStore:${tables.name}`);
    this.updates = ident(tables.updatesTable);
    this.snapshots = ident(tables.snapshotsTable);
    this.key = ident(tables.keyColumn);
    this.extra = (tables.extraColumns ?? []).map(ident);
  }

  private lockKey(key: string): string {
    return `${this.tables.name}:${key}`;
  }

  private async context(manager: EntityManager, key: string, purpose: 'append' | 'snapshot'): Promise<unknown[]> {
    if (!this.tables.appendContext) return [];
    const values = await this.tables.appendContext(manager, key, purpose);
    if (values === false) throw new LiveDocReadOnlyError(this.tables.name, key);
    return values;
  }

  private insertUpdate(): string {
    const columns = [this.key, '"update"', '"user_id"', ...this.extra];
    return `INSERT INTO ${this.updates} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`;
  }

  /** Loads snapshot + journal; a document never written gets `initial()` first when given. */
  async load(key: string, initial?: () => Uint8Array): Promise<LoadedLiveDoc> {
    let loaded = await this.read(key);
    if (!loaded && initial) {
      await this.dataSource.transaction(async (manager) => {
        await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.lockKey(key)]);
        const exists = await manager.query(
          `SELECT 1 FROM ${this.snapshots} WHERE ${this.key} = $1 UNION ALL SELECT 1 FROM ${this.updates} WHERE ${this.key} = $1 LIMIT 1`,
          [key],
        );
        if (!exists.length) {
          const extra = await this.context(manager, key, 'snapshot');
          await manager.query(this.insertUpdate(), [key, Buffer.from(initial()), null, ...extra]);
        }
      });
      loaded = await this.read(key);
    }
    if (loaded) return loaded;
    if (initial) throw new Error(`${this.tables.name} ${key} could not be initialised`);
    return { doc: new Y.Doc({ gc: true }), lastUpdateId: 0n, revision: 0 };
  }

  /**
   * Snapshot + journal as they are in the database, or undefined for a document never written. The two
   * reads share one database snapshot: a compaction committing between them would otherwise leave the
   * old snapshot with the journal already folded and deleted, and acknowledged edits missing.
   */
  async read(key: string, manager?: EntityManager): Promise<LoadedLiveDoc | undefined> {
    if (!manager) return this.dataSource.transaction('REPEATABLE READ', (m) => this.read(key, m));
    const snapshot: { state: Buffer; last_update_id: string; update_count: number }[] = await manager.query(
      `SELECT state, last_update_id, update_count FROM ${this.snapshots} WHERE ${this.key} = $1`,
      [key],
    );
    const after = snapshot[0]?.last_update_id ?? '0';
    const updates: { id: string; update: Buffer }[] = await manager.query(
      `SELECT id, update FROM ${this.updates} WHERE ${this.key} = $1 AND id > $2 ORDER BY id`,
      [key, after],
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

  /** Appends one update; resolves with its journal id once committed. Throws LiveDocReadOnlyError when refused. */
  async append(key: string, update: Uint8Array, userId: string | null): Promise<bigint> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock_shared(hashtext($1))', [this.lockKey(key)]);
      const extra = await this.context(manager, key, 'append');
      const rows: { id: string }[] = await manager.query(this.insertUpdate(), [key, Buffer.from(update), userId, ...extra]);
      return BigInt(rows[0].id);
    });
  }

  async updateById(id: bigint): Promise<{ key: string; update: Uint8Array } | undefined> {
    const rows: { key: string; update: Buffer }[] = await this.dataSource.query(
      `SELECT ${this.key} AS key, update FROM ${this.updates} WHERE id = $1`,
      [id.toString()],
    );
    return rows[0] ? { key: rows[0].key, update: new Uint8Array(rows[0].update) } : undefined;
  }

  /** Folds the journal into the snapshot, from what is in the database (not from any replica's memory). */
  async compact(key: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.lockKey(key)]);
      const loaded = await this.read(key, manager);
      if (!loaded) return;
      const extra = await this.context(manager, key, 'snapshot');
      const columns = [this.key, '"state"', '"last_update_id"', '"update_count"', ...this.extra];
      await manager.query(
        `INSERT INTO ${this.snapshots} (${columns.join(', ')}, "updated_at") VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}, now())
         ON CONFLICT (${this.key}) DO UPDATE SET state = EXCLUDED.state, last_update_id = EXCLUDED.last_update_id, update_count = EXCLUDED.update_count, updated_at = now()`,
        [key, Buffer.from(Y.encodeStateAsUpdate(loaded.doc)), loaded.lastUpdateId.toString(), loaded.revision, ...extra],
      );
      await manager.query(`DELETE FROM ${this.updates} WHERE ${this.key} = $1 AND id <= $2`, [key, loaded.lastUpdateId.toString()]);
    });
    this.logger.debug(`${this.tables.name} ${key} compacted`);
  }
}
