import { Injectable, InjectionToken, OnDestroy, inject, signal } from '@angular/core';
import { AuthStore } from '@alliances/web/identity/data-access';
import type { ClientListenEvents, CollabClientToServerEvents, CollabServerToClientEvents } from '@alliances/shared/contracts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { io, type Socket } from 'socket.io-client';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/** The `/collab` events a client listens to: the contract's, plus the socket's own connect/disconnect. */
export type CollabListenEvents = ClientListenEvents<CollabServerToClientEvents>;

/** The part of a socket.io client socket the connection uses (a fake one in unit tests), typed by the contract. */
export interface CollabSocket {
  readonly connected: boolean;
  readonly active: boolean;
  on<E extends keyof CollabListenEvents>(event: E, listener: CollabListenEvents[E]): unknown;
  emit<E extends keyof CollabClientToServerEvents>(event: E, ...args: Parameters<CollabClientToServerEvents[E]>): unknown;
  connect(): unknown;
  disconnect(): unknown;
  removeAllListeners(): unknown;
}

/** Opens the `/collab` socket; `auth` is read again at every (re)connection, so a refreshed token is used. */
export type CollabSocketFactory = (auth: (cb: (data: { token: string | null }) => void) => void) => CollabSocket;

export const COLLAB_SOCKET_FACTORY = new InjectionToken<CollabSocketFactory>('COLLAB_SOCKET_FACTORY', {
  providedIn: 'root',
  factory: () => (auth) =>
    // socket.io's conditional listener types say the same as CollabSocket's, in a form TypeScript cannot match.
    io('/collab', { auth, transports: ['websocket'] }) as Socket<
      CollabServerToClientEvents,
      CollabClientToServerEvents
    > as unknown as CollabSocket,
});

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'refused';

export interface Collaborator {
  clientId: number;
  name: string;
  color: string;
  self: boolean;
}

/** Origin of changes received from the server: they are not sent back. */
const REMOTE = Symbol('remote');

/** Dark enough for white text (AA) and told apart from each other. */
const PALETTE = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#b45309', '#0e7490', '#be185d', '#4d7c0f', '#9333ea', '#c2410c'];

/** A stable colour per person, so everyone sees the same colour for the same person. */
export function colourFor(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length];
}

const toBytes = (payload: ArrayBuffer | Uint8Array): Uint8Array => (payload instanceof Uint8Array ? payload : new Uint8Array(payload));

/** The server's answer to joining a live document's room. */
export type LiveJoinAnswer = { ok: true; readOnly: boolean } | { error: string };

/** Which live document a connection joins and leaves on `/collab` (the charter of an alliance, a meeting's minutes…). */
export interface LiveRoom {
  join(socket: CollabSocket, ack: (answer: LiveJoinAnswer) => void): void;
  leave(socket: CollabSocket): void;
}

/**
 * One live document: the socket to `/collab`, the shared Y.Doc (its XmlFragments) and the awareness
 * (who is here, where their caret is). Subclasses say which room they join. Provide one per page; it
 * closes everything on destroy.
 */
@Injectable()
export abstract class LiveDocumentConnection implements OnDestroy {
  private readonly auth = inject(AuthStore);
  private readonly openSocket = inject(COLLAB_SOCKET_FACTORY);

  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);

  private readonly state = signal<ConnectionStatus>('connecting');
  private readonly reader = signal(true);
  private readonly hasSynced = signal(false);
  private readonly people = signal<Collaborator[]>([]);
  readonly status = this.state.asReadonly();
  /** Funders and observers read only; also true until the server said otherwise. */
  readonly readOnly = this.reader.asReadonly();
  /** The first full state arrived from the server: editors can be shown. */
  readonly synced = this.hasSynced.asReadonly();
  readonly collaborators = this.people.asReadonly();

  private socket: CollabSocket | null = null;
  private room: LiveRoom | null = null;
  private joined = false;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;

  constructor() {
    this.doc.on('update', this.onLocalUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.awareness.on('change', this.refreshPeople);
  }

  /** Joins the room's live document, as `user` (name shown to the others). */
  protected open(room: LiveRoom, user: { id: string; name: string }): void {
    if (this.socket) return;
    this.room = room;
    this.awareness.setLocalStateField('user', { name: user.name, color: colourFor(user.id) });
    const socket = this.openSocket((cb) => cb({ token: this.auth.accessToken() }));
    this.socket = socket;
    socket.on('connect', () => this.join());
    socket.on('disconnect', () => this.lost());
    socket.on('connect_error', () => this.connectFailed());
    socket.on('yjs:sync', (payload: ArrayBuffer | Uint8Array) => this.onSync(toBytes(payload)));
    socket.on('yjs:awareness', (payload: ArrayBuffer | Uint8Array) => {
      if (this.joined) applyAwarenessUpdate(this.awareness, toBytes(payload), REMOTE);
    });
    if (socket.connected) this.join();
  }

  /** Asks the server again what this person may do here (say the document turned writable again); keeps the text. */
  rejoin(): void {
    if (this.socket?.connected && !this.destroyed) this.join();
  }

  ngOnDestroy(): void {
    this.destroy();
  }

  /** Leaves the document and frees the socket, the document and the awareness. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.retry);
    if (this.socket) {
      if (this.joined && this.room) this.room.leave(this.socket);
      this.socket.removeAllListeners();
      this.socket.disconnect();
      this.socket = null;
    }
    this.joined = false;
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.off('change', this.refreshPeople);
    this.doc.off('update', this.onLocalUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private join(): void {
    const socket = this.socket;
    if (!socket || !this.room) return;
    this.room.join(socket, (answer) => {
      if (this.destroyed || socket !== this.socket) return;
      if (!('ok' in answer)) {
        this.state.set('refused');
        return;
      }
      this.joined = true;
      this.reader.set(answer.readOnly);
      this.state.set('connected');
      // Our step 1: the server answers with everything we miss; its own step 1 asks what it misses.
      const encoder = encoding.createEncoder();
      syncProtocol.writeSyncStep1(encoder, this.doc);
      socket.emit('yjs:sync', encoding.toUint8Array(encoder));
      socket.emit('yjs:awareness', encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
    });
  }

  private onSync(bytes: Uint8Array): void {
    if (!this.joined) return;
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    if (type === syncProtocol.messageYjsSyncStep1) {
      const encoder = encoding.createEncoder();
      syncProtocol.writeSyncStep2(encoder, this.doc, decoding.readVarUint8Array(decoder));
      // A reader has nothing to give: the server would refuse a non-empty answer.
      if (!this.reader()) this.socket?.emit('yjs:sync', encoding.toUint8Array(encoder));
      return;
    }
    Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), REMOTE);
    if (type === syncProtocol.messageYjsSyncStep2) this.hasSynced.set(true);
  }

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown): void => {
    // Offline edits stay in the document; the sync exchange after the next join carries them.
    if (origin === REMOTE || !this.joined || this.reader() || !this.socket) return;
    const encoder = encoding.createEncoder();
    syncProtocol.writeUpdate(encoder, update);
    this.socket.emit('yjs:sync', encoding.toUint8Array(encoder), (answer: { ok: true } | { error: string }) => {
      if ('error' in answer && answer.error === 'read_only') this.reader.set(true);
    });
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === REMOTE || !this.joined || !this.socket) return;
    this.socket.emit('yjs:awareness', encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]));
  };

  private readonly refreshPeople = (): void => {
    const people: Collaborator[] = [];
    this.awareness.getStates().forEach((state, clientId) => {
      const user = state['user'] as { name?: unknown; color?: unknown } | undefined;
      if (typeof user?.name !== 'string') return;
      people.push({
        clientId,
        name: user.name,
        color: typeof user.color === 'string' ? user.color : PALETTE[0],
        self: clientId === this.doc.clientID,
      });
    });
    people.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
    this.people.set(people);
  };

  private lost(): void {
    if (this.destroyed) return;
    this.joined = false;
    if (this.state() !== 'refused') this.state.set('reconnecting');
    // The others' presence is stale until we are back.
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    removeAwarenessStates(this.awareness, others, REMOTE);
  }

  /** Refused at the handshake (usually an expired token): refresh it, then try again. */
  private connectFailed(): void {
    if (this.destroyed) return;
    this.lost();
    if (this.socket?.active) return; // socket.io retries by itself
    clearTimeout(this.retry);
    this.retry = setTimeout(() => {
      void this.auth.refresh().then(() => {
        if (!this.destroyed) this.socket?.connect();
      });
    }, 2000);
  }
}

/** One live charter: one XmlFragment per section, joined with `charter:join {allianceId}`. */
@Injectable()
export class CharterConnection extends LiveDocumentConnection {
  /** Joins the alliance's live charter, as `user` (name shown to the others). */
  connect(allianceId: string, user: { id: string; name: string }): void {
    this.open(
      {
        join: (socket, ack) => socket.emit('charter:join', { allianceId }, ack),
        leave: (socket) => socket.emit('charter:leave', { allianceId }),
      },
      user,
    );
  }
}
