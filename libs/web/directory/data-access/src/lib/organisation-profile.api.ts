import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Organisation, OrganisationPartneringProfile, UpdateOrganisationProfileRequest } from '@alliances/shared/contracts';
import { Observable } from 'rxjs';

/** Logos the API accepts (CONTRACT.md): PNG, JPEG or WebP up to 512 kB. */
export const LOGO_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/webp'];
export const LOGO_MAX_BYTES = 512 * 1024;

/** Where an organisation's logo is served (when it has one), for `<img src>`. */
export function organisationLogoUrl(id: string): string {
  return `/api/organisations/${encodeURIComponent(id)}/logo`;
}

/** An organisation as its members see it, with the profile it shows in the directory. */
export type EditableOrganisation = Organisation & Partial<OrganisationPartneringProfile>;

/** The organisation's public profile, edited by its admins. */
@Injectable({ providedIn: 'root' })
export class OrganisationProfileApi {
  private readonly http = inject(HttpClient);

  get(id: string): Observable<EditableOrganisation> {
    return this.http.get<EditableOrganisation>(this.base(id));
  }

  update(id: string, request: UpdateOrganisationProfileRequest): Observable<EditableOrganisation> {
    return this.http.patch<EditableOrganisation>(this.base(id), request);
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
