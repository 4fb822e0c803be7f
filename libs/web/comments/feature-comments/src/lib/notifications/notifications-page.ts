import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Notification } from '@alliances/shared/contracts';
import { NotificationsStore } from '@alliances/web/comments/data-access';
import { LocalDatePipe } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { notificationText } from './notification-text';

/** `/notifications`: every notification, newest first. */
@Component({
  selector: 'all-notifications-page',
  imports: [MatButton, RouterLink, TranslocoPipe, LocalDatePipe, Notice],
  template: `
    <div class="page">
      <div class="head">
        <h1>{{ 'comments.notifications.title' | transloco }}</h1>
        @if (store.unread() > 0) {
          <button matButton="outlined" type="button" (click)="markAll()" data-testid="notifications-mark-all">
            {{ 'comments.notifications.markAllRead' | transloco }}
          </button>
        }
        <a matButton routerLink="/account/notifications" data-testid="notifications-settings">{{
          'comments.notifications.settings' | transloco
        }}</a>
      </div>
      @switch (store.status()) {
        @case ('error') {
          <all-notice kind="error">{{ 'comments.notifications.error' | transloco }}</all-notice>
        }
        @case ('loading') {
          @if (!store.items().length) {
            <p>{{ 'comments.notifications.loading' | transloco }}</p>
          }
        }
      }
      @if (store.status() === 'loaded' && !store.items().length) {
        <p>{{ 'comments.notifications.empty' | transloco }}</p>
      }
      <ul class="list">
        @for (n of store.items(); track n.id) {
          <li [class.unread]="!n.readAt">
            <a [href]="n.link" (click)="open($event, n)" data-testid="notification-item">
              {{ text(n).key | transloco: text(n).params }}
              @if (!n.readAt) {
                <span class="tag">{{ 'comments.notifications.unreadMark' | transloco }}</span>
              }
            </a>
            <div class="muted">
              @if (n.allianceName) {
                {{ n.allianceName }} ·
              }
              {{ n.createdAt | localDate: 'dateTime' }}
            </div>
            @if (n.excerpt) {
              <p class="excerpt">{{ n.excerpt }}</p>
            }
          </li>
        }
      </ul>
      @if (store.hasMore()) {
        <button matButton="outlined" type="button" (click)="more()">{{ 'comments.notifications.more' | transloco }}</button>
      }
    </div>
  `,
  styles: `
    .page {
      max-width: 48rem;
      margin: 0 auto;
      padding: 1rem;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
    }
    .list {
      list-style: none;
      padding: 0;
    }
    .list li {
      padding: 0.75rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .unread a {
      font-weight: 700;
    }
    .tag {
      margin-left: 0.5rem;
      padding: 0 0.4rem;
      border-radius: 999px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font: var(--mat-sys-label-medium);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .excerpt {
      margin: 0.25rem 0 0;
      white-space: pre-wrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationsPage implements OnInit {
  protected readonly store = inject(NotificationsStore);
  private readonly router = inject(Router);
  protected readonly text = notificationText;

  ngOnInit(): void {
    void this.store.load();
  }

  protected async open(event: Event, n: Notification): Promise<void> {
    event.preventDefault();
    if (!n.readAt) void this.store.markRead([n.id]);
    await this.router.navigateByUrl(n.link);
  }

  protected markAll(): void {
    void this.store.markRead();
  }

  protected more(): void {
    void this.store.loadMore();
  }
}
