import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { GovernanceApi } from './governance.api';

describe('GovernanceApi', () => {
  let api: GovernanceApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(GovernanceApi);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('sends only the filters that are set', () => {
    api.decisions('a1', { q: 'comité', status: null }).subscribe();
    const req = http.expectOne((r) => r.url === '/api/alliances/a1/decisions');
    expect(req.request.params.keys()).toEqual(['q']);
    expect(req.request.params.get('q')).toBe('comité');
    api.actions('a1', { assignee: 'me', status: 'open' }).subscribe();
    expect(http.expectOne((r) => r.url === '/api/alliances/a1/actions').request.params.toString()).toBe('assignee=me&status=open');
  });

  it('puts my organisation’s position and closes a decision', () => {
    api.setPosition('d1', { organisationId: 'o1', position: 'block', reason: 'Non' }).subscribe();
    const put = http.expectOne('/api/decisions/d1/positions/me');
    expect(put.request.method).toBe('PUT');
    api.close('d1').subscribe();
    expect(http.expectOne('/api/decisions/d1/close').request.method).toBe('POST');
    expect(api.exportUrl('a1', { q: 'x', status: 'adopted' })).toBe('/api/alliances/a1/decisions/export?format=csv&q=x&status=adopted');
  });
});
