import { Readable } from 'node:stream';
import { gzipSync, createGunzip } from 'node:zlib';
import { loadingOrder } from './backup-database';
import { BackupReader, IncompleteBackup, DamagedBackup } from './backup-format';

/** A stream handing `data` on in chunks of `size` bytes. */
const chunked = (data: Buffer, size: number) =>
  Readable.from(Array.from({ length: Math.ceil(data.length / size) }, (_, i) => data.subarray(i * size, (i + 1) * size)));

async function readTables(reader: BackupReader): Promise<{ header: string; rows: number; data: string }[]> {
  const tables: { header: string; rows: number; data: string }[] = [];
  for (let header = await reader.readLine(); header !== undefined && header !== 'END'; header = await reader.readLine()) {
    const parts: Buffer[] = [];
    const rows = await reader.readRows((chunk) => void parts.push(Buffer.from(chunk)));
    tables.push({ header, rows, data: Buffer.concat(parts).toString() });
  }
  return tables;
}

describe('backup file reader', () => {
  const long = 'x'.repeat(70);
  // COPY text: a backslash is written `\\`, a newline `\n`: a row never is the end line `\.`.
  const rowsA = `1\tone\n2\t\\\\.\n3\t\\.x\n4\t${long}\n`;
  const file = Buffer.from(`{"table":"a"}\n${rowsA}\\.\n{"table":"empty"}\n\\.\n{"table":"b"}\n\\\\.\n\\.\nEND\n`);

  it.each([1, 2, 3, 4, 5, 7, 16, 64, 1000])('hands every row on, whatever the chunk size (%i bytes)', async (size) => {
    const tables = await readTables(new BackupReader(chunked(file, size)));
    expect(tables).toEqual([
      { header: '{"table":"a"}', rows: 4, data: rowsA },
      { header: '{"table":"empty"}', rows: 0, data: '' },
      { header: '{"table":"b"}', rows: 1, data: '\\\\.\n' },
    ]);
  });

  it.each([10, 30, 60, file.length - 6])('says a file cut at byte %i is incomplete', async (at) => {
    await expect(readTables(new BackupReader(chunked(file.subarray(0, at), 8)))).rejects.toBeInstanceOf(IncompleteBackup);
  });

  it('says a cut gzip stream is incomplete, and a stream that is not gzip is damaged', async () => {
    const gz = gzipSync(file);
    await expect(readTables(new BackupReader(chunked(gz.subarray(0, gz.length - 20), 16).pipe(createGunzip())))).rejects.toBeInstanceOf(
      IncompleteBackup,
    );
    const notGzip = new BackupReader(Readable.from([Buffer.from('{"table":"a"}\n')]).pipe(createGunzip()));
    await expect(notGzip.readLine()).rejects.toBeInstanceOf(DamagedBackup);
  });
});

describe('loading order', () => {
  it('puts the tables a foreign key points to first, ignores self-references, and ends with cycles', () => {
    const refs = [
      { from: 'comments', to: 'alliances' },
      { from: 'comments', to: 'comments' },
      { from: 'alliances', to: 'users' },
      { from: 'x', to: 'y' },
      { from: 'y', to: 'x' },
    ];
    expect(loadingOrder(['comments', 'x', 'users', 'alliances', 'y', 'audit'], refs)).toEqual([
      'audit',
      'users',
      'alliances',
      'comments',
      'x',
      'y',
    ]);
  });
});
