import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@alliances/api/core';
import type { LiveDoc, LiveDocs } from './live-docs';

/**
 * One kind of live document served on the `/collab` namespace (docs/decisions/0022-live-documents.md):
 * the client opens one with `<name>:join { <idField>: id }`, leaves with `<name>:leave`, and gets
 * `<name>:error { code: '<name>.read_only' | '<name>.update_too_large' }`; sync and awareness are shared.
 */
export interface LiveDocKind {
  name: string;
  /** The field of the join request naming the document (`allianceId`, `meetingId`). */
  idField: string;
  docs: LiveDocs;
  maxUpdateBytes: number;
  /**
   * The caller's access to document `id`: throws when they may not see it (the client then gets the
   * same `{ error: 'not_found' }` as for an unknown id); `readOnly` when they may only read it now.
   */
  authorise(user: AuthUser, id: string): Promise<{ readOnly: boolean }>;
  /** Opens (loads) the document for a joining user. */
  acquire(user: AuthUser, id: string): Promise<LiveDoc>;
  /** The error messages sent with `<name>:error`. */
  messages: { readOnly: string; tooLarge: string };
}

/** The kinds the gateway serves; each domain registers its own when its module starts. */
@Injectable()
export class LiveDocKinds {
  private readonly kinds = new Map<string, LiveDocKind>();

  register(kind: LiveDocKind): void {
    if (this.kinds.has(kind.name)) throw new Error(`live document kind ${kind.name} registered twice`);
    this.kinds.set(kind.name, kind);
  }

  all(): LiveDocKind[] {
    return [...this.kinds.values()];
  }
}
