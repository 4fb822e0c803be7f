import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { runAsSystem, returnedRows } from '@alliances/api/core';
import type { Comment } from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';

type Emit = (allianceId: string, type: string, comment: Comment) => void;
type Load = (ids: string[]) => Promise<Comment[]>;

/**
 * Publishes the comment outbox to sockets. The instance that wrote an event claims it right after
 * commit; a periodic sweep lets any instance publish what a crashed one left behind. Claims use
 * FOR UPDATE SKIP LOCKED, so an event is published once; the socket.io adapter fans it out.
 */
@Injectable()
export class CommentPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CommentPublisher');
  private emit: Emit | undefined;
  private load: Load | undefined;
  private draining: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  attach(emit: Emit, load: Load): void {
    this.emit = emit;
    this.load = load;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.draining;
  }

  kick(): void {
    if (this.draining) {
      this.again = true;
      return;
    }
    // Publishes every alliance's events, whichever request kicked it (outside its tenant scope).
    this.draining = runAsSystem(() => this.drain())
      .catch((e: Error) => this.logger.warn(`publishing comments failed: ${e.message}`))
      .finally(() => {
        this.draining = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async drain(): Promise<void> {
    if (!this.emit || !this.load) return;
    for (;;) {
      const result = await this.dataSource.query(
        `UPDATE comment_events SET published_at = now()
          WHERE id IN (SELECT id FROM comment_events WHERE published_at IS NULL ORDER BY id LIMIT 200 FOR UPDATE SKIP LOCKED)
          RETURNING id, alliance_id, seq, type, comment_id`,
      );
      const events = returnedRows<{
        id: string;
        alliance_id: string;
        seq: string;
        type: string;
        comment_id: string;
      }>(result);
      if (!events.length) return;
      events.sort((a, b) => Number(a.seq) - Number(b.seq));
      const comments = new Map((await this.load([...new Set(events.map((e) => e.comment_id))])).map((c) => [c.id, c]));
      for (const event of events) {
        const comment = comments.get(event.comment_id);
        // The event's sequence, so a client applies changes in order even if a later one was already seen.
        if (comment) this.emit(event.alliance_id, event.type, { ...comment, seq: Math.max(comment.seq, Number(event.seq)) });
      }
    }
  }
}
