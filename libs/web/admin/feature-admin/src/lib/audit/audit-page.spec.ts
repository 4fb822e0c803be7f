import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { browserLanguage } from '@alliances/web/core/testing';
import { settle } from '@alliances/web/identity/data-access/testing';
import type { AuditEntry } from '@alliances/shared/contracts';
import { adminTranslocoTesting } from '../../testing/admin-testing';
import { AuditPage } from './audit-page';

const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({
  id: overrides.at ?? 'e1',
  at: '2026-03-02T10:00:00.000Z',
  actorId: 'u-admin',
  actorName: 'Camille Admin',
  action: 'user.disabled',
  objectType: 'user',
  objectId: '0b9f3c2e-0000-4000-8000-000000000001',
  organisationId: null,
  ip: '203.0.113.7',
  details: null,
  ...overrides,
});

describe('AuditPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [adminTranslocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(inputs: Record<string, string> = {}) {
    const fixture = TestBed.createComponent(AuditPage);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    fixture.detectChanges();
    await settle();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('asks the API for the filters of the address and labels known actions', async () => {
    const { fixture, el } = await render({ actorId: 'u-admin', actor: 'Camille Admin', action: 'user.disabled' });
    const req = http.expectOne((r) => r.url === '/api/admin/audit');
    expect(req.request.params.get('actorId')).toBe('u-admin');
    expect(req.request.params.get('action')).toBe('user.disabled');
    req.flush({
      items: [
        entry({}),
        entry({ at: '2026-03-01T10:00:00.000Z', action: 'custom.thing', objectType: 'widget', details: { reason: 'Doublon' } }),
      ],
      nextCursor: 'next',
    });
    await settle();
    fixture.detectChanges();
    const rows = [...el.querySelectorAll('[data-testid="audit-row"]')].map((r) => r.textContent?.replace(/\s+/g, ' ').trim());
    expect(rows[0]).toContain('Compte désactivé user.disabled');
    expect(rows[0]).toContain('Compte 0b9f3c2e');
    expect(rows[1]).toContain('custom.thing');
    expect(rows[1]).toContain('reason : Doublon');
    expect((el.querySelector('[data-testid="audit-actor"]') as HTMLInputElement).value).toBe('Camille Admin');

    el.querySelector<HTMLButtonElement>('[data-testid="audit-more"]')?.click();
    const more = http.expectOne((r) => r.url === '/api/admin/audit' && r.params.get('cursor') === 'next');
    more.flush({ items: [entry({ at: '2026-02-01T10:00:00.000Z' })], nextCursor: null });
    await settle();
    fixture.detectChanges();
    expect(el.querySelectorAll('[data-testid="audit-row"]')).toHaveLength(3);
    expect(el.querySelector('[data-testid="audit-more"]')).toBeNull();
  });

  it('puts the chosen filters in the address, an action typed by its label included', async () => {
    const { fixture, el } = await render();
    http.expectOne((r) => r.url === '/api/admin/audit').flush({ items: [], nextCursor: null });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const type = (id: string, value: string) => {
      const input = el.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('audit-action', 'compte réactivé');
    type('audit-from', '2026-03-01');
    type('audit-to', '2026-03-31');
    fixture.detectChanges();
    el.querySelector<HTMLButtonElement>('[data-testid="audit-apply"]')?.click();
    expect(navigate).toHaveBeenCalledWith([], {
      queryParams: {
        actorId: null,
        actor: null,
        action: 'user.enabled',
        organisationId: null,
        organisation: null,
        from: '2026-03-01',
        to: '2026-03-31',
      },
    });
  });

  it('refuses a range that ends before it starts', async () => {
    const { fixture, el } = await render();
    http.expectOne((r) => r.url === '/api/admin/audit').flush({ items: [], nextCursor: null });
    await settle();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate');
    fixture.componentInstance['form'].patchValue({ from: '2026-03-10', to: '2026-03-01' });
    fixture.detectChanges();
    el.querySelector<HTMLButtonElement>('[data-testid="audit-apply"]')?.click();
    fixture.detectChanges();
    expect(navigate).not.toHaveBeenCalled();
    expect(el.textContent).toContain('La date de début doit précéder la date de fin.');
    expect(el.querySelector('[data-testid="audit-empty"]')?.textContent).toContain('Le journal est vide.');
  });
});
