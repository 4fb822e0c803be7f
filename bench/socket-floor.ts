/**
 * The floors of the realtime benchmarks, run as their own process like the API:
 *  - `/live`: a bare socket.io server with no authentication; `POST /broadcast` with a JSON body
 *    emits it as `comment:created` to every socket of the namespace (the fan-out floor: an HTTP post
 *    in, a socket.io broadcast out, nothing stored);
 *  - `/collab`: the charter protocol of docs/api.md ("/collab") (`charter:join`, y-protocols sync on `yjs:sync`)
 *    over one Yjs document in memory: updates are applied and relayed to the room at once, with no
 *    authorisation, journal or database (the relay floor).
 * Prints nothing; sends `{ url }` to the parent over IPC once listening.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const http = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/broadcast') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    live.emit('comment:created', JSON.parse(Buffer.concat(chunks).toString()));
    res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
  });
});
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 1_000_000 });
const live = io.of('/live');

const doc = new Y.Doc();
const collab = io.of('/collab');
collab.on('connection', (socket) => {
  socket.on('charter:join', (_request: unknown, ack: (answer: unknown) => void) => {
    void socket.join('charter');
    ack({ ok: true, readOnly: false });
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep1(encoder, doc);
    socket.emit('yjs:sync', encoding.toUint8Array(encoder));
  });
  socket.on('yjs:sync', (payload: Uint8Array, ack?: (answer: unknown) => void) => {
    const decoder = decoding.createDecoder(new Uint8Array(payload));
    const type = decoding.readVarUint(decoder);
    if (type === syncProtocol.messageYjsSyncStep1) {
      const encoder = encoding.createEncoder();
      syncProtocol.writeSyncStep2(encoder, doc, decoding.readVarUint8Array(decoder));
      socket.emit('yjs:sync', encoding.toUint8Array(encoder));
    } else {
      const update = decoding.readVarUint8Array(decoder);
      Y.applyUpdate(doc, update, socket);
      const encoder = encoding.createEncoder();
      syncProtocol.writeUpdate(encoder, update);
      socket.to('charter').emit('yjs:sync', encoding.toUint8Array(encoder));
    }
    ack?.({ ok: true });
  });
});

http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as { port: number };
  process.send?.({ url: `http://127.0.0.1:${port}` });
});
process.once('SIGTERM', () => {
  void io.close();
  process.exit(0);
});
