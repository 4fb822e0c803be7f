import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatFormField } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AccountApi } from '@alliances/web/identity/data-access';
import { errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import {
  MAIL_CADENCES,
  NOTIFICATION_KINDS,
  type MailCadence,
  type NotificationChannels,
  type NotificationPreferences,
  type NotificationType,
} from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';

/**
 * "Notifications" of the account: for each kind, shown in the app or not, and mailed at once, in the
 * daily or weekly digest, or never. Each change is saved at once and confirmed in a snackbar.
 */
@Component({
  selector: 'all-notification-preferences-page',
  imports: [MatSlideToggle, MatFormField, MatSelect, MatOption, RouterLink, TranslocoPipe, Notice],
  templateUrl: './notification-preferences-page.html',
  styleUrl: './notification-preferences-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationPreferencesPage {
  private readonly api = inject(AccountApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  protected readonly kinds = NOTIFICATION_KINDS;
  protected readonly cadences = MAIL_CADENCES;
  protected readonly preferences = rxResource({ stream: () => this.api.notificationPreferences() });
  /** What the page shows: the server's answer, then each saved change. */
  protected readonly current = signal<NotificationPreferences | undefined>(undefined);
  protected readonly saving = signal<NotificationType | null>(null);
  protected readonly errorKey = errorMessageKey;

  protected channels(kind: NotificationType): NotificationChannels | undefined {
    return (this.current() ?? (this.preferences.hasValue() ? this.preferences.value() : undefined))?.[kind];
  }

  protected setInApp(kind: NotificationType, inApp: boolean): Promise<void> {
    return this.save(kind, { inApp });
  }

  protected setMail(kind: NotificationType, mail: MailCadence): Promise<void> {
    return this.save(kind, { mail });
  }

  private async save(kind: NotificationType, change: Partial<NotificationChannels>): Promise<void> {
    this.saving.set(kind);
    try {
      this.current.set(await firstValueFrom(this.api.updateNotificationPreferences({ [kind]: change })));
      this.snackBar.open(this.transloco.translate('notificationPreferences.saved'), undefined, { duration: 3000, politeness: 'polite' });
    } catch (error) {
      this.snackBar.open(this.transloco.translate(errorMessageKey(error)), undefined, { duration: 5000, politeness: 'assertive' });
      this.preferences.reload();
      this.current.set(undefined);
    } finally {
      this.saving.set(null);
    }
  }
}
