import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { translocoTesting } from '@alliances/web/core/testing';
import { firstValueFrom } from 'rxjs';
import { ObjectivesApi } from './objectives.api';

describe('ObjectivesApi', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({ imports: [translocoTesting()], providers: [provideHttpClient(), provideHttpClientTesting()] }),
  );

  it('sends a check-in with its client id so a retry is idempotent', async () => {
    const api = TestBed.inject(ObjectivesApi);
    const http = TestBed.inject(HttpTestingController);
    const sent = firstValueFrom(api.checkIn('ind/1', { id: 'c-1', value: 12, date: '2026-05-01' }));
    const req = http.expectOne('/api/indicators/ind%2F1/checkins');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ id: 'c-1', value: 12, date: '2026-05-01' });
    req.flush({ id: 'c-1' });
    await expect(sent).resolves.toEqual({ id: 'c-1' });
  });

  it('puts the benefits of one organisation', () => {
    const api = TestBed.inject(ObjectivesApi);
    const http = TestBed.inject(HttpTestingController);
    api.setBenefit('o-1', 'org-1', ['positioning']).subscribe();
    const req = http.expectOne('/api/objectives/o-1/benefits/org-1');
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({ squares: ['positioning'] });
    req.flush({});
  });
});
