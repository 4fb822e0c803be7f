import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import { AccountApi } from '@alliances/web/identity/data-access';
import { settle } from '@alliances/web/identity/data-access/testing';
import {
  defaultChannels,
  NOTIFICATION_KINDS,
  type NotificationChannels,
  type NotificationPreferences,
  type NotificationType,
} from '@alliances/shared/contracts';
import { of } from 'rxjs';
import { NotificationPreferencesPage } from './notification-preferences-page';

describe('NotificationPreferencesPage', () => {
  let stored: NotificationPreferences;
  let sent: Partial<Record<NotificationType, Partial<NotificationChannels>>>[];

  beforeEach(() => {
    browserLanguage('fr-FR');
    stored = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, defaultChannels(k)])) as NotificationPreferences;
    sent = [];
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideRouter([]),
        {
          provide: AccountApi,
          useValue: {
            notificationPreferences: () => of(stored),
            updateNotificationPreferences: (changes: Partial<Record<NotificationType, Partial<NotificationChannels>>>) => {
              sent.push(changes);
              for (const [kind, change] of Object.entries(changes))
                stored = { ...stored, [kind]: { ...stored[kind as NotificationType], ...change } };
              return of(stored);
            },
          },
        },
      ],
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(NotificationPreferencesPage);
    document.body.appendChild(fixture.nativeElement);
    fixture.detectChanges();
    await settle();
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('lists every kind with an in-app switch and a mail choice, each named for screen readers', async () => {
    const { el } = await render();
    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Notifications');
    const rows = [...el.querySelectorAll<HTMLElement>('tbody tr')];
    expect(rows.map((r) => r.dataset['kind'])).toEqual([...NOTIFICATION_KINDS]);
    const reply = el.querySelector('tr[data-kind="reply"]') as HTMLElement;
    expect(reply.querySelector('th')?.textContent?.trim()).toBe('Réponse à un fil où vous écrivez');
    expect(reply.querySelector('[role="switch"]')?.getAttribute('aria-label')).toBe(
      'Réponse à un fil où vous écrivez : dans l’application',
    );
    expect(reply.querySelector('[role="switch"]')?.getAttribute('aria-checked')).toBe('true');
    expect(reply.querySelector('mat-select')?.getAttribute('aria-label')).toBe('Réponse à un fil où vous écrivez : par e-mail');
    expect(reply.querySelector('mat-select')?.textContent).toContain('Résumé quotidien');
  });

  it('saves a switched-off kind at once, sending only that kind', async () => {
    const { fixture, el } = await render();
    (el.querySelector('tr[data-kind="mention"] [role="switch"]') as HTMLButtonElement).click();
    await settle();
    fixture.detectChanges();
    expect(sent).toEqual([{ mention: { inApp: false } }]);
    expect(el.querySelector('tr[data-kind="mention"] [role="switch"]')?.getAttribute('aria-checked')).toBe('false');
  });
});
