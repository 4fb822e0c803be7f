import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { translocoTesting } from '@alliances/web/core/testing';
import { aMe, settle, signInAs } from '@alliances/web/identity/data-access/testing';
import { provideRouter } from '@angular/router';
import { FakeLiveSocket } from '../testing/fake-live-socket';
import { LIVE_SOCKET_FACTORY } from './live-connection';
import { COMMENT_RETRY_DELAYS, LiveComments } from './live-comments.store';
import { aComment } from '../testing/testing-data';

const target = { type: 'alliance' as const, id: 'a1' };

describe('LiveComments', () => {
  let socket: FakeLiveSocket;
  let http: HttpTestingController;
  let store: LiveComments;

  beforeEach(async () => {
    socket = new FakeLiveSocket();
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: LIVE_SOCKET_FACTORY, useValue: socket.factory() },
        { provide: COMMENT_RETRY_DELAYS, useValue: [0, 0] },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(aMe({ id: 'user-camille' }));
    store = TestBed.inject(LiveComments);
    TestBed.tick();
  });

  async function joinWith(items = [aComment()], lastSeq = items.reduce((m, c) => Math.max(m, c.seq), 0)): Promise<void> {
    store.join('a1');
    http.expectOne((r) => r.url === '/api/comments' && !r.params.has('since')).flush({ items, lastSeq });
    await settle();
    socket.serverEmit('connect');
    await settle();
  }

  it('loads the comments of a target on join', async () => {
    await joinWith([aComment(), aComment({ id: 'c2', seq: 2, target: { type: 'objective', id: 'o1' } })]);
    expect(store.forTarget('a1', target).map((c) => c.id)).toEqual(['c1']);
    expect(store.lastSeq('a1')).toBe(2);
    expect(socket.emitted.some((e) => e.event === 'alliance:join')).toBe(true);
  });

  it('ignores a duplicate event and never doubles a comment', async () => {
    await joinWith();
    socket.serverEmit('comment:created', aComment());
    socket.serverEmit('comment:created', aComment());
    expect(store.forTarget('a1', target)).toHaveLength(1);
  });

  it('keeps the version with the highest seq, whatever the order of arrival', async () => {
    await joinWith();
    socket.serverEmit('comment:updated', aComment({ seq: 3, body: 'v3', editedAt: '2026-03-02T10:00:00.000Z' }));
    socket.serverEmit('comment:updated', aComment({ seq: 2, body: 'v2' }));
    http.match(() => true).forEach((r) => r.flush({ items: [], lastSeq: 3 }));
    expect(store.forTarget('a1', target)[0].body).toBe('v3');
    expect(store.lastSeq('a1')).toBe(3);
  });

  it('catches up with since=lastSeq on reconnection and merges by id', async () => {
    await joinWith();
    socket.serverEmit('disconnect', 'transport close');
    socket.joinAnswer = () => ({ ok: true, lastSeq: 3 });
    socket.serverEmit('connect');
    const catchUp = http.expectOne((r) => r.url === '/api/comments' && r.params.get('since') === '1');
    catchUp.flush({ items: [aComment({ seq: 2, body: 'modifié' }), aComment({ id: 'c3', seq: 3, body: 'manqué' })], lastSeq: 3 });
    await settle();
    const comments = store.forTarget('a1', target);
    expect(comments.map((c) => [c.id, c.body])).toEqual([
      ['c1', 'modifié'],
      ['c3', 'manqué'],
    ]);
    expect(store.lastSeq('a1')).toBe(3);
  });

  it('posts optimistically and retries a network failure with the same id', async () => {
    await joinWith();
    const id = store.post({ allianceId: 'a1', target, body: 'Salut' });
    expect(store.pendingFor('a1', target)).toEqual([expect.objectContaining({ id, status: 'sending', body: 'Salut' })]);

    const first = http.expectOne({ method: 'POST', url: '/api/comments' });
    expect(first.request.body.id).toBe(id);
    first.error(new ProgressEvent('error'), { status: 0 });
    await settle();
    await settle();
    const second = http.expectOne({ method: 'POST', url: '/api/comments' });
    expect(second.request.body.id).toBe(id);
    second.flush(
      aComment({ id, seq: 2, body: 'Salut', author: { id: 'user-camille', displayName: 'Camille Martin', formerMember: false } }),
    );
    await settle();

    expect(store.pendingFor('a1', target)).toEqual([]);
    expect(store.forTarget('a1', target).filter((c) => c.id === id)).toHaveLength(1);
    // The event of the same comment changes nothing.
    socket.serverEmit('comment:created', aComment({ id, seq: 2, body: 'Salut' }));
    expect(store.forTarget('a1', target)).toHaveLength(2);
  });

  it('shows a failed post after the automatic retries, and a manual retry reuses the id', async () => {
    await joinWith();
    const id = store.post({ allianceId: 'a1', target, body: 'Salut' });
    for (let i = 0; i < 3; i++) {
      http.expectOne({ method: 'POST', url: '/api/comments' }).error(new ProgressEvent('error'), { status: 0 });
      await settle();
      await settle();
    }
    expect(store.pendingFor('a1', target)[0].status).toBe('failed');

    void store.retry(id);
    expect(store.pendingFor('a1', target)[0].status).toBe('sending');
    const again = http.expectOne({ method: 'POST', url: '/api/comments' });
    expect(again.request.body.id).toBe(id);
    again.flush(aComment({ id, seq: 2 }));
    await settle();
    expect(store.pendingFor('a1', target)).toEqual([]);
  });

  it('marks the alliance refused when the room refuses it (funders)', async () => {
    socket.joinAnswer = () => ({ error: 'not_found' });
    store.join('a1');
    http
      .expectOne((r) => r.url === '/api/comments')
      .flush({ statusCode: 404, error: 'Not Found', message: 'x' }, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(store.isRefused('a1')).toBe(true);
  });

  it('shows who is typing, but not oneself', async () => {
    await joinWith();
    socket.serverEmit('comment:typing', { allianceId: 'a1', target, user: { userId: 'user-paul', displayName: 'Paul' } });
    socket.serverEmit('comment:typing', { allianceId: 'a1', target, user: { userId: 'user-camille', displayName: 'Camille' } });
    expect(store.typing('a1', target).map((u) => u.displayName)).toEqual(['Paul']);
  });
});
