import type { CollabClientToServerEvents, CollabServerToClientEvents } from '@alliances/shared/contracts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { io, type Socket } from 'socket.io-client';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const REMOTE = 'remote';

/**
 * A real socket.io client holding a Yjs replica of one charter, speaking the /collab protocol (docs/api.md "/collab")
 * (`charter:join`, then y-protocols sync messages on `yjs:sync`). Every local change is sent as an
 * update and its acknowledgement awaited by `flush()`.
 */
export class CollabClient {
  readonly doc = new Y.Doc();
  socket: Socket<CollabServerToClientEvents, CollabClientToServerEvents>;
  readOnly = false;
  readonly errors: { code: string; message: string }[] = [];
  private pending: Promise<{ ok?: boolean; error?: string }>[] = [];
  private syncedResolve!: () => void;
  synced = new Promise<void>((resolve) => (this.syncedResolve = resolve));
  /** The join event and its request: `charter:join { allianceId }` or `minutes:join { meetingId }`. */
  private target: { event: 'charter:join' | 'minutes:join'; request: Record<string, string> } = { event: 'charter:join', request: {} };

  private constructor(
    baseUrl: string,
    private readonly token: string,
  ) {
    this.socket = this.open(baseUrl);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      const encoder = encoding.createEncoder();
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
  }

  private open(baseUrl: string): Socket<CollabServerToClientEvents, CollabClientToServerEvents> {
    const socket: Socket<CollabServerToClientEvents, CollabClientToServerEvents> = io(`${baseUrl}/collab`, {
      auth: { token: this.token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    socket.on('charter:error', (e: { code: string; message: string }) => this.errors.push(e));
    (socket as unknown as Socket).on('minutes:error', (e: { code: string; message: string }) => this.errors.push(e));
    socket.on('yjs:sync', (payload: ArrayBuffer | Uint8Array) => {
      const decoder = decoding.createDecoder(payload instanceof Uint8Array ? payload : new Uint8Array(payload));
      const type = decoding.readVarUint(decoder);
      if (type === syncProtocol.messageYjsSyncStep1) {
        const encoder = encoding.createEncoder();
        syncProtocol.writeSyncStep2(encoder, this.doc, decoding.readVarUint8Array(decoder));
        this.send(encoding.toUint8Array(encoder));
        return;
      }
      Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), REMOTE);
      if (type === syncProtocol.messageYjsSyncStep2) this.syncedResolve();
    });
    return socket;
  }

  /** Connects and joins; rejects with the server's answer when the join is refused. */
  static async join(baseUrl: string, token: string, allianceId: string): Promise<CollabClient> {
    return CollabClient.connectTo(baseUrl, token, { event: 'charter:join', request: { allianceId } });
  }

  /** Connects and joins a meeting's minutes (`minutes:join`); rejects with the server's answer when refused. */
  static async joinMinutes(baseUrl: string, token: string, meetingId: string): Promise<CollabClient> {
    return CollabClient.connectTo(baseUrl, token, { event: 'minutes:join', request: { meetingId } });
  }

  private static async connectTo(
    baseUrl: string,
    token: string,
    target: { event: 'charter:join' | 'minutes:join'; request: Record<string, string> },
  ): Promise<CollabClient> {
    const client = new CollabClient(baseUrl, token);
    client.target = target;
    try {
      await client.enter();
    } catch (error) {
      client.close();
      throw error;
    }
    return client;
  }

  private async enter(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (e) => reject(e));
    });
    const answer = await (this.socket as unknown as Socket).timeout(10_000).emitWithAck(this.target.event, this.target.request);
    if (!answer?.ok) throw Object.assign(new Error(`join refused: ${JSON.stringify(answer)}`), { answer });
    this.readOnly = answer.readOnly;
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.send(encoding.toUint8Array(encoder));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.synced,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('initial sync timed out')), 10_000))),
    ]).finally(() => clearTimeout(timer));
  }

  /**
   * Takes this replica to another API instance, as a client does when its server went away: joins
   * there and syncs both ways, so changes the old server never acknowledged are sent again and
   * changes made meanwhile by others arrive.
   */
  async reconnect(baseUrl: string): Promise<void> {
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.synced = new Promise<void>((resolve) => (this.syncedResolve = resolve));
    this.socket = this.open(baseUrl);
    await this.enter();
  }

  /** Makes a local change and resolves with the server's acknowledgement of it (`{ok: true}` once stored). */
  change(edit: (client: CollabClient) => void): Promise<{ ok?: boolean; error?: string }> {
    const before = this.pending.length;
    edit(this);
    return Promise.all(this.pending.slice(before)).then((acks) => acks.find((a) => !a.ok) ?? { ok: true });
  }

  send(message: Uint8Array): Promise<{ ok?: boolean; error?: string }> {
    const ack = this.socket
      .timeout(15_000)
      .emitWithAck('yjs:sync', message)
      .catch((e: Error) => ({ error: e.message }));
    this.pending.push(ack);
    return ack;
  }

  /** Resolves with every acknowledgement received so far. */
  async flush(): Promise<{ ok?: boolean; error?: string }[]> {
    const all = this.pending;
    this.pending = [];
    return Promise.all(all);
  }

  /** Types `text` at the end of the section's last paragraph (creating one if needed). */
  type(section: string, text: string): void {
    const fragment = this.doc.getXmlFragment(section);
    this.doc.transact(() => {
      let paragraph = fragment.length ? fragment.get(fragment.length - 1) : undefined;
      if (!(paragraph instanceof Y.XmlElement)) {
        paragraph = new Y.XmlElement('paragraph');
        fragment.push([paragraph]);
      }
      let textNode = (paragraph as Y.XmlElement).get(0);
      if (!(textNode instanceof Y.XmlText)) {
        textNode = new Y.XmlText();
        (paragraph as Y.XmlElement).insert(0, [textNode]);
      }
      (textNode as Y.XmlText).insert((textNode as Y.XmlText).length, text);
    });
  }

  /** Adds a new paragraph with `text` at the end of the section. */
  paragraph(section: string, text: string): void {
    const fragment = this.doc.getXmlFragment(section);
    this.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      const node = new Y.XmlText();
      node.insert(0, text);
      paragraph.insert(0, [node]);
      fragment.push([paragraph]);
    });
  }

  /** Plain text of a section: its paragraphs' text, one per line. */
  text(section: string): string {
    return sectionText(this.doc, section);
  }

  close(): void {
    this.socket.disconnect();
    this.doc.destroy();
  }
}

/** Plain text of a section of a charter document: its paragraphs' text, one per line. */
export function sectionText(doc: Y.Doc, section: string): string {
  return doc
    .getXmlFragment(section)
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((c) => (c instanceof Y.XmlText ? plain(c) : ''))
            .join('')
        : '',
    )
    .join('\n');
}

const plain = (text: Y.XmlText): string =>
  (text.toDelta() as { insert: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');

/** Polls until `check` passes or the time is up (returns the last value for the assertion). */
export async function eventually<T>(read: () => T, check: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = read();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    value = read();
  }
  return value;
}
