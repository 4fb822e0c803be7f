import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { browserLanguage } from '@alliances/web/core/testing';
import { aMe, settle, signInAs } from '@alliances/web/identity/data-access/testing';
import type { AdminUser } from '@alliances/shared/contracts';
import { adminTranslocoTesting, answeringDialog } from '../../testing/admin-testing';
import { UsersPage } from './users-page';

const person = (overrides: Partial<AdminUser>): AdminUser => ({
  id: 'u-chloe',
  email: 'chloe@mairie-lyon.fr',
  displayName: 'Chloé Pilote',
  isPlatformAdmin: false,
  disabled: false,
  lastLoginAt: '2026-03-02T09:00:00.000Z',
  createdAt: '2026-01-10T09:00:00.000Z',
  organisations: 2,
  ...overrides,
});

describe('UsersPage', () => {
  let http: HttpTestingController;

  async function render(answer: boolean, q?: string) {
    const dialog = answeringDialog(answer);
    TestBed.configureTestingModule({
      imports: [adminTranslocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), dialog.provider],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(aMe({ id: 'u-admin', displayName: 'Admin', isPlatformAdmin: true }));
    const fixture = TestBed.createComponent(UsersPage);
    if (q) fixture.componentRef.setInput('q', q);
    fixture.detectChanges();
    const req = http.expectOne((r) => r.url === '/api/admin/users');
    req.flush({
      items: [person({}), person({ id: 'u-admin', displayName: 'Admin', email: 'admin@alliances.fr', isPlatformAdmin: true })],
      nextCursor: null,
    });
    await settle();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const rows = () => [...el.querySelectorAll<HTMLElement>('[data-testid="user-row"]')];
    return { fixture, el, rows, dialog, searched: req.request.params.get('q') };
  }

  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
  });

  afterEach(() => http.verify());

  it('searches with the query of the address and lists people with their state', async () => {
    const { rows, searched } = await render(true, 'chlo');
    expect(searched).toBe('chlo');
    expect(rows()[0].textContent).toContain('Chloé Pilote');
    expect(rows()[0].querySelector('[data-testid="user-state"]')?.textContent?.trim()).toBe('Actif');
    // Nobody can disable their own account.
    expect(rows()[1].querySelector('[data-testid="user-toggle"]')).toBeNull();
    expect(rows()[1].textContent).toContain("C'est vous");
  });

  it('disables a person after confirmation, which says they are signed out at once', async () => {
    const { fixture, rows, dialog } = await render(true);
    rows()[0].querySelector<HTMLButtonElement>('[data-testid="user-toggle"]')?.click();
    await settle();
    expect(dialog.asked[0].data).toMatchObject({
      title: 'admin.users.disableTitle',
      destructive: true,
      params: { name: 'Chloé Pilote', email: 'chloe@mairie-lyon.fr' },
    });
    http.expectOne({ method: 'POST', url: '/api/admin/users/u-chloe/disable' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    fixture.detectChanges();
    expect(rows()[0].querySelector('[data-testid="user-state"]')?.textContent?.trim()).toBe('Désactivé');
    expect(rows()[0].querySelector('[data-testid="user-toggle"]')?.textContent).toContain('Réactiver');
    expect(fixture.nativeElement.querySelector('[data-testid="users-feedback"]').textContent).toContain('ses sessions sont fermées');
  });

  it('sends nothing when the confirmation is cancelled', async () => {
    const { rows } = await render(false);
    rows()[0].querySelector<HTMLButtonElement>('[data-testid="user-toggle"]')?.click();
    await settle();
    http.expectNone('/api/admin/users/u-chloe/disable');
  });
});
