import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { OrganisationWithProfile, UpdateOrganisationProfileRequest } from '@alliances/shared/contracts';
import { Observable } from 'rxjs';

/** Where an organisation's logo is served (when it has one), for `<img src>`. */
export function organisationLogoUrl(id: string): string {
  return `/api/organisations/${encodeURIComponent(id)}/logo`;
}

/** The organisation's public profile, edited by its admins. */
@Injectable({ providedIn: 'root' })
export class OrganisationProfileApi {
  private readonly http = inject(HttpClient);

  get(id: string): Observable<OrganisationWithProfile> {
    return this.http.get<OrganisationWithProfile>(this.base(id));
  }

  update(id: string, request: UpdateOrganisationProfileRequest): Observable<OrganisationWithProfile> {
    return this.http.patch<OrganisationWithProfile>(this.base(id), request);
  }

  /** The raw image as the body (the API reads its type from the bytes). */
  uploadLogo(id: string, file: File): Observable<void> {
    return this.http.put<void>(`${this.base(id)}/logo`, file, { headers: { 'Content-Type': file.type } });
  }

  deleteLogo(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base(id)}/logo`);
  }

  private base(id: string): string {
    return `/api/organisations/${encodeURIComponent(id)}`;
  }
}
