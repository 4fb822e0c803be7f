import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { AdminApi } from './admin.api';

describe('AdminApi', () => {
  let api: AdminApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(AdminApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('searches people with a trimmed query and sends no empty parameter', async () => {
    const done = firstValueFrom(api.users('  chlo ', null));
    const req = http.expectOne((r) => r.url === '/api/admin/users');
    expect(req.request.params.keys()).toEqual(['q']);
    expect(req.request.params.get('q')).toBe('chlo');
    req.flush({ items: [], nextCursor: null });
    await done;
  });

  it('reads the scheduled jobs and retries the failed runs of one', () => {
    api.jobs().subscribe();
    api.retryJob('evaluation_reminders').subscribe();
    expect(http.expectOne('/api/admin/jobs').request.method).toBe('GET');
    expect(http.expectOne('/api/admin/jobs/evaluation_reminders/retry').request.method).toBe('POST');
  });

  it('disables and enables through their own routes', () => {
    api.disable('u 1').subscribe();
    api.enable('u2').subscribe();
    expect(http.expectOne('/api/admin/users/u%201/disable').request.method).toBe('POST');
    expect(http.expectOne('/api/admin/users/u2/enable').request.method).toBe('POST');
  });

  it('filters the audit log on the server by actor and action, and on dates while reading', async () => {
    const done = api.auditLog({ actorId: 'a1', action: 'user.disabled', from: '2026-03-01', to: null });
    const req = http.expectOne((r) => r.url === '/api/admin/audit');
    expect(req.request.params.get('actorId')).toBe('a1');
    expect(req.request.params.get('action')).toBe('user.disabled');
    expect(req.request.params.get('limit')).toBe('200');
    expect(req.request.params.has('from')).toBe(false);
    const entry = (at: string) => ({
      id: at,
      at,
      actorId: 'a1',
      actorName: 'A',
      action: 'user.disabled',
      objectType: 'user',
      objectId: null,
      organisationId: null,
      ip: null,
      details: null,
    });
    req.flush({ items: [entry('2026-03-02T10:00:00.000Z'), entry('2026-02-27T10:00:00.000Z')], nextCursor: 'c' });
    expect((await done).items.map((e) => e.at)).toEqual(['2026-03-02T10:00:00.000Z']);
  });
});
