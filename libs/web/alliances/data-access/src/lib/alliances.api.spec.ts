import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { AlliancesApi } from './alliances.api';

describe('AlliancesApi', () => {
  let api: AlliancesApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(AlliancesApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('answers an invitation on behalf of one organisation', async () => {
    const answer = firstValueFrom(api.respond('a1', 'o2', false));
    const request = http.expectOne('/api/alliances/a1/members/o2/decline');
    expect(request.request.method).toBe('POST');
    request.flush({ id: 'a1' });
    await expect(answer).resolves.toEqual({ id: 'a1' });
  });

  it('searches the directory by name', async () => {
    const found = firstValueFrom(api.directory('jardin'));
    http.expectOne((r) => r.url === '/api/alliances/directory/organisations' && r.params.get('q') === 'jardin').flush([]);
    await expect(found).resolves.toEqual([]);
  });

  it('sends the version read with an update', async () => {
    const saved = firstValueFrom(api.update('a1', { name: 'Nouvelle alliance', version: 3 }));
    const request = http.expectOne('/api/alliances/a1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ name: 'Nouvelle alliance', version: 3 });
    request.flush({ id: 'a1' });
    await saved;
  });
});
