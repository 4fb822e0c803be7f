import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DocumentsApi } from './documents.api';

describe('DocumentsApi', () => {
  let api: DocumentsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(DocumentsApi);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('lists the documents of one report with its target as query parameters', () => {
    api.list('a-1', { type: 'grant_report', id: 'r-1' }).subscribe();
    const req = http.expectOne((r) => r.url === '/api/alliances/a-1/documents');
    expect(req.request.params.get('targetType')).toBe('grant_report');
    expect(req.request.params.get('targetId')).toBe('r-1');
    req.flush([]);
  });

  it('sends the fields before the file, asking for progress events', () => {
    const file = new File(['%PDF-1.7'], 'rapport.pdf', { type: 'application/pdf' });
    const events: number[] = [];
    api.upload('a-1', file, 'funders', { type: 'grant_report', id: 'r-1' }).subscribe((e) => events.push(e.type));
    const req = http.expectOne('/api/alliances/a-1/documents');
    expect(req.request.reportProgress).toBe(true);
    const form = req.request.body as FormData;
    expect([...form.keys()]).toEqual(['visibility', 'targetType', 'targetId', 'file']);
    expect((form.get('file') as File).name).toBe('rapport.pdf');
    req.event({ type: HttpEventType.UploadProgress, loaded: 4, total: 8 });
    req.flush({ id: 'd-1' });
    expect(events).toContain(HttpEventType.UploadProgress);
  });
});
