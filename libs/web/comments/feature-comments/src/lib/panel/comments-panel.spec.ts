import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { COMMENT_RETRY_DELAYS, LIVE_SOCKET_FACTORY } from '@alliances/web/comments/data-access';
import { FakeLiveSocket, aComment } from '@alliances/web/comments/data-access/testing';
import { aMe, settle, signInAs } from '@alliances/web/identity/data-access/testing';
import { commentsTranslocoTesting } from '../../testing/comments-testing';
import { CommentsPanel } from './comments-panel';

describe('CommentsPanel', () => {
  let socket: FakeLiveSocket;
  let http: HttpTestingController;

  beforeEach(async () => {
    socket = new FakeLiveSocket();
    TestBed.configureTestingModule({
      imports: [commentsTranslocoTesting()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNoopAnimations(),
        { provide: LIVE_SOCKET_FACTORY, useValue: socket.factory() },
        { provide: COMMENT_RETRY_DELAYS, useValue: [0, 0] },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(aMe({ id: 'user-camille', displayName: 'Camille Martin' }));
  });

  async function render(items = [aComment()]) {
    const fixture = TestBed.createComponent(CommentsPanel);
    fixture.componentRef.setInput('allianceId', 'a1');
    fixture.componentRef.setInput('target', { type: 'alliance', id: 'a1' });
    fixture.detectChanges();
    http.expectOne((r) => r.url === '/api/comments').flush({ items, lastSeq: items.length });
    await settle();
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture;
  }

  const text = (el: Element) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('renders threads with their replies, the Markdown body and the markers', async () => {
    const fixture = await render([
      aComment({ id: 'c1', seq: 1, bodyHtml: '<p>Bonjour <strong>tous</strong></p>' }),
      aComment({
        id: 'c2',
        seq: 2,
        parentId: 'c1',
        body: 'Réponse',
        bodyHtml: '<p>Réponse</p>',
        editedAt: '2026-03-02T10:00:00.000Z',
        createdAt: '2026-03-02T09:30:00.000Z',
      }),
      aComment({
        id: 'c3',
        seq: 3,
        body: null,
        bodyHtml: null,
        deletedAt: '2026-03-02T11:00:00.000Z',
        createdAt: '2026-03-02T09:40:00.000Z',
      }),
      aComment({
        id: 'c4',
        seq: 4,
        author: { id: null, displayName: 'Ancienne personne', formerMember: true },
        createdAt: '2026-03-02T09:50:00.000Z',
      }),
    ]);
    const root: HTMLElement = fixture.nativeElement;
    const threads = root.querySelectorAll('[data-testid="comment-thread"]');
    expect(threads).toHaveLength(3);
    expect(threads[0].querySelectorAll('[data-testid="comment-item"]')).toHaveLength(2);
    expect(threads[0].querySelector('strong')?.textContent).toBe('tous');
    expect(text(threads[0])).toContain('modifié');
    expect(text(threads[1])).toContain('message supprimé');
    expect(threads[1].querySelector('[data-testid="comment-reply"]')).toBeNull();
    expect(text(threads[2])).toContain('ancien membre');
  });

  it('shows a comment arriving live and announces it politely', async () => {
    const fixture = await render([]);
    socket.serverEmit('connect');
    await settle();
    socket.serverEmit('comment:created', aComment({ id: 'c9', seq: 1, body: 'Coucou', bodyHtml: '<p>Coucou</p>' }));
    await fixture.whenStable();
    fixture.detectChanges();
    const root: HTMLElement = fixture.nativeElement;
    expect(root.querySelectorAll('[data-testid="comment-item"]')).toHaveLength(1);
    expect(text(root.querySelector('[aria-live="polite"]')!)).toBe('Nouveau commentaire de Paul Durand : Coucou');
    expect(text(root.querySelector('[data-testid="thread-unread"]')!)).toBe('1 nouveau(x)');
  });

  it('posts with the sending state, then shows the comment', async () => {
    const fixture = await render([]);
    const root: HTMLElement = fixture.nativeElement;
    const input = root.querySelector<HTMLTextAreaElement>('[data-testid="comment-input"]')!;
    input.value = 'Premier message';
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    root.querySelector<HTMLButtonElement>('[data-testid="comment-submit"]')!.click();
    fixture.detectChanges();
    expect(text(root.querySelector('[data-testid="comment-pending"]')!)).toContain('envoi…');
    const post = http.expectOne({ method: 'POST', url: '/api/comments' });
    expect(post.request.body).toEqual(expect.objectContaining({ body: 'Premier message', target: { type: 'alliance', id: 'a1' } }));
    post.flush(
      aComment({
        id: post.request.body.id,
        body: 'Premier message',
        bodyHtml: '<p>Premier message</p>',
        author: { id: 'user-camille', displayName: 'Camille Martin', formerMember: false },
      }),
    );
    await settle();
    fixture.detectChanges();
    expect(root.querySelector('[data-testid="comment-pending"]')).toBeNull();
    expect(text(root.querySelector('[data-testid="comment-item"]')!)).toContain('Premier message');
    expect(root.querySelector('[data-testid="comment-edit"]')).not.toBeNull();
  });

  it('shows nothing to someone the alliance refuses (a funder)', async () => {
    const fixture = TestBed.createComponent(CommentsPanel);
    fixture.componentRef.setInput('allianceId', 'a1');
    fixture.componentRef.setInput('target', { type: 'alliance', id: 'a1' });
    fixture.detectChanges();
    http.expectOne((r) => r.url === '/api/comments').flush({}, { status: 404, statusText: 'Not Found' });
    await settle();
    fixture.detectChanges();
    expect(fixture.nativeElement.querySelector('section')).toBeNull();
  });
});
