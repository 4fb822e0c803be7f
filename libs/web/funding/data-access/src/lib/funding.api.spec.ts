import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { translocoTesting } from '@alliances/web/core/testing';
import { FundingApi } from './funding.api';

describe('FundingApi', () => {
  let api: FundingApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [translocoTesting()], providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(FundingApi);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('asks for the portfolio with only the filters that are set', () => {
    api.portfolio('org/1', { domain: 'carers', territory: '', status: null }).subscribe();
    const req = http.expectOne((r) => r.url === '/api/organisations/org%2F1/portfolio');
    expect(req.request.params.keys()).toEqual(['domain']);
    expect(req.request.params.get('domain')).toBe('carers');
    req.flush({ organisationId: 'org/1', entries: [], totals: { committed: 0, paid: 0, contributions: 0 }, timeline: [] });
  });

  it('sends a review without a comment when approving, with one when sending back', () => {
    api.reviewReport('r-1', true).subscribe();
    api.reviewReport('r-1', false, 'Ajoutez les chiffres par commune').subscribe();
    const [approve, back] = http.match('/api/reports/r-1/review');
    expect(approve.request.body).toEqual({ approved: true });
    expect(back.request.body).toEqual({ approved: false, comment: 'Ajoutez les chiffres par commune' });
    approve.flush({});
    back.flush({});
  });

  it('patches a tranche with its new status', () => {
    api.setTrancheStatus('t-1', 'requested').subscribe();
    const req = http.expectOne('/api/tranches/t-1');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ status: 'requested' });
    req.flush({});
  });

  it('downloads the CSV with the bearer token and the filters', async () => {
    const fetchMock = jest.fn().mockResolvedValue({ ok: true, blob: () => Promise.resolve(new Blob(['a,b'])) });
    const original = globalThis.fetch;
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    try {
      await api.portfolioCsv('org-1', { status: 'active' });
      expect(fetchMock).toHaveBeenCalledWith(
        '/api/organisations/org-1/portfolio?status=active&format=csv',
        expect.objectContaining({ credentials: 'same-origin' }),
      );
      fetchMock.mockResolvedValueOnce({ ok: false, status: 404 });
      await expect(api.portfolioCsv('org-1')).rejects.toThrow('404');
    } finally {
      globalThis.fetch = original;
    }
  });
});
