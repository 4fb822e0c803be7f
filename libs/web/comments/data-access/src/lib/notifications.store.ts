import { Injectable, computed, effect, inject, signal } from '@angular/core';
import type { Notification } from '@alliances/shared/contracts';
import { AuthStore } from '@alliances/web/identity/data-access';
import { firstValueFrom } from 'rxjs';
import { CommentsApi } from './comments.api';
import { LiveConnection } from './live-connection';

/** The signed-in person's notifications and their unread count, kept live by `notification:unread`. */
@Injectable({ providedIn: 'root' })
export class NotificationsStore {
  private readonly api = inject(CommentsApi);
  private readonly live = inject(LiveConnection);
  private readonly auth = inject(AuthStore);

  private readonly list = signal<Notification[]>([]);
  private readonly count = signal(0);
  private readonly state = signal<'idle' | 'loading' | 'loaded' | 'error'>('idle');
  private readonly cursor = signal<string | null>(null);

  readonly items = this.list.asReadonly();
  readonly unread = this.count.asReadonly();
  readonly status = this.state.asReadonly();
  readonly hasMore = computed(() => !!this.cursor());

  constructor() {
    this.live.on('notification:unread', (event: { unread: number }) => {
      if (typeof event?.unread !== 'number') return;
      const grew = event.unread > this.count();
      this.count.set(event.unread);
      // Something new arrived: the list, if it was shown, is refreshed.
      if (grew && this.state() === 'loaded') void this.load();
    });
    effect(() => {
      if (!this.auth.isSignedIn()) {
        this.list.set([]);
        this.count.set(0);
        this.state.set('idle');
      }
    });
  }

  async load(): Promise<void> {
    this.state.set('loading');
    try {
      const page = await firstValueFrom(this.api.notifications());
      this.list.set(page.items);
      this.count.set(page.unread);
      this.cursor.set(page.nextCursor);
      this.state.set('loaded');
    } catch {
      this.state.set('error');
    }
  }

  async loadMore(): Promise<void> {
    const cursor = this.cursor();
    if (!cursor) return;
    const page = await firstValueFrom(this.api.notifications(cursor));
    this.list.set([...this.list(), ...page.items]);
    this.cursor.set(page.nextCursor);
  }

  /** Marks some notifications (or all, without ids) as read. */
  async markRead(ids?: string[]): Promise<void> {
    const now = new Date().toISOString();
    this.list.set(this.list().map((n) => ((!ids || ids.includes(n.id)) && !n.readAt ? { ...n, readAt: now } : n)));
    const { unread } = await firstValueFrom(this.api.markRead(ids));
    this.count.set(unread);
  }
}
