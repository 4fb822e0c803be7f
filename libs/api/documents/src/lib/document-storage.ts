import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where the bytes of documents live (docs/decisions/0024-document-storage.md). Keys are generated
 * here (`<scope>/<uuid>`), never derived from a file's name; a key is written once and never changed.
 */
export abstract class DocumentStorage {
  /** Stores the stream under a new key in `scope` (an alliance id) and returns the key once the bytes are durable. */
  abstract put(body: Readable, scope: string, contentType: string): Promise<string>;
  abstract get(key: string): Promise<Readable>;
  /** Removes the object; a missing one is not an error. */
  abstract delete(key: string): Promise<void>;
  abstract exists(key: string): Promise<boolean>;
  /** Removes what a killed instance left half-written; returns how many. */
  abstract sweep(): Promise<number>;
  abstract readonly kind: 'local' | 's3';
}

const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}$/;
const SCOPE = /^[0-9a-f-]{36}$/;
/** `.<uuid>.<pid>@<host>.part`: a temporary file names its writer, so a restarted instance knows whose it is. */
const TEMP = /^\.[0-9a-f-]{36}\.(\d+)@(.+)\.part$/;
/** Another host's temporary file is left alone for this long (it may still be writing it). */
const FOREIGN_TEMP_MS = 24 * 60 * 60_000;

/**
 * `DATA_DIR/files/<allianceId>/<uuid>`. A file is written to a temporary name in its final directory,
 * fsynced, then renamed (and the directory fsynced): a killed instance never leaves a half-written file
 * under a final name, and the start-up sweep removes the temporary files of dead writers.
 */
export class LocalDocumentStorage extends DocumentStorage {
  readonly kind = 'local' as const;
  constructor(readonly root: string) {
    super();
  }

  private path(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a storage key: ${key}`);
    const path = resolve(this.root, key);
    if (!path.startsWith(resolve(this.root) + sep)) throw new Error(`not a storage key: ${key}`);
    return path;
  }

  async put(body: Readable, scope: string): Promise<string> {
    if (!SCOPE.test(scope)) throw new Error(`not a storage scope: ${scope}`);
    const id = randomUUID();
    const key = `${scope}/${id}`;
    const dir = join(this.root, scope);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const temp = join(dir, `.${id}.${process.pid}@${hostname()}.part`);
    try {
      const handle = await open(temp, 'wx', 0o600);
      try {
        await pipeline(body, createWriteStream('', { fd: handle.fd, autoClose: false }));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, this.path(key));
      await syncDirectory(dir);
      return key;
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.path(key);
    await stat(path);
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await unlink(this.path(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  async exists(key: string): Promise<boolean> {
    return stat(this.path(key)).then(
      () => true,
      () => false,
    );
  }

  async sweep(): Promise<number> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    let removed = 0;
    const host = hostname();
    for (const scope of await readdir(this.root, { withFileTypes: true })) {
      if (!scope.isDirectory()) continue;
      const dir = join(this.root, scope.name);
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        const temp = TEMP.exec(name);
        if (!temp) continue;
        const path = join(dir, name);
        const pid = Number(temp[1]);
        const stale =
          temp[2] === host
            ? pid !== process.pid && !alive(pid)
            : Date.now() -
                (await stat(path).then(
                  (s) => s.mtimeMs,
                  () => Date.now(),
                )) >
              FOREIGN_TEMP_MS;
        if (stale) {
          await rm(path, { force: true });
          removed++;
        }
      }
    }
    return removed;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

export interface S3Location {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  bucket: string;
  region: string;
}

/** `S3_URL=http(s)://<access key>:<secret>@<host>[:port]/<bucket>` (key and secret percent-encoded); `S3_REGION` defaults to us-east-1. */
export function parseS3Url(url: string, region = 'us-east-1'): S3Location {
  const parsed = new URL(url);
  const bucket = decodeURIComponent(parsed.pathname.replace(/^\/+|\/+$/g, ''));
  if (!/^https?:$/.test(parsed.protocol) || !parsed.username || !parsed.password || !bucket || bucket.includes('/'))
    throw new Error('S3_URL must look like http(s)://<access key>:<secret>@<host>[:port]/<bucket>');
  return {
    endpoint: `${parsed.protocol}//${parsed.host}`,
    accessKeyId: decodeURIComponent(parsed.username),
    secretAccessKey: decodeURIComponent(parsed.password),
    bucket,
    region,
  };
}

/** Any S3-compatible bucket (MinIO, Garage, AWS…): path-style addressing, streamed multipart uploads. */
export class S3DocumentStorage extends DocumentStorage {
  readonly kind = 's3' as const;
  private readonly client: S3Client;
  constructor(readonly location: S3Location) {
    super();
    this.client = new S3Client({
      endpoint: location.endpoint,
      region: location.region,
      forcePathStyle: true,
      credentials: { accessKeyId: location.accessKeyId, secretAccessKey: location.secretAccessKey },
      // Newer SDKs add CRC32 checksums that several S3-compatible servers refuse.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(body: Readable, scope: string, contentType: string): Promise<string> {
    if (!SCOPE.test(scope)) throw new Error(`not a storage scope: ${scope}`);
    const key = `${scope}/${randomUUID()}`;
    // Parts of 8 MB, 2 at a time: memory stays bounded whatever the file's size. An aborted upload
    // leaves no object (S3 assembles the parts only on completion).
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.location.bucket, Key: key, Body: body, ContentType: contentType },
      partSize: 8 * 1024 * 1024,
      queueSize: 2,
      // An aborted multipart upload never becomes an object; its parts go with the bucket's lifecycle rule
      // (AbortIncompleteMultipartUpload). Aborting here would hide the cause when the server refuses the abort.
      leavePartsOnError: true,
    });
    await upload.done();
    return key;
  }

  async get(key: string): Promise<Readable> {
    const answer = await this.client.send(new GetObjectCommand({ Bucket: this.location.bucket, Key: key }));
    return answer.Body as Readable;
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.location.bucket, Key: key }));
  }

  async exists(key: string): Promise<boolean> {
    return this.client.send(new HeadObjectCommand({ Bucket: this.location.bucket, Key: key })).then(
      () => true,
      (error: { $metadata?: { httpStatusCode?: number }; name?: string }) => {
        if (error.$metadata?.httpStatusCode === 404 || error.name === 'NotFound') return false;
        throw error;
      },
    );
  }

  /** S3 never shows an incomplete multipart upload as an object; lifecycle rules on the bucket clean their parts. */
  async sweep(): Promise<number> {
    return 0;
  }

  destroy(): void {
    this.client.destroy();
  }
}

/** The storage the environment names: S3 when `S3_URL` is set, else `DATA_DIR/files`. */
export function storageFromEnv(env: NodeJS.ProcessEnv, dataDir: string): DocumentStorage {
  if (env['S3_URL']) return new S3DocumentStorage(parseS3Url(env['S3_URL'], env['S3_REGION'] || undefined));
  return new LocalDocumentStorage(join(dataDir, 'files'));
}

/** `MAX_UPLOAD_BYTES` (a positive integer) or the default. */
export function maxUploadBytes(env: NodeJS.ProcessEnv, fallback: number): number {
  const raw = env['MAX_UPLOAD_BYTES'];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error('MAX_UPLOAD_BYTES must be a positive number of bytes');
  return value;
}
