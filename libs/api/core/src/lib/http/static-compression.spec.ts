import Fastify, { type FastifyInstance } from 'fastify';
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { acceptedEncoding, StaticCompression } from './static-compression';

describe('acceptedEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(acceptedEncoding('gzip, deflate, br')).toBe('br');
    expect(acceptedEncoding('gzip;q=0.8, br;q=0')).toBe('gzip');
    expect(acceptedEncoding('identity')).toBeUndefined();
    expect(acceptedEncoding('*')).toBe('br');
    expect(acceptedEncoding(undefined)).toBeUndefined();
  });
});

describe('StaticCompression', () => {
  const dir = mkdtempSync(join(tmpdir(), 'static-compression-'));
  const script = `console.log(${JSON.stringify('alliance '.repeat(2000))});\n`;
  let app: FastifyInstance;

  beforeAll(async () => {
    writeFileSync(join(dir, 'main-ABCDEFGH.js'), script);
    writeFileSync(join(dir, 'tiny.js'), 'x()');
    writeFileSync(join(dir, 'logo.png'), Buffer.alloc(4096, 1));
    app = Fastify();
    const compression = new StaticCompression();
    compression.register(app);
    // As @fastify/static does (its ESM dependencies do not load under Jest): status and headers, then
    // `setHeaders(reply, path, stat)`, then the file as a stream.
    app.get<{ Params: { file: string } }>('/:file', (request, reply) => {
      const path = join(dir, request.params.file);
      const stat = statSync(path);
      const range = /^bytes=(\d+)-(\d+)$/.exec(String(request.headers.range ?? ''));
      reply.code(range ? 206 : 200).header('etag', `W/"${stat.size}-${stat.mtimeMs}"`);
      compression.select(reply, path, stat);
      return reply.send(createReadStream(path, range ? { start: Number(range[1]), end: Number(range[2]) } : {}));
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends brotli or gzip to a browser that accepts it, the same bytes once decoded', async () => {
    const br = await app.inject({ url: '/main-ABCDEFGH.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/Accept-Encoding/);
    expect(Number(br.headers['content-length'])).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    const gz = await app.inject({ url: '/main-ABCDEFGH.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    expect(gz.headers['etag']).not.toBe(br.headers['etag']);
  });

  it('leaves alone what is not asked for, too small, not text, or a range', async () => {
    const plain = await app.inject({ url: '/main-ABCDEFGH.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect((await app.inject({ url: '/tiny.js', headers: { 'accept-encoding': 'br' } })).headers['content-encoding']).toBeUndefined();
    expect((await app.inject({ url: '/logo.png', headers: { 'accept-encoding': 'br' } })).headers['content-encoding']).toBeUndefined();
    const range = await app.inject({ url: '/main-ABCDEFGH.js', headers: { 'accept-encoding': 'br', range: 'bytes=0-9' } });
    expect(range.statusCode).toBe(206);
    expect(range.headers['content-encoding']).toBeUndefined();
    expect(range.body).toBe(script.slice(0, 10));
  });
});
