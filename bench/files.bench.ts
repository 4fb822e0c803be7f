/**
 * Files (issue 17): upload and download throughput of one 50 MB file through `POST /api/alliances/:id/documents`
 * (multipart, streamed, hashed and type-checked on the way) and `GET /api/documents/:id/content`, against the
 * local storage (`DATA_DIR/files`: temporary file, fsync, rename) and against an S3-compatible server (s3rver,
 * in this process, over loopback), beside a floor: the same 50 MB copied from disk to disk with fs streams and
 * an fsync. Each figure is the median of ROUNDS runs (the machine is shared).
 * Run: npm run bench:ts -- bench/files.bench.ts   (after `nx build api`; PostgreSQL from TEST_DATABASE_URL)
 */
import { ApiClient } from '@alliances/e2e/support';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ADMIN_EMAIL, allianceWith, createDatabase, party, round, run, saveSection, startApi, type BenchApi, type Figure } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- s3rver ships CommonJS without types
const S3rver = require('s3rver');

const SIZE = 50 * 1000 * 1000;
const ROUNDS = Number(process.env['BENCH_FILES_ROUNDS'] ?? 3);
const SIZE_OVERRIDE = Number(process.env['BENCH_FILES_MB'] ?? 0);
const mbps = (bytes: number, ms: number): number => round(bytes / 1e6 / (ms / 1000), 1);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Streams the file from disk as a multipart body; resolves with the document id and the elapsed ms. */
function uploadFile(url: string, token: string, path: string): Promise<{ id: string; ms: number }> {
  const boundary = '----alliancesbench';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="visibility"\r\n\r\nalliance\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length = head.length + statSync(path).size + tail.length;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': length,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          res.statusCode === 201
            ? resolve({ id: JSON.parse(text).id, ms: performance.now() - started })
            : reject(new Error(`${res.statusCode} ${text}`)),
        );
      },
    );
    req.on('error', reject);
    req.write(head);
    const file = createReadStream(path);
    file.on('end', () => req.end(tail));
    file.pipe(req, { end: false });
  });
}

async function downloadFile(url: string, token: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200 || !res.body) throw new Error(`download: ${res.status}`);
  let bytes = 0;
  for await (const chunk of res.body) bytes += (chunk as Uint8Array).length;
  if (bytes !== SIZE) throw new Error(`download: ${bytes} bytes`);
  return performance.now() - started;
}

async function diskCopy(from: string, to: string): Promise<number> {
  const started = performance.now();
  await pipeline(createReadStream(from), createWriteStream(to));
  const handle = await open(to, 'r+');
  await handle.sync();
  await handle.close();
  return performance.now() - started;
}

async function measure(api: BenchApi, label: string, path: string): Promise<{ up: number; down: number }> {
  const client = new ApiClient(api.url);
  const admin = await client.login(ADMIN_EMAIL);
  const lead = await party(client, admin);
  const allianceId = await allianceWith(client, lead, [], `Alliance ${label}`);
  const token = lead.session.accessToken;
  const up: number[] = [];
  const down: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const { id, ms } = await uploadFile(`${api.url}/api/alliances/${allianceId}/documents`, token, path).catch((error: Error) => {
      const logged = readFileSync(api.logFile, 'utf8')
        .split('\n')
        .filter((l) => l.includes('"level":50'));
      throw new Error(`${error.message}\n${logged.join('\n').slice(-3000)}`);
    });
    up.push(ms);
    down.push(await downloadFile(`${api.url}/api/documents/${id}/content`, token));
  }
  return { up: mbps(SIZE, median(up)), down: mbps(SIZE, median(down)) };
}

async function main(): Promise<void> {
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'alliances-files-bench-'));
  const source = join(work, 'bench.pdf');
  // Random bytes after a PDF header: nothing compresses, the type check passes.
  writeFileSync(source, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(SIZE - 9)]));
  const copies: number[] = [];
  for (let i = 0; i < ROUNDS; i++) copies.push(await diskCopy(source, join(work, `copy-${i}.pdf`)));
  const floor = mbps(SIZE, median(copies));

  const env = { MAX_UPLOAD_BYTES: String(100 * 1024 * 1024) };
  const db = await createDatabase();
  const local = await startApi({ databaseUrl: db.url, env });
  const figures: Figure[] = [];
  let s3server: { close(): Promise<void> } | undefined;
  let s3api: BenchApi | undefined;
  try {
    const l = await measure(local, 'locale', source);
    await local.stop();
    const directory = join(work, 's3rver');
    s3server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      directory,
      silent: !process.env['BENCH_S3_VERBOSE'],
      configureBuckets: [{ name: 'documents', configs: [] }],
    });
    const { port } = await (s3server as unknown as { run(): Promise<{ port: number }> }).run();
    const db2 = await createDatabase();
    s3api = await startApi({ databaseUrl: db2.url, env: { ...env, S3_URL: `http://S3RVER:S3RVER@127.0.0.1:${port}/documents` } });
    const s = await measure(s3api, 's3', source);
    figures.push(
      { figure: 'upload 50 MB, local storage', ours: l.up, floor, unit: 'MB/s' },
      { figure: 'download 50 MB, local storage', ours: l.down, floor, unit: 'MB/s' },
      { figure: 'upload 50 MB, S3 (s3rver, loopback)', ours: s.up, floor, unit: 'MB/s' },
      { figure: 'download 50 MB, S3 (s3rver, loopback)', ours: s.down, floor, unit: 'MB/s' },
    );
  } finally {
    await local.stop().catch(() => undefined);
    await s3api?.stop();
    await s3server?.close();
    rmSync(work, { recursive: true, force: true });
  }
  const section = saveSection(
    {
      name: 'files',
      title: 'Files: 50 MB upload and download',
      command: 'npm run bench:ts -- bench/files.bench.ts',
      floor: 'the same 50 MB copied disk to disk with fs streams, then fsync',
      figures,
      notes: [
        `median of ${ROUNDS} runs; the upload is streamed (never buffered), hashed (SHA-256) and its type read from the first 64 kB`,
        's3rver runs in the benchmark process and stores on the same disk: an upper bound of the S3 path cost, not of a real bucket',
      ],
    },
    started,
  );
  for (const f of section.figures)
    console.log(`${f.figure}: ${f.ours} ${f.unit} (floor ${f.floor} ${f.unit}, ratio ${round(f.ratio ?? 0, 2)})`);
}

run(main);
