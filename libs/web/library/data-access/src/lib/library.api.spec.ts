import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { LibraryApi } from './library.api';

describe('LibraryApi', () => {
  let api: LibraryApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(LibraryApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('searches with the filters that are set, trimmed', async () => {
    const done = firstValueFrom(api.search({ q: ' aidants ', profile: 'company', scale: null, domain: '', category: undefined }));
    const req = http.expectOne((r) => r.url === '/api/case-studies');
    expect(req.request.params.keys().sort()).toEqual(['profile', 'q']);
    expect(req.request.params.get('q')).toBe('aidants');
    req.flush([]);
    expect(await done).toEqual([]);
  });

  it('reads an alliance without a card as null, and other failures as failures', async () => {
    const none = firstValueFrom(api.ofAlliance('a1'));
    http.expectOne('/api/alliances/a1/case-study').flush({ statusCode: 404 }, { status: 404, statusText: 'Not Found' });
    expect(await none).toBeNull();

    const refused = firstValueFrom(api.ofAlliance('a2'));
    http.expectOne('/api/alliances/a2/case-study').flush({ statusCode: 403 }, { status: 403, statusText: 'Forbidden' });
    await expect(refused).rejects.toMatchObject({ status: 403 });
  });

  it('gives consent with a POST and withdraws it with a DELETE on the organisation', () => {
    api.consent('cs1', 'o1').subscribe();
    api.withdraw('cs1', 'o1').subscribe();
    const give = http.expectOne({ method: 'POST', url: '/api/case-studies/cs1/consents' });
    expect(give.request.body).toEqual({ organisationId: 'o1' });
    http.expectOne({ method: 'DELETE', url: '/api/case-studies/cs1/consents/o1' });
  });

  it('names territories from their INSEE codes, keeping a code it cannot name', async () => {
    const done = firstValueFrom(api.territories(['69123', '99999']));
    http.expectOne('/api/territories?q=69123').flush([{ code: '69123', name: 'Lyon', kind: 'commune' }]);
    http.expectOne('/api/territories?q=99999').flush([]);
    expect(await done).toEqual([
      { code: '69123', name: 'Lyon' },
      { code: '99999', name: '99999' },
    ]);
  });
});
