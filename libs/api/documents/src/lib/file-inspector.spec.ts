import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { FileInspector, HEAD_BYTES } from './file-inspector';

jest.mock('file-type', () => ({
  fileTypeFromBuffer: async (b: Uint8Array) =>
    Buffer.from(b.subarray(0, 5)).toString('latin1') === '%PDF-'
      ? { mime: 'application/pdf' }
      : b[0] === 0x4d && b[1] === 0x5a
        ? { mime: 'application/x-msdownload' }
        : undefined,
}));

async function run(bytes: Buffer, name: string, max = 10 * HEAD_BYTES, chunk = 10_000) {
  const inspector = new FileInspector(max, name);
  const out: Buffer[] = [];
  const chunks = Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk));
  await pipeline(Readable.from(chunks), inspector, new Writable({ write: (c, _e, cb) => (out.push(c), cb()) }));
  return { ...inspector.result(), out: Buffer.concat(out) };
}

describe('FileInspector', () => {
  it('passes every byte through, hashed, small or large', async () => {
    for (const size of [100, HEAD_BYTES - 1, HEAD_BYTES, 3 * HEAD_BYTES + 7]) {
      const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size)]);
      const r = await run(bytes, 'a.pdf');
      expect(r.out.equals(bytes)).toBe(true);
      expect(r.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(r).toMatchObject({ size: bytes.length, contentType: 'application/pdf' });
    }
  });

  it('refuses a type outside the list, binary text and files over the limit', async () => {
    await expect(run(Buffer.concat([Buffer.from('MZ'), randomBytes(100)]), 'a.pdf')).rejects.toMatchObject({
      code: 'document.unsupported_type',
    });
    await expect(run(Buffer.from([0xff, 0xfe, 0, 1]), 'a.txt')).rejects.toMatchObject({ code: 'document.unsupported_type' });
    await expect(run(Buffer.concat([Buffer.from('a;b\n'.repeat(50_000)), Buffer.from([0])]), 'a.csv')).rejects.toMatchObject({
      code: 'document.unsupported_type',
    });
    await expect(run(Buffer.concat([Buffer.from('%PDF-'), randomBytes(HEAD_BYTES * 2)]), 'a.pdf', HEAD_BYTES)).rejects.toMatchObject({
      code: 'document.too_large',
    });
  });

  it('has no `size` of its own: lib-storage would take it for the length of the whole upload', () => {
    expect((new FileInspector(10, 'a.pdf') as unknown as { size?: unknown }).size).toBeUndefined();
  });

  it('takes UTF-8 text, CSV by its name', async () => {
    const csv = Buffer.from('poste;montant\nété;12 €\n'.repeat(10_000));
    expect(await run(csv, 'budget.csv')).toMatchObject({ contentType: 'text/csv', size: csv.length });
    expect((await run(Buffer.from('bonjour\n'), 'notes.txt')).contentType).toBe('text/plain');
  });
});
