import { Injectable, Logger } from '@nestjs/common';
import type { Locale } from '@alliances/shared/contracts';
import { Awareness, encodeAwarenessUpdate, applyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CharterRelay } from './charter-relay';
import { CharterStore } from './charter-store.service';

export interface LiveCharter {
  allianceId: string;
  doc: Y.Doc;
  awareness: Awareness;
  lastUpdateId: bigint;
  revision: number;
  clients: number;
  /** Serialises journal appends of this charter, so acknowledgements follow the order of arrival. */
  queue: Promise<unknown>;
  sinceCompaction: number;
}

const RELAY = 'relay';
const COMPACT_EVERY = 200;

/** An update with no struct and no deletion: what a replica that has nothing new sends. */
export const isEmptyUpdate = (update: Uint8Array): boolean => update.length <= 2;

/**
 * One in-memory Yjs document per open charter, shared by every socket of this instance; loaded from
 * the database on first join and unloaded when the last client leaves. Client updates are written to
 * the journal before they are applied (and so before anyone else sees them).
 */
@Injectable()
export class CharterDocs {
  private readonly logger = new Logger('CharterDocs');
  private readonly live = new Map<string, Promise<LiveCharter>>();

  constructor(
    private readonly store: CharterStore,
    private readonly relay: CharterRelay,
  ) {
    relay.onMessage((message) => void this.onRelay(message));
    relay.onResync(() => void this.resyncAll());
  }

  /** The live document if this instance holds it. */
  async peek(allianceId: string): Promise<LiveCharter | undefined> {
    return this.live.get(allianceId);
  }

  acquire(allianceId: string, locale: Locale): Promise<LiveCharter> {
    let entry = this.live.get(allianceId);
    if (!entry) {
      entry = this.store.load(allianceId, locale).then((loaded) => this.wrap(allianceId, loaded.doc, loaded.lastUpdateId, loaded.revision));
      entry.catch(() => this.live.delete(allianceId));
      this.live.set(allianceId, entry);
    }
    return entry.then((charter) => {
      charter.clients++;
      return charter;
    });
  }

  async release(charter: LiveCharter): Promise<void> {
    charter.clients--;
    if (charter.clients > 0) return;
    await charter.queue;
    if (charter.clients > 0) return;
    this.live.delete(charter.allianceId);
    charter.awareness.destroy();
    charter.doc.destroy();
    if (charter.sinceCompaction > 0)
      await this.store.compact(charter.allianceId).catch((e: Error) => this.logger.warn(`compaction failed: ${e.message}`));
  }

  private wrap(allianceId: string, doc: Y.Doc, lastUpdateId: bigint, revision: number): LiveCharter {
    const awareness = new Awareness(doc);
    // The server holds no cursor of its own.
    awareness.setLocalState(null);
    awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === RELAY) return;
      const changed = [...added, ...updated, ...removed];
      void this.relay.publish({
        kind: 'awareness',
        allianceId,
        payload: Buffer.from(encodeAwarenessUpdate(awareness, changed)).toString('base64'),
      });
    });
    return { allianceId, doc, awareness, lastUpdateId, revision, clients: 0, queue: Promise.resolve(), sinceCompaction: 0 };
  }

  /**
   * Persists then applies a client's update. Resolves once it is in the database: that is when the
   * client may be told it is acknowledged.
   */
  write(charter: LiveCharter, update: Uint8Array, userId: string, origin: unknown): Promise<void> {
    const task = charter.queue.then(async () => {
      const missing = Y.diffUpdate(update, Y.encodeStateVector(charter.doc));
      if (isEmptyUpdate(missing)) return;
      const id = await this.store.append(charter.allianceId, update, userId);
      Y.applyUpdate(charter.doc, update, origin);
      charter.revision++;
      if (id > charter.lastUpdateId) charter.lastUpdateId = id;
      await this.relay.publish({ kind: 'update', allianceId: charter.allianceId, updateId: id.toString() });
      if (++charter.sinceCompaction >= COMPACT_EVERY) {
        charter.sinceCompaction = 0;
        await this.store.compact(charter.allianceId).catch((e: Error) => this.logger.warn(`compaction failed: ${e.message}`));
      }
    });
    charter.queue = task.catch(() => undefined);
    return task;
  }

  private async onRelay(message: Parameters<Parameters<CharterRelay['onMessage']>[0]>[0]): Promise<void> {
    const entry = this.live.get(message.allianceId);
    if (!entry) return;
    const charter = await entry;
    if (message.kind === 'awareness') {
      applyAwarenessUpdate(charter.awareness, Buffer.from(message.payload, 'base64'), RELAY);
      return;
    }
    const found = await this.store.updateById(BigInt(message.updateId));
    // Already compacted into the snapshot: re-read everything (applying twice is harmless in Yjs).
    if (!found) return this.resync(charter);
    Y.applyUpdate(charter.doc, found.update, RELAY);
    charter.revision++;
  }

  private async resync(charter: LiveCharter): Promise<void> {
    const loaded = await this.store.read(charter.allianceId);
    if (loaded) Y.applyUpdate(charter.doc, Y.encodeStateAsUpdate(loaded.doc), RELAY);
  }

  private async resyncAll(): Promise<void> {
    for (const entry of this.live.values()) await this.resync(await entry).catch(() => undefined);
  }
}
