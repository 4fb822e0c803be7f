import { Injectable, InjectionToken, effect, inject, signal } from '@angular/core';
import { AuthStore } from '@alliances/web/identity/data-access';
import type { ClientListenEvents, LiveClientToServerEvents, LiveServerToClientEvents } from '@alliances/shared/contracts';
import type { Socket } from 'socket.io-client';

/** The `/live` events a client listens to: the contract's, plus the socket's own connect/disconnect. */
export type LiveListenEvents = ClientListenEvents<LiveServerToClientEvents>;
export type LiveEventName = keyof LiveListenEvents;

/** What the app needs of a socket.io client socket (a fake one in unit tests), typed by the contract. */
export interface LiveSocket {
  readonly connected: boolean;
  on<E extends LiveEventName>(event: E, listener: LiveListenEvents[E]): unknown;
  emit<E extends keyof LiveClientToServerEvents>(event: E, ...args: Parameters<LiveClientToServerEvents[E]>): unknown;
  disconnect(): unknown;
}

export type LiveSocketFactory = (auth: () => { token: string | null }) => Promise<LiveSocket>;

/** Opens the `/live` socket.io namespace; socket.io-client is loaded lazily, out of the initial bundle. */
export const LIVE_SOCKET_FACTORY = new InjectionToken<LiveSocketFactory>('LIVE_SOCKET_FACTORY', {
  providedIn: 'root',
  factory: () => async (auth) => {
    const { io } = await import('socket.io-client');
    // `auth` as a function: every (re)connection sends the current access token, even after a refresh.
    const socket: Socket<LiveServerToClientEvents, LiveClientToServerEvents> = io('/live', {
      transports: ['websocket'],
      auth: (cb) => cb(auth()),
    });
    // socket.io's conditional listener types say the same as LiveSocket's, in a form TypeScript cannot match.
    return socket as unknown as LiveSocket;
  },
});

/** A listener as stored, whatever its event: called only with that event's arguments. */
type Entry = [LiveEventName, (...args: never[]) => void];

/**
 * The one live connection of the session: opened when someone signs in, closed on sign-out.
 * Listeners registered before the socket exists are attached when it opens.
 */
@Injectable({ providedIn: 'root' })
export class LiveConnection {
  private readonly auth = inject(AuthStore);
  private readonly factory = inject(LIVE_SOCKET_FACTORY);
  private socket: LiveSocket | null = null;
  private opening: Promise<LiveSocket> | null = null;
  private readonly listeners: Entry[] = [];
  private readonly state = signal<'offline' | 'connecting' | 'online'>('offline');

  readonly status = this.state.asReadonly();

  constructor() {
    effect(() => {
      const signedIn = this.auth.isSignedIn();
      if (signedIn) void this.open();
      else this.close();
    });
  }

  /** Listens to a server event (and to the socket's own `connect` / `disconnect`). */
  on<E extends LiveEventName>(event: E, listener: LiveListenEvents[E]): () => void {
    const entry: Entry = [event, listener];
    this.listeners.push(entry);
    this.attach(this.socket, entry);
    return () => {
      const index = this.listeners.indexOf(entry);
      if (index >= 0) this.listeners.splice(index, 1);
    };
  }

  emit<E extends keyof LiveClientToServerEvents>(event: E, ...args: Parameters<LiveClientToServerEvents[E]>): void {
    this.socket?.emit(event, ...args);
  }

  get connected(): boolean {
    return !!this.socket?.connected;
  }

  open(): Promise<LiveSocket> {
    if (this.socket) return Promise.resolve(this.socket);
    if (!this.opening) {
      this.state.set('connecting');
      this.opening = this.factory(() => ({ token: this.auth.accessToken() })).then((socket) => {
        this.opening = null;
        if (!this.auth.isSignedIn()) {
          // Signed out while the client was loading.
          socket.disconnect();
          this.state.set('offline');
          return socket;
        }
        this.socket = socket;
        socket.on('connect', () => this.state.set('online'));
        socket.on('disconnect', () => this.state.set('connecting'));
        for (const entry of this.listeners) this.attach(socket, entry);
        if (socket.connected) this.state.set('online');
        return socket;
      });
    }
    return this.opening;
  }

  private attach(socket: LiveSocket | null, entry: Entry): void {
    // A listener removed with its returned function stays attached to socket.io but is ignored.
    const dispatch = (...args: never[]) => {
      if (this.listeners.includes(entry)) entry[1](...args);
    };
    socket?.on(entry[0], dispatch as LiveListenEvents[(typeof entry)[0]]);
  }

  private close(): void {
    this.socket?.disconnect();
    this.socket = null;
    this.state.set('offline');
  }
}
