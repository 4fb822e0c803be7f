import { DOCUMENT_CONTENT_TYPES, type DocumentContentType } from '@alliances/shared/contracts';
import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** Why the inspector refused a file; the service answers it as the catalogue's code. */
export class RefusedFile extends Error {
  constructor(
    readonly code: 'document.too_large' | 'document.unsupported_type',
    message: string,
  ) {
    super(message);
  }
}

/** Bytes read before deciding the type: enough for the first entries of an office document's ZIP. */
export const HEAD_BYTES = 64 * 1024;

type FileTypeFromBuffer = (buffer: Uint8Array) => Promise<{ mime: string } | undefined>;
let fileTypeLibrary: Promise<FileTypeFromBuffer> | undefined;
// file-type is an ES module: loaded on first use, which keeps it out of the unit tests' module graph.
const fileTypeFromBuffer: FileTypeFromBuffer = async (buffer) => {
  fileTypeLibrary ??= import('file-type').then((m) => m.fileTypeFromBuffer);
  return (await fileTypeLibrary)(buffer);
};

const BINARY_TYPES = new Set<string>(DOCUMENT_CONTENT_TYPES.filter((t) => !t.startsWith('text/')));
// Text may hold tabs, line ends and form feeds, nothing else below 0x20 (nor DEL).
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

/**
 * The type of a file from its first bytes (file-type), never from its name or the Content-Type sent:
 * PDF, OOXML and OpenDocument files, PNG, JPEG, GIF, WebP. file-type cannot recognise plain text, so
 * text is accepted when no binary type matched and every byte of the whole file is UTF-8 without
 * control characters (checked while streaming): `text/csv` when the name ends in `.csv`, else `text/plain`.
 */
export async function typeOfHead(head: Buffer, name: string): Promise<DocumentContentType | undefined> {
  const detected = await fileTypeFromBuffer(head).catch(() => undefined);
  if (detected) return BINARY_TYPES.has(detected.mime) ? (detected.mime as DocumentContentType) : undefined;
  if (!head.length) return undefined;
  return /\.csv$/i.test(name) ? 'text/csv' : 'text/plain';
}

export interface Inspected {
  size: number;
  sha256: string;
  contentType: DocumentContentType;
}

/**
 * Passes a file through while counting it against the limit, hashing it (SHA-256) and deciding its
 * type from the first HEAD_BYTES; fails the stream (and so the storage's write) with
 * `document.too_large` or `document.unsupported_type` as soon as it knows. Memory: HEAD_BYTES at most.
 */
export class FileInspector extends Transform {
  private readonly hash = createHash('sha256');
  // Not `size`: lib-storage reads `Body.size` as the length of the whole upload.
  private received = 0;
  private head: Buffer[] = [];
  private headBytes = 0;
  private type: DocumentContentType | undefined;
  private text: TextDecoder | undefined;

  constructor(
    private readonly maxBytes: number,
    private readonly name: string,
  ) {
    super();
    // It may fail before the storage's pipeline listens; the pipeline still sees the error.
    this.on('error', () => undefined);
  }

  result(): Inspected {
    if (!this.type) throw new Error('the file was not read to its end');
    return { size: this.received, sha256: this.hash.digest('hex'), contentType: this.type };
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.maxBytes) return done(new RefusedFile('document.too_large', `A file is at most ${this.maxBytes} bytes`));
    this.hash.update(chunk);
    if (this.type) return this.pass(chunk, done);
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < HEAD_BYTES) return done();
    this.decide().then(() => done(), done);
  }

  override _flush(done: TransformCallback): void {
    const finish = (): void => {
      try {
        if (this.text) this.checkText();
        done();
      } catch (error) {
        done(error as Error);
      }
    };
    if (this.type) return finish();
    this.decide().then(finish, done);
  }

  private async decide(): Promise<void> {
    const head = Buffer.concat(this.head);
    this.head = [];
    const type = await typeOfHead(head, this.name);
    if (!type) throw unsupported();
    this.type = type;
    if (type.startsWith('text/')) this.text = new TextDecoder('utf-8', { fatal: true });
    if (this.text) this.checkText(head);
    this.push(head);
  }

  private pass(chunk: Buffer, done: TransformCallback): void {
    try {
      if (this.text) this.checkText(chunk);
      done(null, chunk);
    } catch (error) {
      done(error as Error);
    }
  }

  /** Throws unless the chunk (or, without one, the end of the file) continues valid UTF-8 text. */
  private checkText(chunk?: Buffer): void {
    let decoded: string;
    try {
      decoded = chunk ? (this.text as TextDecoder).decode(chunk, { stream: true }) : (this.text as TextDecoder).decode();
    } catch {
      throw unsupported();
    }
    if (NOT_TEXT.test(decoded)) throw unsupported();
  }
}

const unsupported = (): RefusedFile =>
  new RefusedFile(
    'document.unsupported_type',
    'Accepted files: PDF, office documents (Word, Excel, PowerPoint, OpenDocument), PNG, JPEG, GIF, WebP images, UTF-8 text or CSV',
  );
