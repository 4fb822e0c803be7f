import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DirectoryCard, DirectoryMap, OrganisationProfile, Page, PartnerNeed } from '@alliances/shared/contracts';
import { Observable } from 'rxjs';

/** What narrows the directory: the same filters drive the list and the map. */
export interface DirectoryFilters {
  q?: string;
  /** A commune, département or région code. */
  territory?: string;
  profile?: OrganisationProfile;
  domain?: string[];
  seeks?: PartnerNeed;
  offers?: PartnerNeed;
  open?: boolean;
  /** One of the caller's organisations: left out of the results, each card says how it complements it. */
  as?: string;
}

/** The list adds the order and the page. */
export interface DirectorySearch extends DirectoryFilters {
  sort?: 'name' | 'match';
  limit?: number;
  cursor?: string;
}

/** Query parameters of `GET /api/directory` and `/api/directory/map`: empty filters are left out, `domain` repeats. */
export function directoryParams(query: DirectorySearch): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (Array.isArray(value)) {
      for (const item of value) params = params.append(key, String(item));
    } else {
      params = params.set(key, String(value));
    }
  }
  return params;
}

/** The partner directory: listed, approved organisations, their public cards and where they are. */
@Injectable({ providedIn: 'root' })
export class DirectoryApi {
  private readonly http = inject(HttpClient);

  search(query: DirectorySearch): Observable<Page<DirectoryCard>> {
    return this.http.get<Page<DirectoryCard>>('/api/directory', { params: directoryParams(query) });
  }

  /** How many organisations match the filters, per département. */
  map(filters: DirectoryFilters): Observable<DirectoryMap> {
    return this.http.get<DirectoryMap>('/api/directory/map', { params: directoryParams(filters) });
  }

  card(organisationId: string, as?: string): Observable<DirectoryCard> {
    return this.http.get<DirectoryCard>(`/api/directory/${encodeURIComponent(organisationId)}`, {
      params: as ? { as } : {},
    });
  }
}
