import { Injectable, InjectionToken, effect, inject, signal } from '@angular/core';
import { AuthStore } from '@alliances/web/identity/data-access';

/** What the app needs of a socket.io client socket (a fake one in unit tests). */
export interface LiveSocket {
  readonly connected: boolean;
  on(event: string, listener: (...args: any[]) => void): unknown;
  emit(event: string, ...args: any[]): unknown;
  disconnect(): unknown;
}

export type LiveSocketFactory = (auth: () => { token: string | null }) => Promise<LiveSocket>;

/** Opens the `/live` socket.io namespace; socket.io-client is loaded lazily, out of the initial bundle. */
export const LIVE_SOCKET_FACTORY = new InjectionToken<LiveSocketFactory>('LIVE_SOCKET_FACTORY', {
  providedIn: 'root',
  factory: () => async (auth) => {
    const { io } = await import('socket.io-client');
    // `auth` as a function: every (re)connection sends the current access token, even after a refresh.
    return io('/live', { transports: ['websocket'], auth: (cb) => cb(auth()) }) as unknown as LiveSocket;
  },
});

type Listener = (...args: any[]) => void;

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
  private readonly listeners: [string, Listener][] = [];
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
  on(event: string, listener: Listener): () => void {
    const entry: [string, Listener] = [event, listener];
    this.listeners.push(entry);
    this.socket?.on(event, (...args: unknown[]) => this.dispatch(entry, args));
    return () => {
      const index = this.listeners.indexOf(entry);
      if (index >= 0) this.listeners.splice(index, 1);
    };
  }

  emit(event: string, ...args: unknown[]): void {
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
        for (const entry of this.listeners) socket.on(entry[0], (...args: unknown[]) => this.dispatch(entry, args));
        if (socket.connected) this.state.set('online');
        return socket;
      });
    }
    return this.opening;
  }

  private dispatch(entry: [string, Listener], args: unknown[]): void {
    // A listener removed with its returned function stays attached to socket.io but is ignored.
    if (this.listeners.includes(entry)) entry[1](...args);
  }

  private close(): void {
    this.socket?.disconnect();
    this.socket = null;
    this.state.set('offline');
  }
}
