import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { SecurityApi } from '@alliances/web/identity/data-access';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import type { AccountSession } from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';

/** The devices signed in to the account, and closing those the person does not recognise. */
@Component({
  selector: 'all-sessions-section',
  imports: [MatButton, TranslocoPipe, LocalDatePipe, Notice],
  template: `
    <section aria-labelledby="account-sessions-title">
      <h2 id="account-sessions-title" tabindex="-1" #title>{{ 'account.sessions.title' | transloco }}</h2>
      <p>{{ 'account.sessions.text' | transloco }}</p>
      <div aria-live="polite">
        @if (errorKey(); as key) {
          <all-notice kind="error" data-testid="sessions-error">{{ key | transloco }}</all-notice>
        }
        @if (messageKey(); as message) {
          <all-notice kind="success" data-testid="sessions-message">{{ message.key | transloco: { count: message.count } }}</all-notice>
        }
      </div>
      @if (sessions.hasValue()) {
        <ul class="sessions" data-testid="sessions">
          @for (session of sessions.value(); track session.id) {
            <li class="session" data-testid="session" [attr.data-current]="session.current">
              <div class="session-text">
                <strong>{{ session.device || ('account.sessions.unknownDevice' | transloco) }}</strong>
                @if (session.current) {
                  <span class="this-device" data-testid="session-current">{{ 'account.sessions.current' | transloco }}</span>
                }
                <span class="session-meta">
                  {{ 'account.sessions.method.' + session.method | transloco }}
                  @if (session.ip) {
                    · {{ 'account.sessions.ip' | transloco: { ip: session.ip } }}
                  }
                  · {{ 'account.sessions.createdAt' | transloco: { date: (session.createdAt | localDate: 'dateTime') } }} ·
                  {{ 'account.sessions.lastSeen' | transloco: { date: (session.lastSeenAt | localDate: 'dateTime') } }}
                </span>
              </div>
              @if (!session.current) {
                <button
                  matButton="outlined"
                  type="button"
                  [disabled]="pending()"
                  (click)="revoke(session)"
                  [attr.aria-label]="
                    'account.sessions.revokeLabel' | transloco: { device: session.device || ('account.sessions.unknownDevice' | transloco) }
                  "
                  data-testid="session-revoke"
                >
                  {{ 'account.sessions.revoke' | transloco }}
                </button>
              }
            </li>
          }
        </ul>
        @if (hasOthers()) {
          <button
            matButton="outlined"
            type="button"
            class="danger"
            [disabled]="pending()"
            (click)="revokeOthers()"
            data-testid="sessions-revoke-others"
          >
            {{ 'account.sessions.revokeOthers' | transloco }}
          </button>
        }
      } @else if (sessions.error(); as error) {
        <all-notice kind="error">{{ errorKeyOf(error) | transloco }}</all-notice>
      } @else {
        <p role="status">{{ 'common.loading' | transloco }}</p>
      }
    </section>
  `,
  styleUrl: './account-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionsSection {
  private readonly api = inject(SecurityApi);
  private readonly title = viewChild.required<ElementRef<HTMLElement>>('title');

  protected readonly sessions = rxResource({ stream: () => this.api.sessions() });
  protected readonly pending = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly messageKey = signal<{ key: string; count: number } | null>(null);

  protected hasOthers(): boolean {
    return this.sessions.hasValue() && this.sessions.value().some((session) => !session.current);
  }

  protected async revoke(session: AccountSession): Promise<void> {
    await this.run(async () => {
      await firstValueFrom(this.api.revokeSession(session.id));
      // The row goes with the message, not a round trip later (the list is reloaded after anyway).
      this.sessions.update((list) => list?.filter((s) => s.id !== session.id));
      this.messageKey.set({ key: 'account.sessions.revoked', count: 1 });
      // The button that had the focus is gone with its row: the section's heading takes it.
      this.title().nativeElement.focus();
    });
  }

  protected async revokeOthers(): Promise<void> {
    await this.run(async () => {
      const { revoked } = await firstValueFrom(this.api.revokeOtherSessions());
      this.sessions.update((list) => list?.filter((s) => s.current));
      this.messageKey.set({ key: 'account.sessions.revokedOthers', count: revoked });
      this.title().nativeElement.focus();
    });
  }

  protected errorKeyOf(error: unknown): string {
    return errorMessageKey(error);
  }

  private async run(task: () => Promise<void>): Promise<void> {
    this.errorKey.set(null);
    this.messageKey.set(null);
    this.pending.set(true);
    try {
      await task();
    } catch (error) {
      this.errorKey.set(errorMessageKey(error));
    } finally {
      this.pending.set(false);
      this.sessions.reload();
    }
  }
}
