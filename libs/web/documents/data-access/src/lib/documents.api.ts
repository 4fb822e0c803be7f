import { HttpClient, HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AllianceDocument, DocumentDetail, DocumentTarget, DocumentVisibility } from '@alliances/shared/contracts';
import { Observable } from 'rxjs';

const enc = encodeURIComponent;

/** Documents of an alliance: list, streamed upload with progress events, new version, download, delete. */
@Injectable({ providedIn: 'root' })
export class DocumentsApi {
  private readonly http = inject(HttpClient);

  list(allianceId: string, target?: DocumentTarget): Observable<AllianceDocument[]> {
    let params = new HttpParams();
    if (target) params = params.set('targetType', target.type).set('targetId', target.id);
    return this.http.get<AllianceDocument[]>(`/api/alliances/${enc(allianceId)}/documents`, { params });
  }

  /** Upload events (progress, then the response): the fields go before the file, as the API reads them. */
  upload(allianceId: string, file: File, visibility: DocumentVisibility, target?: DocumentTarget): Observable<HttpEvent<DocumentDetail>> {
    const form = new FormData();
    form.append('visibility', visibility);
    if (target) {
      form.append('targetType', target.type);
      form.append('targetId', target.id);
    }
    form.append('file', file, file.name);
    return this.http.post<DocumentDetail>(`/api/alliances/${enc(allianceId)}/documents`, form, { reportProgress: true, observe: 'events' });
  }

  addVersion(documentId: string, file: File): Observable<HttpEvent<DocumentDetail>> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<DocumentDetail>(`/api/documents/${enc(documentId)}/versions`, form, { reportProgress: true, observe: 'events' });
  }

  /** The bytes, through HttpClient so the bearer token goes with them. */
  content(documentId: string): Observable<Blob> {
    return this.http.get(`/api/documents/${enc(documentId)}/content`, { responseType: 'blob' });
  }

  remove(documentId: string): Observable<void> {
    return this.http.delete<void>(`/api/documents/${enc(documentId)}`);
  }
}
