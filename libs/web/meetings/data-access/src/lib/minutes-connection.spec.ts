import { TestBed } from '@angular/core/testing';
import { COLLAB_SOCKET_FACTORY, type CollabSocket } from '@alliances/web/charter/data-access';
import { AuthStore } from '@alliances/web/identity/data-access';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MinutesConnection } from './minutes-connection';

type Listener = (...args: unknown[]) => void;

/** Plays the server: answers the join as told and records what the page sends. */
class FakeSocket {
  connected = false;
  active = true;
  readonly listeners = new Map<string, Listener[]>();
  readonly sent: { event: string; args: unknown[] }[] = [];
  joinAnswer: { ok: true; readOnly: boolean } | { error: string } = { ok: true, readOnly: false };
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }
  emit(event: string, ...args: unknown[]) {
    this.sent.push({ event, args });
    if (event === 'minutes:join') (args[1] as Listener)(this.joinAnswer);
  }
  connect() {
    this.connected = true;
    (this.listeners.get('connect') ?? []).forEach((l) => l());
  }
  disconnect() {
    this.connected = false;
  }
  removeAllListeners() {
    this.listeners.clear();
  }
  receive(event: string, ...args: unknown[]) {
    (this.listeners.get(event) ?? []).forEach((l) => l(...args));
  }
}

describe('MinutesConnection', () => {
  let socket: FakeSocket;
  let connection: MinutesConnection;

  beforeEach(() => {
    socket = new FakeSocket();
    TestBed.configureTestingModule({
      providers: [
        MinutesConnection,
        { provide: AuthStore, useValue: { accessToken: () => 'token', refresh: jest.fn() } },
        { provide: COLLAB_SOCKET_FACTORY, useValue: () => socket as unknown as CollabSocket },
      ],
    });
    connection = TestBed.inject(MinutesConnection);
  });

  afterEach(() => connection.destroy());

  it('joins the meeting’s minutes, receives their text in the `minutes` fragment and leaves on destroy', () => {
    connection.connect('meeting-1', { id: 'user-1', name: 'Camille Martin' });
    socket.connect();
    expect(socket.sent[0]).toMatchObject({ event: 'minutes:join', args: [{ meetingId: 'meeting-1' }, expect.any(Function)] });
    expect(connection.status()).toBe('connected');
    expect(connection.readOnly()).toBe(false);

    const server = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, 'Le comité valide le budget.');
    paragraph.insert(0, [text]);
    server.getXmlFragment('minutes').push([paragraph]);
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep2(encoder, server, Y.encodeStateVector(new Y.Doc()));
    socket.receive('yjs:sync', encoding.toUint8Array(encoder));
    expect(connection.synced()).toBe(true);
    expect(connection.doc.getXmlFragment('minutes').toString()).toContain('Le comité valide le budget.');

    connection.destroy();
    expect(socket.sent.at(-1)).toEqual({ event: 'minutes:leave', args: [{ meetingId: 'meeting-1' }] });
  });

  it('is read only when the server says so (an observer, or minutes already final)', () => {
    socket.joinAnswer = { ok: true, readOnly: true };
    connection.connect('meeting-1', { id: 'user-1', name: 'Camille Martin' });
    socket.connect();
    expect(connection.readOnly()).toBe(true);
  });

  it('asks again once the minutes are reopened, and takes edits when the server now allows them', () => {
    socket.joinAnswer = { ok: true, readOnly: true };
    connection.connect('meeting-1', { id: 'user-1', name: 'Camille Martin' });
    socket.connect();
    expect(connection.readOnly()).toBe(true);

    socket.joinAnswer = { ok: true, readOnly: false };
    connection.rejoin();
    expect(socket.sent.filter((s) => s.event === 'minutes:join')).toHaveLength(2);
    expect(connection.readOnly()).toBe(false);
  });

  it('is refused for a meeting the person may not read', () => {
    socket.joinAnswer = { error: 'not_found' };
    connection.connect('meeting-1', { id: 'user-1', name: 'Camille Martin' });
    socket.connect();
    expect(connection.status()).toBe('refused');
  });
});
