import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Dashboard } from '@alliances/shared/contracts';
import type { Observable } from 'rxjs';

/** GET /api/me/dashboard: what needs the signed-in person, and their alliances' health. */
@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);

  get(): Observable<Dashboard> {
    return this.http.get<Dashboard>('/api/me/dashboard');
  }
}
