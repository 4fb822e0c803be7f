import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import type { Comment, CommentTarget, CommentTargetType, PresenceEntry } from '@alliances/shared/contracts';
import { AuthStore } from '@alliances/web/identity/data-access';
import { firstValueFrom } from 'rxjs';
import { CommentsApi } from './comments.api';
import { LiveConnection } from './live-connection';

/** Waits before each automatic retry of a post that met a network failure (then the person retries). */
export const COMMENT_RETRY_DELAYS = new InjectionToken<number[]>('COMMENT_RETRY_DELAYS', {
  providedIn: 'root',
  factory: () => [1000, 3000],
});

export interface CommentDraft {
  allianceId: string;
  target: CommentTarget;
  body: string;
  parentId?: string | null;
  mentions?: string[];
}

/** A comment written here and not yet acknowledged by the server. */
export interface PendingComment extends CommentDraft {
  id: string;
  status: 'sending' | 'failed';
  createdAt: string;
  /** The API's error code or status when the last attempt failed. */
  error?: string;
}

export interface TypingEntry {
  allianceId: string;
  key: string;
  user: PresenceEntry;
  until: number;
}

type SimpleTarget = { type: CommentTargetType; id: string };
const targetKey = (target: SimpleTarget) => `${target.type}:${target.id}`;
const PAGE = 1000;
const TYPING_SHOWN_MS = 4000;
const TYPING_THROTTLE_MS = 2000;
const SEEN_KEY = 'alliances.comments.seen';

/** Failures worth retrying with the same id: no answer, a gateway or server error, throttling. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse)) return true;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/**
 * The live discussion of the alliances on screen, which loses nothing and doubles nothing:
 * comments are kept by id and an event only replaces a comment with a higher `seq`; the highest
 * seq seen is remembered per alliance and, on every (re)connection, the store re-joins and catches
 * up with `since=lastSeq`; a post carries a client UUID and is retried with that same id.
 */
@Injectable({ providedIn: 'root' })
export class LiveComments {
  private readonly api = inject(CommentsApi);
  private readonly live = inject(LiveConnection);
  private readonly auth = inject(AuthStore);
  private readonly retryDelays = inject(COMMENT_RETRY_DELAYS);

  private readonly byId = signal<ReadonlyMap<string, Comment>>(new Map());
  private readonly pendingById = signal<ReadonlyMap<string, PendingComment>>(new Map());
  private readonly seqs = new Map<string, number>();
  private readonly joined = new Map<string, number>();
  private readonly catching = new Map<string, Promise<void>>();
  private readonly catchAgain = new Set<string>();
  private readonly typingSent = new Map<string, number>();
  private readonly presenceByAlliance = signal<ReadonlyMap<string, PresenceEntry[]>>(new Map());
  private readonly typingEntries = signal<TypingEntry[]>([]);
  private readonly refused = signal<ReadonlySet<string>>(new Set());
  private readonly loadedAlliances = signal<ReadonlySet<string>>(new Set());
  private readonly seen = signal<Record<string, number>>(this.readSeen());
  private readonly arrival = signal<Comment | null>(null);

  /** Every comment known, by id. */
  readonly all = computed(() => [...this.byId().values()]);
  readonly pending = computed(() => [...this.pendingById().values()]);
  /** The last comment someone else wrote that arrived live (for the aria-live announcement). */
  readonly lastArrival = this.arrival.asReadonly();
  readonly connection = this.live.status;

  constructor() {
    this.live.on('connect', () => {
      for (const allianceId of this.joined.keys()) this.joinRoom(allianceId);
    });
    for (const event of ['comment:created', 'comment:updated', 'comment:deleted', 'comment:resolved'] as const) {
      this.live.on(event, (comment: Comment) => this.receive(comment, event === 'comment:created'));
    }
    this.live.on('presence', (event: { allianceId: string; viewers: PresenceEntry[] }) => {
      if (!event?.allianceId) return;
      const next = new Map(this.presenceByAlliance());
      next.set(event.allianceId, event.viewers ?? []);
      this.presenceByAlliance.set(next);
    });
    this.live.on('comment:typing', (event: { allianceId: string; target: SimpleTarget; user: PresenceEntry }) => this.typed(event));
  }

  /** The highest sequence number seen for an alliance (0 when nothing yet). */
  lastSeq(allianceId: string): number {
    return this.seqs.get(allianceId) ?? 0;
  }

  isRefused(allianceId: string): boolean {
    return this.refused().has(allianceId);
  }

  isLoaded(allianceId: string): boolean {
    return this.loadedAlliances().has(allianceId);
  }

  /** The comments of a target, oldest first (reactive when read in a computed or a template). */
  forTarget(allianceId: string, target: SimpleTarget): Comment[] {
    return this.all()
      .filter((c) => c.allianceId === allianceId && c.target.type === target.type && c.target.id === target.id)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.seq - b.seq);
  }

  pendingFor(allianceId: string, target: SimpleTarget): PendingComment[] {
    return this.pending().filter((p) => p.allianceId === allianceId && p.target.type === target.type && p.target.id === target.id);
  }

  presence(allianceId: string): PresenceEntry[] {
    return this.presenceByAlliance().get(allianceId) ?? [];
  }

  /** Who else is typing on this target right now. */
  typing(allianceId: string, target: SimpleTarget): PresenceEntry[] {
    const key = targetKey(target);
    const now = Date.now();
    return this.typingEntries()
      .filter((t) => t.allianceId === allianceId && t.key === key && t.until > now)
      .map((t) => t.user);
  }

  /**
   * Applies a comment (event, catch-up or answer) idempotently: a version is kept only if its
   * seq is higher than the one held. Returns whether anything changed.
   */
  apply(comment: Comment): boolean {
    if (!comment?.id) return false;
    this.seqs.set(comment.allianceId, Math.max(this.lastSeq(comment.allianceId), comment.seq));
    if (this.pendingById().has(comment.id)) {
      const pending = new Map(this.pendingById());
      pending.delete(comment.id);
      this.pendingById.set(pending);
    }
    const current = this.byId().get(comment.id);
    if (current && current.seq >= comment.seq) return false;
    const next = new Map(this.byId());
    next.set(comment.id, comment);
    this.byId.set(next);
    return true;
  }

  /** Starts following an alliance: loads (or catches up) its comments and joins its live room. */
  join(allianceId: string): void {
    const count = this.joined.get(allianceId) ?? 0;
    this.joined.set(allianceId, count + 1);
    if (count > 0) return;
    void this.catchUp(allianceId);
    void this.live.open().then(() => {
      if (this.live.connected && this.joined.has(allianceId)) this.joinRoom(allianceId);
    });
  }

  leave(allianceId: string): void {
    const count = this.joined.get(allianceId) ?? 0;
    if (count > 1) {
      this.joined.set(allianceId, count - 1);
      return;
    }
    this.joined.delete(allianceId);
    this.live.emit('alliance:leave', { allianceId });
  }

  /** Fetches what changed since the last seq seen and merges it by id. One at a time per alliance. */
  catchUp(allianceId: string): Promise<void> {
    const running = this.catching.get(allianceId);
    if (running) {
      this.catchAgain.add(allianceId);
      return running;
    }
    const run = (async () => {
      try {
        do {
          this.catchAgain.delete(allianceId);
          let count = PAGE;
          while (count >= PAGE) {
            const since = this.seqs.get(allianceId);
            const page = await firstValueFrom(this.api.list({ allianceId, since, limit: PAGE }));
            for (const comment of page.items) this.apply(comment);
            this.seqs.set(allianceId, Math.max(this.lastSeq(allianceId), page.lastSeq ?? 0));
            count = page.items.length;
          }
        } while (this.catchAgain.has(allianceId));
        this.loadedAlliances.set(new Set([...this.loadedAlliances(), allianceId]));
      } catch (error) {
        if (error instanceof HttpErrorResponse && (error.status === 404 || error.status === 403)) this.refuse(allianceId);
      } finally {
        this.catching.delete(allianceId);
      }
    })();
    this.catching.set(allianceId, run);
    return run;
  }

  /** Posts optimistically; returns the client id the comment keeps. */
  post(draft: CommentDraft): string {
    const id = crypto.randomUUID();
    const pending = new Map(this.pendingById());
    pending.set(id, {
      ...draft,
      parentId: draft.parentId ?? null,
      mentions: draft.mentions ?? [],
      id,
      status: 'sending',
      createdAt: new Date().toISOString(),
    });
    this.pendingById.set(pending);
    void this.send(id);
    return id;
  }

  /** Sends a failed post again, with the same id: the server answers with the original if it got it. */
  retry(id: string): Promise<void> {
    if (!this.pendingById().has(id)) return Promise.resolve();
    this.setPending(id, { status: 'sending', error: undefined });
    return this.send(id);
  }

  /** Forgets a failed post. */
  discard(id: string): void {
    const pending = new Map(this.pendingById());
    pending.delete(id);
    this.pendingById.set(pending);
  }

  async edit(id: string, body: string, mentions?: string[]): Promise<void> {
    this.apply(await firstValueFrom(this.api.update(id, { body, mentions })));
  }

  async remove(id: string): Promise<void> {
    this.apply(await firstValueFrom(this.api.remove(id)));
  }

  async resolve(id: string, resolved = true): Promise<void> {
    this.apply(await firstValueFrom(this.api.resolve(id, resolved)));
  }

  /** Tells the others one is typing, at most every two seconds per target. */
  sendTyping(allianceId: string, target: SimpleTarget): void {
    const key = `${allianceId}|${targetKey(target)}`;
    const now = Date.now();
    if (now - (this.typingSent.get(key) ?? 0) < TYPING_THROTTLE_MS) return;
    this.typingSent.set(key, now);
    this.live.emit('comment:typing', { allianceId, target: { type: target.type, id: target.id } });
  }

  /** The seq up to which a thread was read here. */
  seenSeq(allianceId: string, threadId: string): number {
    return this.seen()[`${allianceId}:${threadId}`] ?? 0;
  }

  markSeen(allianceId: string, threadId: string, seq: number): void {
    const key = `${allianceId}:${threadId}`;
    if ((this.seen()[key] ?? 0) >= seq) return;
    const next = { ...this.seen(), [key]: seq };
    this.seen.set(next);
    try {
      localStorage.setItem(SEEN_KEY, JSON.stringify(next));
    } catch {
      // Private browsing or a full storage: the badge is only kept for the session.
    }
  }

  private receive(comment: Comment, created: boolean): void {
    if (!comment?.allianceId || !this.joined.has(comment.allianceId)) return;
    const known = this.byId().has(comment.id);
    const previous = this.lastSeq(comment.allianceId);
    const changed = this.apply(comment);
    if (changed && created && !known && comment.author.id !== this.auth.user()?.id) this.arrival.set(comment);
    // A gap in the sequence means an event was missed: fetch it.
    if (previous > 0 && comment.seq > previous + 1) void this.catchUp(comment.allianceId);
  }

  private joinRoom(allianceId: string): void {
    this.live.emit('alliance:join', { allianceId }, (answer: { ok: true; lastSeq: number } | { error: string }) => {
      if (!answer || 'error' in answer) {
        this.refuse(allianceId);
        return;
      }
      if (answer.lastSeq > this.lastSeq(allianceId) || !this.isLoaded(allianceId)) void this.catchUp(allianceId);
    });
  }

  private refuse(allianceId: string): void {
    this.refused.set(new Set([...this.refused(), allianceId]));
  }

  private typed(event: { allianceId: string; target: SimpleTarget; user: PresenceEntry }): void {
    if (!event?.user || !event.target || event.user.userId === this.auth.user()?.id) return;
    const key = targetKey(event.target);
    const until = Date.now() + TYPING_SHOWN_MS;
    const others = this.typingEntries().filter(
      (t) => !(t.allianceId === event.allianceId && t.key === key && t.user.userId === event.user.userId) && t.until > Date.now(),
    );
    this.typingEntries.set([...others, { allianceId: event.allianceId, key, user: event.user, until }]);
    setTimeout(() => this.typingEntries.set(this.typingEntries().filter((t) => t.until > Date.now())), TYPING_SHOWN_MS + 50);
  }

  private async send(id: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const draft = this.pendingById().get(id);
      if (!draft) return;
      try {
        const comment = await firstValueFrom(
          this.api.create({
            id,
            allianceId: draft.allianceId,
            target: draft.target,
            body: draft.body,
            ...(draft.parentId ? { parentId: draft.parentId } : {}),
            ...(draft.mentions?.length ? { mentions: draft.mentions } : {}),
          }),
        );
        this.apply(comment);
        return;
      } catch (error) {
        if (isTransient(error) && attempt < this.retryDelays.length) {
          await new Promise((resolve) => setTimeout(resolve, this.retryDelays[attempt]));
          continue;
        }
        const code =
          error instanceof HttpErrorResponse ? ((error.error as { code?: string } | null)?.code ?? String(error.status)) : 'network';
        this.setPending(id, { status: 'failed', error: code });
        return;
      }
    }
  }

  private setPending(id: string, patch: Partial<PendingComment>): void {
    const current = this.pendingById().get(id);
    if (!current) return;
    const pending = new Map(this.pendingById());
    pending.set(id, { ...current, ...patch });
    this.pendingById.set(pending);
  }

  private readSeen(): Record<string, number> {
    try {
      return JSON.parse(localStorage.getItem(SEEN_KEY) ?? '{}') as Record<string, number>;
    } catch {
      return {};
    }
  }
}
