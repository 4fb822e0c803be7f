import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CalendarTokenResponse } from '@alliances/shared/contracts';
import { Observable, map } from 'rxjs';

/** The person's secret iCalendar feed address (docs/api.md "Calendar"). */
@Injectable({ providedIn: 'root' })
export class CalendarTokenApi {
  private readonly http = inject(HttpClient);

  /** The address, created on the first call. */
  url(): Observable<string> {
    return this.http.get<CalendarTokenResponse>('/api/me/calendar-token').pipe(map((r) => r.url));
  }

  /** A new address; the previous one stops working at once. */
  regenerate(): Observable<string> {
    return this.http.post<CalendarTokenResponse>('/api/me/calendar-token', null).pipe(map((r) => r.url));
  }

  revoke(): Observable<void> {
    return this.http.delete<void>('/api/me/calendar-token');
  }
}
