import type { LiveClientToServerEvents, LiveServerToClientEvents } from '@alliances/shared/contracts';
import { io, type Socket } from 'socket.io-client';

export interface LiveEvent {
  type: string;
  payload: { id?: string; seq?: number; [key: string]: unknown };
  at: number;
}

/** A real socket.io client of `/live`, recording every event it receives. */
export class LiveClient {
  readonly events: LiveEvent[] = [];
  readonly socket: Socket<LiveServerToClientEvents, LiveClientToServerEvents>;

  private constructor(baseUrl: string, token: string) {
    this.socket = io(`${baseUrl}/live`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    this.socket.onAny((type: string, payload: LiveEvent['payload']) => this.events.push({ type, payload, at: performance.now() }));
  }

  static async connect(baseUrl: string, token: string): Promise<LiveClient> {
    const client = new LiveClient(baseUrl, token);
    await new Promise<void>((resolve, reject) => {
      client.socket.once('connect', () => resolve());
      client.socket.once('connect_error', (e) => reject(e));
    });
    return client;
  }

  async join(allianceId: string): Promise<{ ok?: boolean; lastSeq?: number; error?: string }> {
    return this.socket.timeout(10_000).emitWithAck('alliance:join', { allianceId });
  }

  of(type: string): LiveEvent['payload'][] {
    return this.events.filter((e) => e.type === type).map((e) => e.payload);
  }

  async waitFor(predicate: (events: LiveEvent[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.events)) {
      if (Date.now() > deadline) throw new Error(`timed out; received: ${this.events.map((e) => e.type).join(', ')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  close(): void {
    this.socket.disconnect();
  }
}
