import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ANIMATION_MODULE_TYPE, ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { browserLanguage } from '@alliances/web/core/testing';
import { settle } from '@alliances/web/identity/data-access/testing';
import { firstValueFrom } from 'rxjs';
import { adminTranslocoTesting } from '../../testing/admin-testing';
import { CatalystGrantDialog } from './catalyst-grant-dialog';

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

jest.setTimeout(30000);

describe('CatalystGrantDialog (platform console)', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [adminTranslocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: ANIMATION_MODULE_TYPE, useValue: 'NoopAnimations' }],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => e.remove());
  });

  async function open(granted: string[]) {
    const ref = TestBed.inject(MatDialog).open(CatalystGrantDialog, {
      data: { organisationId: 'org-reseau', organisationName: 'Réseau Lyon Solidaire' },
    });
    const closed = firstValueFrom(ref.afterClosed());
    const app = TestBed.inject(ApplicationRef);
    const stable = async () => {
      await settle();
      app.tick();
      await app.whenStable();
    };
    // Not whenStable() yet: the loading grant keeps the application unstable until it is answered.
    await settle();
    app.tick();
    http.expectOne('/api/admin/organisations/org-reseau/catalyst').flush({
      organisationId: 'org-reseau',
      territories: granted.map((code) => ({ code, name: code === '69' ? 'Rhône' : code, kind: 'departement' })),
      grantedAt: granted.length ? '2026-11-01T10:00:00.000Z' : null,
    });
    await stable();
    const dialog = document.querySelector<HTMLElement>('mat-dialog-container');
    if (!dialog) throw new Error('no dialog');
    const byTestId = (id: string) => dialog.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    return { dialog, byTestId, stable, closed };
  }

  it('grants départements and régions picked from the territory search, communes left out', async () => {
    const { dialog, byTestId, stable, closed } = await open(['69']);
    expect(dialog.querySelector('h2')?.textContent?.trim()).toBe('Catalyseur territorial : Réseau Lyon Solidaire');
    expect([...dialog.querySelectorAll('[data-testid="catalyst-territory"]')].map((c) => c.textContent?.replace('×', '').trim())).toEqual([
      'Rhône (69)',
    ]);

    const input = byTestId('catalyst-territory-input') as HTMLInputElement;
    input.focus();
    input.value = 'Auvergne';
    input.dispatchEvent(new Event('input'));
    await wait(300);
    TestBed.inject(ApplicationRef).tick();
    http.expectOne('/api/territories?q=Auvergne').flush([
      { code: 'R84', name: 'Auvergne-Rhône-Alpes', kind: 'region' },
      { code: '63113', name: 'Clermont-Ferrand', kind: 'commune' },
    ]);
    await stable();
    const options = [...document.querySelectorAll<HTMLElement>('mat-option')];
    expect(options.map((o) => o.textContent?.trim())).toEqual(['Auvergne-Rhône-Alpes (R84)']);
    options[0].click();
    await stable();

    byTestId('catalyst-save')?.click();
    const put = http.expectOne((r) => r.method === 'PUT' && r.url === '/api/admin/organisations/org-reseau/catalyst');
    expect(put.request.body).toEqual({ territoryCodes: ['69', 'R84'] });
    put.flush({ organisationId: 'org-reseau', territories: [], grantedAt: null });
    expect(await closed).toEqual(['69', 'R84']);
  });

  it('revokes the role with an empty list', async () => {
    const { byTestId, closed } = await open(['69']);

    byTestId('catalyst-revoke')?.click();
    const put = http.expectOne((r) => r.method === 'PUT' && r.url === '/api/admin/organisations/org-reseau/catalyst');
    expect(put.request.body).toEqual({ territoryCodes: [] });
    put.flush({ organisationId: 'org-reseau', territories: [], grantedAt: null });
    expect(await closed).toEqual([]);
  });
});
