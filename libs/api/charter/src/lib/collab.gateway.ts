import { Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { SocketAuthenticator, socketAuthMiddleware, type AuthUser } from '@alliances/api/core';
import { AlliancePolicy } from '@alliances/api/alliances';
import { MAX_CHARTER_UPDATE_BYTES, type CollabClientToServerEvents, type CollabServerToClientEvents } from '@alliances/shared/contracts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Namespace, Socket } from 'socket.io';
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CharterDocs, type LiveCharter } from './charter-docs.service';

/** What the handshake middleware stores on each socket. */
type CollabSocketData = { user: AuthUser };
type CollabNamespace = Namespace<CollabClientToServerEvents, CollabServerToClientEvents, Record<string, never>, CollabSocketData>;
type CollabSocket = Socket<CollabClientToServerEvents, CollabServerToClientEvents, Record<string, never>, CollabSocketData>;

interface Session {
  charter: LiveCharter;
  readOnly: boolean;
  room: string;
  awarenessClients: Set<number>;
  detach: () => void;
}

const toBytes = (payload: unknown): Uint8Array | undefined => {
  if (payload instanceof Uint8Array) return payload;
  if (payload instanceof ArrayBuffer) return new Uint8Array(payload);
  return undefined;
};

/**
 * The live charter over socket.io (`/collab`): y-protocols sync and awareness messages, one binary
 * payload per event. Joining is authorised per alliance; observers only read, funders are refused.
 */
@WebSocketGateway({ namespace: '/collab', serveClient: false, maxHttpBufferSize: 1_000_000 })
export class CollabGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('Collab');
  @WebSocketServer() namespace!: CollabNamespace;

  constructor(
    private readonly docs: CharterDocs,
    private readonly policy: AlliancePolicy,
    private readonly authenticator: SocketAuthenticator,
  ) {}

  afterInit(namespace: CollabNamespace): void {
    namespace.use(socketAuthMiddleware(this.authenticator));
  }

  handleConnection(socket: CollabSocket): void {
    let session: Session | undefined;
    let joining: Promise<unknown> = Promise.resolve();

    const leave = async () => {
      const current = session;
      session = undefined;
      if (!current) return;
      current.detach();
      void socket.leave(current.room);
      removeAwarenessStates(current.charter.awareness, [...current.awarenessClients], socket);
      await this.docs.release(current.charter);
    };

    socket.on('charter:join', (request, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      joining = joining.then(async () => {
        const allianceId = typeof request?.allianceId === 'string' ? request.allianceId : '';
        try {
          // The live draft is the partners' work: a funder reads the version in force over REST instead.
          const access = await this.policy.partnerReadable(socket.data.user, allianceId);
          await leave();
          const charter = await this.docs.acquire(allianceId, socket.data.user.locale);
          const room = `charter:${allianceId}`;
          const onUpdate = (update: Uint8Array, origin: unknown) => {
            if (origin === socket) return;
            const encoder = encoding.createEncoder();
            syncProtocol.writeUpdate(encoder, update);
            socket.emit('yjs:sync', encoding.toUint8Array(encoder));
          };
          const onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
            const changed = [...added, ...updated, ...removed];
            if (origin === socket) {
              added.forEach((id) => session?.awarenessClients.add(id));
              removed.forEach((id) => session?.awarenessClients.delete(id));
              return;
            }
            socket.emit('yjs:awareness', encodeAwarenessUpdate(charter.awareness, changed));
          };
          charter.doc.on('update', onUpdate);
          charter.awareness.on('update', onAwareness);
          session = {
            charter,
            readOnly: !access.canWriteCharter,
            room,
            awarenessClients: new Set(),
            detach: () => {
              charter.doc.off('update', onUpdate);
              charter.awareness.off('update', onAwareness);
            },
          };
          await socket.join(room);
          reply({ ok: true, readOnly: session.readOnly });
          const encoder = encoding.createEncoder();
          syncProtocol.writeSyncStep1(encoder, charter.doc);
          socket.emit('yjs:sync', encoding.toUint8Array(encoder));
          const states = [...charter.awareness.getStates().keys()];
          if (states.length) socket.emit('yjs:awareness', encodeAwarenessUpdate(charter.awareness, states));
        } catch {
          reply({ error: 'not_found' });
        }
      });
    });

    socket.on('charter:leave', () => {
      joining = joining.then(leave);
    });

    socket.on('yjs:sync', (payload, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      void joining.then(async () => {
        const current = session;
        const bytes = toBytes(payload);
        if (!current) return reply({ error: 'not_joined' });
        if (!bytes) return reply({ error: 'malformed' });
        if (bytes.byteLength > MAX_CHARTER_UPDATE_BYTES) {
          socket.emit('charter:error', {
            code: 'charter.update_too_large',
            message: `Updates are limited to ${MAX_CHARTER_UPDATE_BYTES} bytes`,
          });
          return reply({ error: 'too_large' });
        }
        try {
          const decoder = decoding.createDecoder(bytes);
          const type = decoding.readVarUint(decoder);
          if (type === syncProtocol.messageYjsSyncStep1) {
            const encoder = encoding.createEncoder();
            syncProtocol.writeSyncStep2(encoder, current.charter.doc, decoding.readVarUint8Array(decoder));
            socket.emit('yjs:sync', encoding.toUint8Array(encoder));
            return reply({ ok: true });
          }
          if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate) return reply({ error: 'malformed' });
          const update = decoding.readVarUint8Array(decoder);
          // Validates the update before anything is stored: a malformed one throws here.
          const missing = Y.diffUpdate(update, Y.encodeStateVector(current.charter.doc));
          if (current.readOnly) {
            if (missing.length <= 2) return reply({ ok: true });
            socket.emit('charter:error', { code: 'charter.read_only', message: 'Observers read the charter; they cannot edit it' });
            return reply({ error: 'read_only' });
          }
          await this.docs.write(current.charter, update, socket.data.user.id, socket);
          return reply({ ok: true });
        } catch (error) {
          this.logger.warn(`refused charter message: ${(error as Error).message}`);
          return reply({ error: 'malformed' });
        }
      });
    });

    socket.on('yjs:awareness', (payload) => {
      const bytes = toBytes(payload);
      if (!session || !bytes || bytes.byteLength > 64 * 1024) return;
      try {
        applyAwarenessUpdate(session.charter.awareness, bytes, socket);
      } catch {
        this.logger.warn('malformed awareness update ignored');
      }
    });

    socket.on('disconnect', () => {
      joining = joining.then(leave);
    });
  }
}
