import type { LiveSocket, LiveSocketFactory } from './live-connection';

/** A socket.io stand-in for unit tests: records emits, lets a spec play server events. */
export class FakeLiveSocket implements LiveSocket {
  connected = false;
  readonly emitted: { event: string; args: unknown[] }[] = [];
  private readonly handlers = new Map<string, ((...args: any[]) => void)[]>();
  /** How `alliance:join` is answered. */
  joinAnswer: (request: { allianceId: string }) => unknown = () => ({ ok: true, lastSeq: 0 });

  on(event: string, listener: (...args: any[]) => void): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), listener]);
    return this;
  }

  emit(event: string, ...args: unknown[]): this {
    this.emitted.push({ event, args });
    const ack = args[args.length - 1];
    if (event === 'alliance:join' && typeof ack === 'function') ack(this.joinAnswer(args[0] as { allianceId: string }));
    return this;
  }

  disconnect(): this {
    this.connected = false;
    return this;
  }

  /** Plays a server event (or `connect` / `disconnect`). */
  serverEmit(event: string, ...args: unknown[]): void {
    if (event === 'connect') this.connected = true;
    if (event === 'disconnect') this.connected = false;
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }

  factory(): LiveSocketFactory {
    return async () => this;
  }
}
