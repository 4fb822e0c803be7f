import { CdkCopyToClipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { CalendarTokenApi } from '@alliances/web/identity/data-access';
import { errorMessageKey } from '@alliances/web/core';
import { Notice, confirmAction } from '@alliances/web/ui';
import { Observable, firstValueFrom } from 'rxjs';

/**
 * The personal calendar feed: how to subscribe to it from a calendar application, its secret address
 * to copy, a new address when the old one leaked, or none at all. The address is only asked for (and
 * created) when the person wants it.
 */
@Component({
  selector: 'all-calendar-section',
  imports: [CdkCopyToClipboard, MatButton, MatFormField, MatLabel, MatHint, MatInput, TranslocoPipe, Notice],
  template: `
    <section aria-labelledby="account-calendar-title" data-testid="calendar-section">
      <h2 id="account-calendar-title" tabindex="-1" #title>{{ 'calendar.title' | transloco }}</h2>
      <p>{{ 'calendar.intro' | transloco }}</p>
      <ul class="calendar-apps">
        <li><strong>Google Agenda</strong> — {{ 'calendar.apps.google' | transloco }}</li>
        <li><strong>Outlook</strong> — {{ 'calendar.apps.outlook' | transloco }}</li>
        <li><strong>Thunderbird</strong> — {{ 'calendar.apps.thunderbird' | transloco }}</li>
        <li><strong>Apple Calendar</strong> — {{ 'calendar.apps.apple' | transloco }}</li>
      </ul>
      <div aria-live="polite">
        @if (errorKey(); as key) {
          <all-notice kind="error" data-testid="calendar-error">{{ key | transloco }}</all-notice>
        }
        @if (messageKey(); as key) {
          <all-notice kind="success" data-testid="calendar-message">{{ key | transloco }}</all-notice>
        }
      </div>
      @if (url(); as url) {
        <div class="calendar-url">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'calendar.url' | transloco }}</mat-label>
            <input matInput readonly type="url" [value]="url" (focus)="selectAll($event)" data-testid="calendar-url" />
            <mat-hint>{{ 'calendar.secret' | transloco }}</mat-hint>
          </mat-form-field>
          <button
            matButton="filled"
            type="button"
            [cdkCopyToClipboard]="url"
            (cdkCopyToClipboardCopied)="copied($event)"
            data-testid="calendar-copy"
          >
            {{ 'calendar.copy' | transloco }}
          </button>
        </div>
        <div class="calendar-actions">
          <button matButton="outlined" type="button" [disabled]="pending()" (click)="regenerate()" data-testid="calendar-regenerate">
            {{ 'calendar.regenerate' | transloco }}
          </button>
          <button matButton="outlined" type="button" class="danger" [disabled]="pending()" (click)="revoke()" data-testid="calendar-revoke">
            {{ 'calendar.revoke' | transloco }}
          </button>
        </div>
      } @else {
        <button matButton="outlined" type="button" [disabled]="pending()" (click)="show()" data-testid="calendar-show">
          {{ 'calendar.show' | transloco }}
        </button>
      }
    </section>
  `,
  styles: `
    .calendar-apps {
      padding-inline-start: 1.25rem;
    }
    .calendar-url {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0.5rem 1rem;
    }
    .calendar-url mat-form-field {
      flex: 1 1 28rem;
    }
    .calendar-url button {
      margin-top: 0.5rem;
    }
    .calendar-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 1.5rem;
    }
  `,
  styleUrl: './account-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarSection {
  private readonly api = inject(CalendarTokenApi);
  private readonly dialog = inject(MatDialog);
  private readonly title = viewChild.required<ElementRef<HTMLElement>>('title');

  protected readonly url = signal<string | null>(null);
  protected readonly pending = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly messageKey = signal<string | null>(null);

  protected async show(): Promise<void> {
    await this.run(this.api.url(), null);
  }

  protected async regenerate(): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: 'calendar.regenerateConfirm.title',
      message: 'calendar.regenerateConfirm.message',
      confirm: 'calendar.regenerate',
      destructive: true,
    });
    if (confirmed) await this.run(this.api.regenerate(), 'calendar.regenerated');
  }

  protected async revoke(): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: 'calendar.revokeConfirm.title',
      message: 'calendar.revokeConfirm.message',
      confirm: 'calendar.revoke',
      destructive: true,
    });
    if (!confirmed) return;
    await this.run(this.api.revoke(), 'calendar.revoked');
    // The field and its buttons are gone: the section's heading takes the focus.
    if (!this.url()) this.title().nativeElement.focus();
  }

  protected copied(success: boolean): void {
    this.errorKey.set(success ? null : 'calendar.copyFailed');
    this.messageKey.set(success ? 'calendar.copied' : null);
  }

  protected selectAll(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }

  /** Calls the API; an address answered replaces the shown one, nothing answered (revoked) hides it. */
  private async run(call: Observable<string | void>, successKey: string | null): Promise<void> {
    this.errorKey.set(null);
    this.messageKey.set(null);
    this.pending.set(true);
    try {
      const url = await firstValueFrom(call, { defaultValue: undefined });
      this.url.set(typeof url === 'string' ? url : null);
      this.messageKey.set(successKey);
    } catch (error) {
      this.errorKey.set(errorMessageKey(error));
    } finally {
      this.pending.set(false);
    }
  }
}
