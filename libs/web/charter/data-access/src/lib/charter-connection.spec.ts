import { TestBed } from '@angular/core/testing';
import { AuthStore } from '@alliances/web/identity/data-access';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CharterConnection, COLLAB_SOCKET_FACTORY, type CollabSocket } from './charter-connection';

type Listener = (...args: unknown[]) => void;

/** Records what the page emits and lets the spec play the server. */
class FakeSocket implements CollabSocket {
  connected = false;
  active = true;
  readonly listeners = new Map<string, Listener[]>();
  readonly sent: { event: string; args: unknown[] }[] = [];
  joinAnswer: { ok: true; readOnly: boolean } | { error: string } = { ok: true, readOnly: false };

  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    this.sent.push({ event, args });
    if (event === 'charter:join') (args[1] as Listener)(this.joinAnswer);
    return this;
  }
  connect() {
    this.connected = true;
    this.receive('connect');
    return this;
  }
  disconnect() {
    this.connected = false;
    return this;
  }
  removeAllListeners() {
    this.listeners.clear();
    return this;
  }
  receive(event: string, ...args: unknown[]) {
    (this.listeners.get(event) ?? []).forEach((l) => l(...args));
  }
  syncMessages(): { type: number; payload: Uint8Array }[] {
    return this.sent
      .filter((s) => s.event === 'yjs:sync')
      .map((s) => {
        const decoder = decoding.createDecoder(s.args[0] as Uint8Array);
        return { type: decoding.readVarUint(decoder), payload: decoding.readVarUint8Array(decoder) };
      });
  }
}

/** The server's copy of the charter, with a governance paragraph. */
function serverDoc(text: string): Y.Doc {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  const node = new Y.XmlText();
  node.insert(0, text);
  paragraph.insert(0, [node]);
  doc.getXmlFragment('governance').push([paragraph]);
  return doc;
}

const step2From = (server: Y.Doc) => {
  const encoder = encoding.createEncoder();
  syncProtocol.writeSyncStep2(encoder, server, Y.encodeStateVector(new Y.Doc()));
  return encoding.toUint8Array(encoder);
};

describe('CharterConnection', () => {
  let socket: FakeSocket;
  let connection: CharterConnection;
  let authToken: string | null;

  beforeEach(() => {
    socket = new FakeSocket();
    authToken = 'token-1';
    TestBed.configureTestingModule({
      providers: [
        CharterConnection,
        { provide: AuthStore, useValue: { accessToken: () => authToken, refresh: jest.fn().mockResolvedValue('token-2') } },
        {
          provide: COLLAB_SOCKET_FACTORY,
          useValue: (auth: (cb: (d: { token: string | null }) => void) => void) => {
            auth((d) => expect(d.token).toBe(authToken));
            return socket;
          },
        },
      ],
    });
    connection = TestBed.inject(CharterConnection);
  });

  afterEach(() => connection.destroy());

  it('joins the alliance, sends its step 1 and shows the server’s text once synced', () => {
    connection.connect('alliance-1', { id: 'user-1', name: 'Camille Martin' });
    socket.connect();

    expect(socket.sent[0]).toMatchObject({ event: 'charter:join', args: [{ allianceId: 'alliance-1' }, expect.any(Function)] });
    expect(connection.status()).toBe('connected');
    expect(connection.readOnly()).toBe(false);
    expect(socket.syncMessages()[0].type).toBe(syncProtocol.messageYjsSyncStep1);
    expect(connection.synced()).toBe(false);

    socket.receive('yjs:sync', step2From(serverDoc('Un comité de pilotage se réunit chaque trimestre.')));

    expect(connection.synced()).toBe(true);
    expect(connection.doc.getXmlFragment('governance').toString()).toContain('Un comité de pilotage se réunit chaque trimestre.');
    // A remote change is not sent back to the server.
    expect(socket.syncMessages()).toHaveLength(1);
  });

  it('answers the server’s step 1 and sends local edits as updates', () => {
    connection.connect('alliance-1', { id: 'user-1', name: 'Camille Martin' });
    socket.connect();
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep1(encoder, new Y.Doc());
    socket.receive('yjs:sync', encoding.toUint8Array(encoder));
    expect(socket.syncMessages().map((m) => m.type)).toEqual([syncProtocol.messageYjsSyncStep1, syncProtocol.messageYjsSyncStep2]);

    connection.doc.getXmlFragment('values').push([new Y.XmlElement('paragraph')]);

    const update = socket.syncMessages().at(-1);
    expect(update?.type).toBe(syncProtocol.messageYjsUpdate);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, update?.payload ?? new Uint8Array());
    expect(replica.getXmlFragment('values').length).toBe(1);
  });

  it('respects read-only access: nothing of the document is sent', () => {
    socket.joinAnswer = { ok: true, readOnly: true };
    connection.connect('alliance-1', { id: 'user-1', name: 'Fondation' });
    socket.connect();
    expect(connection.readOnly()).toBe(true);
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep1(encoder, new Y.Doc());
    socket.receive('yjs:sync', encoding.toUint8Array(encoder));

    connection.doc.getXmlFragment('values').push([new Y.XmlElement('paragraph')]);

    expect(socket.syncMessages().map((m) => m.type)).toEqual([syncProtocol.messageYjsSyncStep1]);
  });

  it('says when the join is refused', () => {
    socket.joinAnswer = { error: 'not_found' };
    connection.connect('alliance-1', { id: 'user-1', name: 'Camille Martin' });
    socket.connect();
    expect(connection.status()).toBe('refused');
  });

  it('lists who is here from awareness, and forgets them while reconnecting, then joins again', () => {
    connection.connect('alliance-1', { id: 'user-1', name: 'Camille Martin' });
    socket.connect();
    const other = new Awareness(new Y.Doc());
    other.setLocalStateField('user', { name: 'Sacha Petit', color: '#b91c1c' });
    socket.receive('yjs:awareness', encodeAwarenessUpdate(other, [other.clientID]));

    expect(connection.collaborators().map((c) => [c.name, c.self])).toEqual([
      ['Camille Martin', true],
      ['Sacha Petit', false],
    ]);

    socket.receive('disconnect');
    expect(connection.status()).toBe('reconnecting');
    expect(connection.collaborators().map((c) => c.name)).toEqual(['Camille Martin']);

    authToken = 'token-2';
    socket.receive('connect');
    expect(socket.sent.filter((s) => s.event === 'charter:join')).toHaveLength(2);
    expect(connection.status()).toBe('connected');
    other.destroy();
  });

  it('closes the socket when destroyed', () => {
    connection.connect('alliance-1', { id: 'user-1', name: 'Camille Martin' });
    socket.connect();
    connection.destroy();
    expect(socket.connected).toBe(false);
    expect(socket.sent.at(-1)?.event).toBe('charter:leave');
  });
});
