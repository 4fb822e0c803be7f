import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DeleteAccountRequest, NotificationChannels, NotificationPreferences, NotificationType } from '@alliances/shared/contracts';
import { Observable } from 'rxjs';

/** The person's rights over their own data (RGPD): a copy of it, and erasure. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  exportData(): Observable<Blob> {
    return this.http.get('/api/me/export', { responseType: 'blob' });
  }

  deleteAccount(body: DeleteAccountRequest): Observable<void> {
    return this.http.delete<void>('/api/me', { body });
  }

  notificationPreferences(): Observable<NotificationPreferences> {
    return this.http.get<NotificationPreferences>('/api/me/notification-preferences');
  }

  /** Changes the kinds given (each field optional); answers every kind's effective channels. */
  updateNotificationPreferences(
    changes: Partial<Record<NotificationType, Partial<NotificationChannels>>>,
  ): Observable<NotificationPreferences> {
    return this.http.put<NotificationPreferences>('/api/me/notification-preferences', changes);
  }
}
