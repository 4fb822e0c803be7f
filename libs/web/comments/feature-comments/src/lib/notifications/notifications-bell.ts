import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatDivider } from '@angular/material/divider';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { Router } from '@angular/router';
import { TranslocoPipe, provideTranslocoScope } from '@jsverse/transloco';
import type { Notification } from '@alliances/shared/contracts';
import { NotificationsStore } from '@alliances/web/comments/data-access';
import { LocalDatePipe } from '@alliances/web/core';
import { notificationText } from './notification-text';

/** The bell of the top bar: the live unread count and the latest notifications. */
@Component({
  selector: 'all-notifications-bell',
  imports: [MatIconButton, MatMenu, MatMenuItem, MatMenuTrigger, MatDivider, TranslocoPipe, LocalDatePipe],
  providers: [provideTranslocoScope('comments')],
  template: `
    <button
      matIconButton
      type="button"
      class="bell"
      [matMenuTriggerFor]="menu"
      (menuOpened)="opened()"
      [attr.aria-label]="label() | transloco: { count: unread() }"
      data-testid="notifications-bell"
    >
      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      @if (unread() > 0) {
        <span class="count" aria-hidden="true" data-testid="notifications-unread">{{ unread() > 99 ? '99+' : unread() }}</span>
      }
    </button>
    <mat-menu #menu="matMenu" class="notifications-menu" xPosition="before">
      @if (items().length) {
        @for (n of latest(); track n.id) {
          <button mat-menu-item type="button" (click)="open(n)" [class.unread]="!n.readAt" data-testid="notification-item">
            <span class="line">
              <strong>{{ text(n).key | transloco: text(n).params }}</strong>
              @if (!n.readAt) {
                <span class="visually-hidden">, {{ 'comments.notifications.unreadMark' | transloco }}</span>
              }
            </span>
            <span class="line small">{{ n.allianceName }} · {{ n.createdAt | localDate: 'dateTime' }}</span>
          </button>
        }
      } @else {
        <p class="empty">{{ (status() === 'loading' ? 'comments.notifications.loading' : 'comments.notifications.empty') | transloco }}</p>
      }
      <mat-divider />
      @if (unread() > 0) {
        <button mat-menu-item type="button" (click)="markAll()" data-testid="notifications-mark-all">
          {{ 'comments.notifications.markAllRead' | transloco }}
        </button>
      }
      <button mat-menu-item type="button" (click)="seeAll()">{{ 'comments.notifications.seeAll' | transloco }}</button>
      <button mat-menu-item type="button" (click)="settings()" data-testid="notifications-settings">
        {{ 'comments.notifications.settings' | transloco }}
      </button>
    </mat-menu>
  `,
  styles: `
    .bell {
      position: relative;
    }
    .count {
      position: absolute;
      top: -2px;
      right: -6px;
      min-width: 1.25rem;
      padding: 0 0.25rem;
      border-radius: 999px;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font: var(--mat-sys-label-small);
      font-weight: 700;
      line-height: 1.25rem;
      text-align: center;
    }
    .line {
      display: block;
      line-height: 1.3;
    }
    .small {
      font: var(--mat-sys-body-small);
    }
    .empty {
      margin: 0;
      padding: 0.75rem 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationsBell {
  private readonly store = inject(NotificationsStore);
  private readonly router = inject(Router);

  protected readonly unread = this.store.unread;
  protected readonly items = this.store.items;
  protected readonly status = this.store.status;
  protected readonly latest = computed(() => this.items().slice(0, 8));
  protected readonly label = computed(() =>
    this.unread() === 0
      ? 'comments.notifications.bell'
      : this.unread() === 1
        ? 'comments.notifications.bellUnreadOne'
        : 'comments.notifications.bellUnread',
  );
  protected readonly text = notificationText;

  protected opened(): void {
    void this.store.load();
  }

  protected async open(n: Notification): Promise<void> {
    if (!n.readAt) void this.store.markRead([n.id]);
    await this.router.navigateByUrl(n.link);
  }

  protected markAll(): void {
    void this.store.markRead();
  }

  protected seeAll(): void {
    void this.router.navigateByUrl('/notifications');
  }

  protected settings(): void {
    void this.router.navigateByUrl('/account/notifications');
  }
}
