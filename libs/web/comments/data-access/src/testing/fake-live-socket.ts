import type { LiveClientToServerEvents } from '@alliances/shared/contracts';
import type { LiveEventName, LiveListenEvents, LiveSocket, LiveSocketFactory } from '../lib/live-connection';

/** A socket.io stand-in for unit tests: records emits, lets a spec play server events. */
export class FakeLiveSocket implements LiveSocket {
  connected = false;
  readonly emitted: { event: keyof LiveClientToServerEvents; args: unknown[] }[] = [];
  private readonly handlers = new Map<LiveEventName, ((...args: never[]) => void)[]>();
  /** How `alliance:join` is answered. */
  joinAnswer: (request: { allianceId: string }) => { ok: true; lastSeq: number } | { error: string } = () => ({ ok: true, lastSeq: 0 });

  on<E extends LiveEventName>(event: E, listener: LiveListenEvents[E]): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), listener]);
    return this;
  }

  emit<E extends keyof LiveClientToServerEvents>(event: E, ...args: Parameters<LiveClientToServerEvents[E]>): this {
    this.emitted.push({ event, args });
    if (event === 'alliance:join') {
      const [request, ack] = args as Parameters<LiveClientToServerEvents['alliance:join']>;
      ack(this.joinAnswer(request));
    }
    return this;
  }

  disconnect(): this {
    this.connected = false;
    return this;
  }

  /** Plays a server event (or `connect` / `disconnect`) with that event's arguments. */
  serverEmit<E extends LiveEventName>(event: E, ...args: Parameters<LiveListenEvents[E]>): void {
    if (event === 'connect') this.connected = true;
    if (event === 'disconnect') this.connected = false;
    for (const handler of this.handlers.get(event) ?? []) (handler as (...a: Parameters<LiveListenEvents[E]>) => void)(...args);
  }

  factory(): LiveSocketFactory {
    return async () => this;
  }
}
