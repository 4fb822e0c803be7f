import { Logger } from '@nestjs/common';
import { Awareness, encodeAwarenessUpdate, applyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { LiveDocStore } from './live-doc-store';
import { LiveRelay, type RelayMessage } from './live-relay';

export interface LiveDoc {
  /** The document's key within its kind (an alliance id for the charter, a meeting id for minutes). */
  key: string;
  doc: Y.Doc;
  awareness: Awareness;
  lastUpdateId: bigint;
  revision: number;
  clients: number;
  /** Serialises journal appends of this document, so acknowledgements follow the order of arrival. */
  queue: Promise<unknown>;
  sinceCompaction: number;
}

const RELAY = 'relay';
const COMPACT_EVERY = 200;

/** An update with no struct and no deletion: what a replica that has nothing new sends. */
export const isEmptyUpdate = (update: Uint8Array): boolean => update.length <= 2;

/**
 * One in-memory Yjs document per open document of one kind, shared by every socket of this instance;
 * loaded from the database on first join and unloaded when the last client leaves. Client updates are
 * written to the journal before they are applied (and so before anyone else sees them). Each kind has
 * its own instance (its own store), all share the instance's relay.
 */
export class LiveDocs {
  private readonly logger: Logger;
  private readonly live = new Map<string, Promise<LiveDoc>>();

  constructor(
    readonly store: LiveDocStore,
    private readonly relay: LiveRelay,
  ) {
    this.logger = new Logger(`LiveDocs:${store.tables.name}`);
    relay.onMessage((message) => {
      if (message.doc === this.kind) void this.onRelay(message);
    });
    relay.onResync(() => void this.resyncAll());
  }

  get kind(): string {
    return this.store.tables.name;
  }

  /** The live document if this instance holds it. */
  async peek(key: string): Promise<LiveDoc | undefined> {
    return this.live.get(key);
  }

  /** The current document: the live one if held here, else as stored (undefined if never written). */
  async current(key: string): Promise<Y.Doc | undefined> {
    const live = await this.peek(key);
    if (live) return live.doc;
    return (await this.store.read(key))?.doc;
  }

  acquire(key: string, initial?: () => Uint8Array): Promise<LiveDoc> {
    let entry = this.live.get(key);
    if (!entry) {
      entry = this.store.load(key, initial).then((loaded) => this.wrap(key, loaded.doc, loaded.lastUpdateId, loaded.revision));
      entry.catch(() => this.live.delete(key));
      this.live.set(key, entry);
    }
    return entry.then((live) => {
      live.clients++;
      return live;
    });
  }

  async release(live: LiveDoc): Promise<void> {
    live.clients--;
    if (live.clients > 0) return;
    await live.queue;
    if (live.clients > 0) return;
    this.live.delete(live.key);
    live.awareness.destroy();
    live.doc.destroy();
    if (live.sinceCompaction > 0)
      await this.store.compact(live.key).catch((e: Error) => this.logger.warn(`compaction failed: ${e.message}`));
  }

  /** Waits for the appends queued on this instance for `key`. */
  async settled(key: string): Promise<void> {
    const live = await this.peek(key);
    if (live) await live.queue;
  }

  private wrap(key: string, doc: Y.Doc, lastUpdateId: bigint, revision: number): LiveDoc {
    const awareness = new Awareness(doc);
    // The server holds no cursor of its own.
    awareness.setLocalState(null);
    awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === RELAY) return;
      const changed = [...added, ...updated, ...removed];
      void this.relay.publish({
        kind: 'awareness',
        doc: this.kind,
        key,
        payload: Buffer.from(encodeAwarenessUpdate(awareness, changed)).toString('base64'),
      });
    });
    return { key, doc, awareness, lastUpdateId, revision, clients: 0, queue: Promise.resolve(), sinceCompaction: 0 };
  }

  /**
   * Persists then applies a client's update. Resolves once it is in the database: that is when the
   * client may be told it is acknowledged. Rejects with LiveDocReadOnlyError when the domain refuses it.
   */
  write(live: LiveDoc, update: Uint8Array, userId: string, origin: unknown): Promise<void> {
    const task = live.queue.then(async () => {
      const missing = Y.diffUpdate(update, Y.encodeStateVector(live.doc));
      if (isEmptyUpdate(missing)) return;
      const id = await this.store.append(live.key, update, userId);
      Y.applyUpdate(live.doc, update, origin);
      live.revision++;
      if (id > live.lastUpdateId) live.lastUpdateId = id;
      await this.relay.publish({ kind: 'update', doc: this.kind, key: live.key, updateId: id.toString() });
      if (++live.sinceCompaction >= COMPACT_EVERY) {
        live.sinceCompaction = 0;
        await this.store.compact(live.key).catch((e: Error) => this.logger.warn(`compaction failed: ${e.message}`));
      }
    });
    live.queue = task.catch(() => undefined);
    return task;
  }

  private async onRelay(message: RelayMessage): Promise<void> {
    const entry = this.live.get(message.key);
    if (!entry) return;
    const live = await entry;
    if (message.kind === 'awareness') {
      applyAwarenessUpdate(live.awareness, Buffer.from(message.payload, 'base64'), RELAY);
      return;
    }
    const found = await this.store.updateById(BigInt(message.updateId));
    // Already compacted into the snapshot: re-read everything (applying twice is harmless in Yjs).
    if (!found) return this.resync(live);
    Y.applyUpdate(live.doc, found.update, RELAY);
    live.revision++;
  }

  private async resync(live: LiveDoc): Promise<void> {
    const loaded = await this.store.read(live.key);
    if (loaded) Y.applyUpdate(live.doc, Y.encodeStateAsUpdate(loaded.doc), RELAY);
  }

  private async resyncAll(): Promise<void> {
    for (const entry of this.live.values()) await this.resync(await entry).catch(() => undefined);
  }
}
