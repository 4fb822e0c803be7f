import type { Readable } from 'node:stream';

/**
 * The backup file (docs/decisions/0011-backups-with-copy.md): one gzip stream holding, line by line,
 *
 *   {"format":"alliances-backup","version":1,…manifest…}       the manifest, one JSON line
 *   {"table":"alliances"}                                        then, for each table of the manifest, in its order:
 *   <the table's rows in PostgreSQL's COPY text format>            its header line, its rows,
 *   \.                                                             and the end-of-data line
 *   …
 *   {"end":"alliances-backup","tables":47,"rows":12345}          the trailer: the file is complete
 *
 * COPY's text format escapes backslashes and newlines inside values, so a line holding only `\.`
 * never occurs in the data (pg_dump's plain format ends each table the same way).
 */
export const BACKUP_FORMAT = 'alliances-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** The session settings under which rows are written and read back, so values print and parse the same way. */
export const COPY_SESSION_SETTINGS: Record<string, string> = {
  client_encoding: 'UTF8',
  DateStyle: 'ISO, YMD',
  IntervalStyle: 'postgres',
  TimeZone: 'UTC',
  extra_float_digits: '3',
  bytea_output: 'hex',
  // A role that row-level security would filter gets an error instead of a silently partial copy.
  row_security: 'off',
  statement_timeout: '0',
  idle_in_transaction_session_timeout: '0',
};

export interface BackupTable {
  name: string;
  /** The columns written, in order (generated columns are left out: they are computed again on load). */
  columns: string[];
  /** Row count read in the backup's snapshot. */
  rows: number;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  source: { serverVersion: string; database: string };
  /** The `schema_migrations` names, oldest first: the schema the rows belong to. */
  migrations: string[];
  /** Schema backed up; others (pg-boss's `pgboss`) are left out on purpose. */
  schema: 'public';
  /** In loading order: a table's foreign keys point to tables before it (cycles aside). */
  tables: BackupTable[];
  /** Sequences of the schema with the value read during the backup: restored as such when no column owns them. */
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
}

export interface BackupTrailer {
  end: typeof BACKUP_FORMAT;
  tables: number;
  rows: number;
}

/** A problem the operator can act on: printed as is, without a stack trace. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

export const TERMINATOR = Buffer.from('\\.\n');
const NEWLINE = 0x0a;
const LINE_END_TERMINATOR = Buffer.from('\n\\.\n');
/** The manifest and header lines are small; a longer "line" means this is not a backup file. */
const MAX_HEADER_LINE = 64 * 1024 * 1024;

/** The manifest's own checks: what this build can read. */
export function parseManifest(line: string | undefined, file: string): BackupManifest {
  let manifest: Partial<BackupManifest> | undefined;
  try {
    manifest = line ? (JSON.parse(line) as Partial<BackupManifest>) : undefined;
  } catch {
    manifest = undefined;
  }
  if (!manifest || manifest.format !== BACKUP_FORMAT)
    throw new BackupError(`${file} is not an Alliances backup (no backup manifest at its start).`);
  if (typeof manifest.version !== 'number' || manifest.version > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `${file} is a backup in format version ${manifest.version}, newer than this version of Alliances reads (${BACKUP_FORMAT_VERSION}). Update Alliances to the version that made it, or a newer one, then restore.`,
    );
  }
  if (!Array.isArray(manifest.tables) || !Array.isArray(manifest.migrations) || !Array.isArray(manifest.sequences))
    throw new BackupError(`${file} has a damaged manifest.`);
  return manifest as BackupManifest;
}

/**
 * Reads a backup from its decompressed stream: header lines, and each table's rows handed on in
 * chunks (never a whole table in memory) up to its end-of-data line.
 */
export class BackupReader {
  private buffer: Buffer = Buffer.alloc(0);
  private done = false;
  private readonly chunks: AsyncIterator<Buffer>;

  constructor(source: Readable) {
    this.chunks = source[Symbol.asyncIterator]();
  }

  /** The next line, without its newline; undefined at the end of the stream. */
  async readLine(): Promise<string | undefined> {
    for (;;) {
      const end = this.buffer.indexOf(NEWLINE);
      if (end >= 0) {
        const line = this.buffer.subarray(0, end).toString('utf8');
        this.buffer = this.buffer.subarray(end + 1);
        return line;
      }
      if (this.buffer.length > MAX_HEADER_LINE) throw new DamagedBackup('a header line is too long: it is damaged');
      if (!(await this.fill())) {
        if (this.buffer.length) throw new IncompleteBackup();
        return undefined;
      }
    }
  }

  /**
   * Hands the rows of the current table to `write` until its end-of-data line, and returns how many
   * rows there were. The buffer always starts at the beginning of a line, except while a line longer
   * than what has been read so far is passed on (`inLine`).
   */
  async readRows(write: (chunk: Buffer) => Promise<void> | void): Promise<number> {
    let rows = 0;
    let inLine = false;
    for (;;) {
      if (inLine) {
        const end = this.buffer.indexOf(NEWLINE);
        if (end < 0) {
          if (this.buffer.length) await write(this.take(this.buffer.length));
        } else {
          await write(this.take(end + 1));
          rows++;
          inLine = false;
          continue;
        }
      } else if (this.buffer.length >= TERMINATOR.length) {
        if (this.buffer.subarray(0, TERMINATOR.length).equals(TERMINATOR)) {
          this.take(TERMINATOR.length);
          return rows;
        }
        const terminator = this.buffer.indexOf(LINE_END_TERMINATOR);
        if (terminator >= 0) {
          const data = this.take(terminator + 1);
          rows += countLines(data);
          await write(data);
          this.take(TERMINATOR.length);
          return rows;
        }
        const lastNewline = this.buffer.lastIndexOf(NEWLINE);
        if (lastNewline >= 0) {
          // Whole lines go on; the partial one stays, it may be the end-of-data line.
          const data = this.take(lastNewline + 1);
          rows += countLines(data);
          await write(data);
        } else {
          // A long line that has started and is not the end-of-data line: pass it on as it comes.
          await write(this.take(this.buffer.length));
          inLine = true;
        }
      }
      if (!(await this.fill())) throw new IncompleteBackup();
    }
  }

  private take(length: number): Buffer {
    const head = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    return head;
  }

  private async fill(): Promise<boolean> {
    if (this.done) return false;
    let next: IteratorResult<Buffer>;
    try {
      next = await this.chunks.next();
    } catch (error) {
      throw fromStreamError(error as NodeJS.ErrnoException);
    }
    if (next.done) {
      this.done = true;
      return false;
    }
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, next.value]) : next.value;
    return true;
  }
}

/** The file is not what its format says (not gzip, corrupted, counts that do not match). */
export class DamagedBackup extends BackupError {}

/** The file ends before its trailer: cut short, or the backup was interrupted. */
export class IncompleteBackup extends DamagedBackup {
  constructor() {
    super('it ends before its last table is complete');
  }
}

function fromStreamError(error: NodeJS.ErrnoException): BackupError {
  if (error.code === 'Z_BUF_ERROR') return new IncompleteBackup();
  if (error.code?.startsWith('Z_')) return new DamagedBackup(`it is damaged (${error.message})`);
  return new BackupError(error.message);
}

function countLines(data: Buffer): number {
  let count = 0;
  for (let i = data.indexOf(NEWLINE); i >= 0; i = data.indexOf(NEWLINE, i + 1)) count++;
  return count;
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
