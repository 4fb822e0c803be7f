import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

type Encoding = 'br' | 'gzip';

const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|txt|map|webmanifest)$/i;
/** Below this, compressing saves less than the headers cost. */
const MIN_BYTES = 1024;
const SELECTED = Symbol('alliances.staticCompression');

const compressors: Record<Encoding, (data: Buffer) => Promise<Buffer>> = {
  // Quality 9: within a few percent of 11 at a tenth of the CPU, done once per file.
  br: (data) =>
    promisify(brotliCompress)(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
  gzip: (data) => promisify(gzip)(data, { level: 9 }),
};

/** The encoding to answer with: brotli when accepted, else gzip, else none (q=0 refuses). */
export function acceptedEncoding(header: string | string[] | undefined): Encoding | undefined {
  const accepted = new Map(
    String(header ?? '')
      .split(',')
      .map((part) => {
        const [name, ...params] = part.trim().toLowerCase().split(';');
        const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
        return [name, q === undefined ? 1 : Number(q)] as const;
      }),
  );
  const ok = (name: Encoding) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : undefined;
}

/**
 * The web app's text files (bundles, styles, index.html, translations) sent compressed to browsers
 * that accept it, as a reverse proxy would: about 3.5× fewer bytes for the JavaScript the first page
 * waits for (docs/PERFORMANCE.md, "Web app"). Each file is compressed once per version (path and
 * modification time), off the event loop, and kept in memory (a few MB for the whole app).
 * `select` goes in @fastify/static's `setHeaders`; `register` adds the hook that swaps the file stream
 * for the compressed bytes. Ranges and 304s are left as they are.
 */
export class StaticCompression {
  private readonly cache = new Map<string, { mtimeMs: number; bytes: Promise<Buffer> }>();

  register(fastify: FastifyInstance): void {
    fastify.addHook('onSend', async (_request, reply, payload) => {
      const selected = (reply as FastifyReply & { [SELECTED]?: { path: string; stat: Stats; encoding: Encoding } })[SELECTED];
      if (!selected || reply.statusCode !== 200) return payload;
      const bytes = await this.bytes(selected.path, selected.stat, selected.encoding);
      (payload as Readable | undefined)?.destroy?.();
      const etag = reply.getHeader('etag');
      if (typeof etag === 'string') reply.header('etag', etag.replace(/"$/, `-${selected.encoding}"`));
      reply.removeHeader('content-length');
      reply.header('content-encoding', selected.encoding);
      return bytes;
    });
  }

  select(reply: FastifyReply, path: string, stat: Stats): void {
    if (!COMPRESSIBLE.test(path) || stat.size < MIN_BYTES) return;
    const vary = reply.getHeader('vary');
    if (!/accept-encoding/i.test(String(vary ?? ''))) reply.header('vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
    const encoding = acceptedEncoding(reply.request.headers['accept-encoding']);
    if (encoding && reply.statusCode === 200 && !reply.request.headers.range) {
      (reply as FastifyReply & { [SELECTED]?: unknown })[SELECTED] = { path, stat, encoding };
    }
  }

  private bytes(path: string, stat: Stats, encoding: Encoding): Promise<Buffer> {
    const key = `${encoding}:${path}`;
    const cached = this.cache.get(key);
    if (cached && cached.mtimeMs === stat.mtimeMs) return cached.bytes;
    const bytes = readFile(path).then(compressors[encoding]);
    this.cache.set(key, { mtimeMs: stat.mtimeMs, bytes });
    bytes.catch(() => this.cache.delete(key));
    return bytes;
  }
}
