import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ANIMATION_MODULE_TYPE } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { browserLanguage } from '@alliances/web/core/testing';
import { settle } from '@alliances/web/identity/data-access/testing';
import type { ExternalInvitation } from '@alliances/shared/contracts';
import { translocoWithAlliances } from '../../testing/alliances-testing';
import { ExternalInvitations } from './external-invitations';

const SENT: ExternalInvitation = {
  id: 'x1',
  allianceId: 'a1',
  email: 'contact@ferme-du-coin.fr',
  organisationName: 'La Ferme du Coin',
  status: 'applied',
  createdAt: '2026-11-20T10:00:00.000Z',
};

jest.setTimeout(30000);

describe('ExternalInvitations (alliance home, lead admins)', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoWithAlliances()],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: ANIMATION_MODULE_TYPE, useValue: 'NoopAnimations' }],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => e.remove());
  });

  it('lists the invitations sent with their status, and invites an organisation by e-mail', async () => {
    const fixture = TestBed.createComponent(ExternalInvitations);
    fixture.componentRef.setInput('allianceId', 'a1');
    fixture.detectChanges();
    http.expectOne('/api/alliances/a1/invitations').flush([SENT]);
    await settle();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const rows = () => [...el.querySelectorAll<HTMLElement>('[data-testid="external-invitation-row"]')];
    expect(rows()[0].textContent).toContain('La Ferme du Coin');
    expect(rows()[0].textContent).toContain('Inscription en cours');

    el.querySelector<HTMLElement>('[data-testid="external-invite-open"]')?.click();
    await fixture.whenStable();
    const dialog = document.querySelector<HTMLElement>('mat-dialog-container');
    if (!dialog) throw new Error('no dialog');
    expect(dialog.querySelector('h2')?.textContent?.trim()).toBe('Inviter une organisation absente de la plateforme');
    const fill = (id: string, value: string) => {
      const input = dialog.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
      if (!input) throw new Error(`no ${id}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    fill('external-invite-name', ' Les Paniers Solidaires ');
    fill('external-invite-email', 'bonjour@paniers.fr');
    dialog.querySelector<HTMLElement>('[data-testid="external-invite-send"]')?.click();
    const post = http.expectOne((r) => r.method === 'POST' && r.url === '/api/alliances/a1/invitations');
    expect(post.request.body).toEqual({ email: 'bonjour@paniers.fr', organisationName: 'Les Paniers Solidaires' });
    post.flush({ ...SENT, id: 'x2', email: 'bonjour@paniers.fr', organisationName: 'Les Paniers Solidaires', status: 'sent' });
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();

    expect(el.querySelector('[data-testid="external-invite-sent"]')?.textContent?.trim()).toBe('Invitation envoyée à bonjour@paniers.fr.');
    expect(rows()).toHaveLength(2);
    expect(rows()[0].textContent).toContain('Envoyée');
  });
});
