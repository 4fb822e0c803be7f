import { Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { SocketAuthenticator, socketAuthMiddleware, type AuthUser } from '@alliances/api/core';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Namespace, Socket } from 'socket.io';
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { LiveDocKinds, type LiveDocKind } from './live-doc-kinds';
import { LiveDocReadOnlyError } from './live-doc-store';
import type { LiveDoc } from './live-docs';

/** What the handshake middleware stores on each socket. */
type CollabSocketData = { user: AuthUser };
type CollabNamespace = Namespace<Record<string, never>, Record<string, never>, Record<string, never>, CollabSocketData>;
type CollabSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, CollabSocketData>;
type Ack = (answer: unknown) => void;

interface Session {
  kind: LiveDocKind;
  live: LiveDoc;
  id: string;
  readOnly: boolean;
  /** When `readOnly` was last decided by the kind (writes re-authorise after REAUTHORISE_MS). */
  authorisedAt: number;
  room: string;
  awarenessClients: Set<number>;
  detach: () => void;
}

/** Documents are named by a UUID: one canonical (lowercase) spelling, so one in-memory doc and one lock key per row. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const canonicalId = (raw: unknown): string | undefined => (typeof raw === 'string' && UUID.test(raw) ? raw.toLowerCase() : undefined);

/** How long a socket's write access, decided by the kind, is trusted before a write asks again. */
const REAUTHORISE_MS = 2_000;

const toBytes = (payload: unknown): Uint8Array | undefined => {
  if (payload instanceof Uint8Array) return payload;
  if (payload instanceof ArrayBuffer) return new Uint8Array(payload);
  return undefined;
};

/**
 * Live documents over socket.io (`/collab`): y-protocols sync and awareness messages, one binary
 * payload per event, for every registered kind (the charter, a meeting's minutes…). A socket has one
 * open document at a time; joining another leaves the first. Joining is authorised by the kind.
 */
@WebSocketGateway({ namespace: '/collab', serveClient: false, maxHttpBufferSize: 1_000_000 })
export class CollabGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('Collab');
  @WebSocketServer() namespace!: CollabNamespace;

  constructor(
    private readonly kinds: LiveDocKinds,
    private readonly authenticator: SocketAuthenticator,
  ) {}

  afterInit(namespace: CollabNamespace): void {
    namespace.use(socketAuthMiddleware(this.authenticator));
  }

  handleConnection(client: CollabSocket): void {
    // Event names come from the registered kinds: the socket is used untyped here.
    const socket = client as unknown as Socket & { data: CollabSocketData };
    let session: Session | undefined;
    let joining: Promise<unknown> = Promise.resolve();

    const leave = async () => {
      const current = session;
      session = undefined;
      if (!current) return;
      current.detach();
      void socket.leave(current.room);
      removeAwarenessStates(current.live.awareness, [...current.awarenessClients], socket);
      await current.kind.docs.release(current.live);
    };

    for (const kind of this.kinds.all()) {
      socket.on(`${kind.name}:join`, (request: Record<string, unknown> | undefined, ack: Ack) => {
        const reply = typeof ack === 'function' ? ack : () => undefined;
        joining = joining.then(async () => {
          const id = canonicalId(request?.[kind.idField]);
          try {
            // Anything but a UUID is answered as an unknown id.
            if (!id) throw new Error('not found');
            const access = await kind.authorise(socket.data.user, id);
            await leave();
            const live = await kind.acquire(socket.data.user, id);
            const room = `${kind.name}:${id}`;
            const onUpdate = (update: Uint8Array, origin: unknown) => {
              if (origin === socket) return;
              const encoder = encoding.createEncoder();
              syncProtocol.writeUpdate(encoder, update);
              socket.emit('yjs:sync', encoding.toUint8Array(encoder));
            };
            const onAwareness = (
              { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
              origin: unknown,
            ) => {
              const changed = [...added, ...updated, ...removed];
              if (origin === socket) {
                added.forEach((n) => session?.awarenessClients.add(n));
                removed.forEach((n) => session?.awarenessClients.delete(n));
                return;
              }
              socket.emit('yjs:awareness', encodeAwarenessUpdate(live.awareness, changed));
            };
            live.doc.on('update', onUpdate);
            live.awareness.on('update', onAwareness);
            session = {
              kind,
              live,
              id,
              readOnly: access.readOnly,
              authorisedAt: Date.now(),
              room,
              awarenessClients: new Set(),
              detach: () => {
                live.doc.off('update', onUpdate);
                live.awareness.off('update', onAwareness);
              },
            };
            await socket.join(room);
            reply({ ok: true, readOnly: session.readOnly });
            const encoder = encoding.createEncoder();
            syncProtocol.writeSyncStep1(encoder, live.doc);
            socket.emit('yjs:sync', encoding.toUint8Array(encoder));
            const states = [...live.awareness.getStates().keys()];
            if (states.length) socket.emit('yjs:awareness', encodeAwarenessUpdate(live.awareness, states));
          } catch {
            reply({ error: 'not_found' });
          }
        });
      });

      socket.on(`${kind.name}:leave`, () => {
        joining = joining.then(leave);
      });
    }

    socket.on('yjs:sync', (payload: unknown, ack: Ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      void joining.then(async () => {
        const current = session;
        const bytes = toBytes(payload);
        if (!current) return reply({ error: 'not_joined' });
        if (!bytes) return reply({ error: 'malformed' });
        const { kind } = current;
        const refuseReadOnly = () => {
          socket.emit(`${kind.name}:error`, { code: `${kind.name}.read_only`, message: kind.messages.readOnly });
          return reply({ error: 'read_only' });
        };
        if (bytes.byteLength > kind.maxUpdateBytes) {
          socket.emit(`${kind.name}:error`, { code: `${kind.name}.update_too_large`, message: kind.messages.tooLarge });
          return reply({ error: 'too_large' });
        }
        try {
          const decoder = decoding.createDecoder(bytes);
          const type = decoding.readVarUint(decoder);
          if (type === syncProtocol.messageYjsSyncStep1) {
            const encoder = encoding.createEncoder();
            syncProtocol.writeSyncStep2(encoder, current.live.doc, decoding.readVarUint8Array(decoder));
            socket.emit('yjs:sync', encoding.toUint8Array(encoder));
            return reply({ ok: true });
          }
          if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate) return reply({ error: 'malformed' });
          const update = decoding.readVarUint8Array(decoder);
          // Validates the update before anything is stored: a malformed one throws here.
          const missing = Y.diffUpdate(update, Y.encodeStateVector(current.live.doc));
          // A seat left or removed, or an alliance closed, since the join: ask the kind again before writing.
          if (!current.readOnly && Date.now() - current.authorisedAt > REAUTHORISE_MS) {
            const access = await kind.authorise(socket.data.user, current.id).catch(() => undefined);
            if (!access) {
              // No longer allowed to see the document at all: the session ends.
              await leave();
              return reply({ error: 'not_found' });
            }
            current.readOnly = access.readOnly;
            current.authorisedAt = Date.now();
          }
          if (current.readOnly) {
            if (missing.length <= 2) return reply({ ok: true });
            return refuseReadOnly();
          }
          await kind.docs.write(current.live, update, socket.data.user.id, socket);
          return reply({ ok: true });
        } catch (error) {
          if (error instanceof LiveDocReadOnlyError) return refuseReadOnly();
          this.logger.warn(`refused ${kind.name} message: ${(error as Error).message}`);
          return reply({ error: 'malformed' });
        }
      });
    });

    socket.on('yjs:awareness', (payload: unknown) => {
      const bytes = toBytes(payload);
      if (!session || !bytes || bytes.byteLength > 64 * 1024) return;
      try {
        applyAwarenessUpdate(session.live.awareness, bytes, socket);
      } catch {
        this.logger.warn('malformed awareness update ignored');
      }
    });

    socket.on('disconnect', () => {
      joining = joining.then(leave);
    });
  }
}
