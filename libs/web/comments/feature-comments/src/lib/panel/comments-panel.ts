import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnDestroy,
  afterRenderEffect,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { TranslocoPipe, provideTranslocoScope } from '@jsverse/transloco';
import type { CharterAnchor, Comment, CommentTarget } from '@alliances/shared/contracts';
import { LiveComments, type PendingComment } from '@alliances/web/comments/data-access';
import { LocalDatePipe } from '@alliances/web/core';
import { AuthStore } from '@alliances/web/identity/data-access';
import { Notice, confirmAction } from '@alliances/web/ui';
import { CommentComposer, type ComposerValue } from './comment-composer';

interface Thread {
  root: Comment;
  replies: Comment[];
  pendingReplies: PendingComment[];
  unread: number;
  lastSeq: number;
}

/**
 * The live discussion of one target (an alliance, a charter passage, an objective…): threads of a
 * root comment and its replies, posting with @mentions, resolve / reopen, edit / delete one's own.
 * Drop it anywhere: `<all-comments-panel [allianceId]="id" [target]="{ type: 'objective', id }" />`.
 */
@Component({
  selector: 'all-comments-panel',
  imports: [NgTemplateOutlet, MatButton, TranslocoPipe, LocalDatePipe, Notice, CommentComposer],
  providers: [provideTranslocoScope('comments')],
  templateUrl: './comments-panel.html',
  styleUrl: './comments-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommentsPanel implements OnDestroy {
  private readonly store = inject(LiveComments);
  protected readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);

  readonly allianceId = input.required<string>();
  readonly target = input.required<CommentTarget>();
  /** The panel's heading text (translation key); its level follows the page. */
  readonly heading = input('comments.panel.title');
  readonly headingLevel = input<2 | 3>(2);
  /** For passages: the hint shown while no passage is selected (translation key). */
  readonly selectHint = input('comments.panel.selectPassage');
  /**
   * For charter passages: the passage selected in the charter, on which a new thread opens. Without
   * one, the panel invites to select a passage (a passage thread needs its anchor).
   */
  readonly newAnchor = input<CharterAnchor | null>(null);
  /** The thread to bring into view and mark (e.g. its highlighted passage was clicked). */
  readonly activeThread = input<string | null>(null);
  /** "Show in the text" was chosen on a passage thread. */
  readonly jump = output<Comment>();
  /** The person gave up opening a thread on the selected passage. */
  readonly anchorDismissed = output<void>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** Passages of a live text (the charter, a meeting's minutes): a new thread needs its anchor. */
  protected readonly isPassage = computed(() => this.target().type === 'charter_passage' || this.target().type === 'minutes');

  protected readonly me = computed(() => this.auth.user()?.id ?? null);
  protected readonly refused = computed(() => this.store.isRefused(this.allianceId()));
  protected readonly loaded = computed(() => this.store.isLoaded(this.allianceId()));
  protected readonly offline = computed(() => this.store.connection() === 'connecting' && this.loaded());
  protected readonly replyingTo = signal<string | null>(null);
  protected readonly editing = signal<string | null>(null);
  protected readonly failed = signal(false);
  protected readonly announcement = signal<{ key: string; params: Record<string, string> } | null>(null);

  protected readonly threads = computed<Thread[]>(() => {
    const allianceId = this.allianceId();
    const target = this.target();
    const me = this.me();
    const comments = this.store.forTarget(allianceId, target);
    const pending = this.store.pendingFor(allianceId, target);
    const roots = comments.filter((c) => !c.parentId || !comments.some((p) => p.id === c.parentId));
    return roots.map((root) => {
      const replies = comments.filter((c) => c.parentId === root.id);
      const seen = this.store.seenSeq(allianceId, root.id);
      const all = [root, ...replies];
      return {
        root,
        replies,
        pendingReplies: pending.filter((p) => p.parentId === root.id),
        unread: all.filter((c) => c.seq > seen && c.author.id !== me && !c.deletedAt).length,
        lastSeq: Math.max(...all.map((c) => c.seq)),
      };
    });
  });

  protected readonly pendingRoots = computed(() => this.store.pendingFor(this.allianceId(), this.target()).filter((p) => !p.parentId));

  protected readonly typingText = computed(() => {
    const names = this.store.typing(this.allianceId(), this.target()).map((u) => u.displayName);
    if (!names.length) return null;
    return { key: names.length > 1 ? 'comments.panel.typingMany' : 'comments.panel.typing', names: names.join(', ') };
  });

  private joinedAlliance: string | null = null;
  private readonly firstArrival = this.store.lastArrival();

  constructor() {
    effect(() => {
      const allianceId = this.allianceId();
      untracked(() => {
        if (this.joinedAlliance === allianceId) return;
        if (this.joinedAlliance) this.store.leave(this.joinedAlliance);
        this.joinedAlliance = allianceId;
        this.store.join(allianceId);
      });
    });
    effect(() => {
      const arrival = this.store.lastArrival();
      if (!arrival || arrival === this.firstArrival) return;
      const target = untracked(this.target);
      if (arrival.allianceId !== untracked(this.allianceId) || arrival.target.type !== target.type || arrival.target.id !== target.id)
        return;
      const excerpt = (arrival.body ?? '').slice(0, 140);
      this.announcement.set({
        key: excerpt ? 'comments.panel.announce' : 'comments.panel.announceDeleted',
        params: { name: arrival.author.displayName, excerpt },
      });
    });
    afterRenderEffect(() => {
      const id = this.activeThread();
      if (!id || !this.threads().some((t) => t.root.id === id)) return;
      this.host.nativeElement
        .querySelector(`[data-thread-id="${CSS.escape(id)}"]`)
        ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    });
  }

  ngOnDestroy(): void {
    if (this.joinedAlliance) this.store.leave(this.joinedAlliance);
  }

  protected post(value: ComposerValue, parentId: string | null = null): void {
    const anchor = this.newAnchor();
    // A new passage thread carries the selected passage; a reply belongs to its thread's target.
    const target: CommentTarget = !parentId && this.isPassage() && anchor ? { ...this.target(), anchor } : this.target();
    this.store.post({ allianceId: this.allianceId(), target, body: value.body, mentions: value.mentions, parentId });
    if (parentId) this.replyingTo.set(null);
    else if (this.isPassage()) this.anchorDismissed.emit();
  }

  protected typing(): void {
    this.store.sendTyping(this.allianceId(), this.target());
  }

  protected retry(id: string): void {
    void this.store.retry(id);
  }

  protected discard(id: string): void {
    this.store.discard(id);
  }

  protected markSeen(thread: Thread): void {
    if (thread.unread) this.store.markSeen(this.allianceId(), thread.root.id, thread.lastSeq);
  }

  protected async save(comment: Comment, value: ComposerValue): Promise<void> {
    await this.attempt(() => this.store.edit(comment.id, value.body, value.mentions));
    this.editing.set(null);
  }

  protected async toggleResolved(comment: Comment): Promise<void> {
    await this.attempt(() => this.store.resolve(comment.id, !comment.resolvedAt));
  }

  protected async remove(comment: Comment): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: 'comments.panel.deleteTitle',
      message: 'comments.panel.deleteMessage',
      confirm: 'comments.panel.delete',
      destructive: true,
    });
    if (confirmed) await this.attempt(() => this.store.remove(comment.id));
  }

  private async attempt(action: () => Promise<void>): Promise<void> {
    this.failed.set(false);
    try {
      await action();
    } catch {
      this.failed.set(true);
    }
  }
}
