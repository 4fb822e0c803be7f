import { TestBed } from '@angular/core/testing';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import { SecurityApi } from '@alliances/web/identity/data-access';
import { settle } from '@alliances/web/identity/data-access/testing';
import type { AccountSession } from '@alliances/shared/contracts';
import { of } from 'rxjs';
import { SessionsSection } from './sessions-section';

const session = (id: string, overrides: Partial<AccountSession> = {}): AccountSession => ({
  id,
  device: 'Firefox 132 · Windows',
  browser: 'Firefox 132',
  os: 'Windows',
  ip: '203.0.113.7',
  createdAt: '2026-11-30T08:15:00.000Z',
  lastSeenAt: '2026-12-02T17:40:00.000Z',
  method: 'password',
  current: false,
  ...overrides,
});

describe('SessionsSection', () => {
  let revoked: string[];

  beforeEach(() => {
    browserLanguage('fr-FR');
    revoked = [];
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        {
          provide: SecurityApi,
          useValue: {
            sessions: () =>
              of([
                session('here', { current: true, device: 'Chrome 140 · Linux' }),
                ...['phone', 'office'].filter((id) => !revoked.includes(id)).map((id) => session(id)),
              ]),
            revokeSession: (id: string) => {
              revoked.push(id);
              return of(undefined);
            },
            revokeOtherSessions: () => of({ revoked: 2 }),
          },
        },
      ],
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(SessionsSection);
    document.body.appendChild(fixture.nativeElement);
    fixture.detectChanges();
    await settle();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    return { fixture, el, rows: () => [...el.querySelectorAll<HTMLElement>('[data-testid="session"]')] };
  }

  it('shows each device with where, how and since when it is signed in, this one marked', async () => {
    const { el, rows } = await render();
    expect(rows()).toHaveLength(3);
    const here = rows()[0];
    expect(here.querySelector('[data-testid="session-current"]')?.textContent?.trim()).toBe('Cet appareil');
    expect(here.querySelector('[data-testid="session-revoke"]')).toBeNull();
    const phone = rows()[1].textContent ?? '';
    expect(phone).toContain('Firefox 132 · Windows');
    expect(phone).toContain('IP 203.0.113.7');
    expect(phone).toContain('connecté depuis le');
    expect(phone).toContain('30');
    expect(el.querySelectorAll('[data-testid="session-revoke"]')).toHaveLength(2);
  });

  it('removes a revoked device at once, says so, and puts the focus on the section heading', async () => {
    const { fixture, el, rows } = await render();
    rows()[1].querySelector<HTMLButtonElement>('[data-testid="session-revoke"]')?.click();
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(revoked).toEqual(['phone']);
    expect(rows()).toHaveLength(2);
    expect(el.querySelector('[data-testid="sessions-message"]')?.textContent?.trim()).toBe('L’appareil est déconnecté.');
    expect(document.activeElement?.id).toBe('account-sessions-title');
    fixture.nativeElement.remove();
  });
});
