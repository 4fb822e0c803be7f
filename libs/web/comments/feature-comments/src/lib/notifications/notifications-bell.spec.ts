import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { LIVE_SOCKET_FACTORY } from '@alliances/web/comments/data-access';
import { FakeLiveSocket } from '@alliances/web/comments/data-access/testing';
import { aMe, settle, signInAs } from '@alliances/web/identity/data-access/testing';
import { commentsTranslocoTesting } from '../../testing/comments-testing';
import { NotificationsBell } from './notifications-bell';

describe('NotificationsBell', () => {
  it('shows the live unread count with an accessible label', async () => {
    const socket = new FakeLiveSocket();
    TestBed.configureTestingModule({
      imports: [commentsTranslocoTesting()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNoopAnimations(),
        { provide: LIVE_SOCKET_FACTORY, useValue: socket.factory() },
      ],
    });
    await signInAs(aMe());
    const fixture = TestBed.createComponent(NotificationsBell);
    fixture.detectChanges();
    await settle();
    const bell = () => fixture.nativeElement.querySelector('[data-testid="notifications-bell"]') as HTMLButtonElement;
    expect(bell().getAttribute('aria-label')).toBe('Notifications');
    expect(fixture.nativeElement.querySelector('[data-testid="notifications-unread"]')).toBeNull();

    socket.serverEmit('connect');
    socket.serverEmit('notification:unread', { unread: 3 });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(bell().getAttribute('aria-label')).toBe('Notifications, 3 non lues');
    expect(fixture.nativeElement.querySelector('[data-testid="notifications-unread"]').textContent.trim()).toBe('3');
  });
});
