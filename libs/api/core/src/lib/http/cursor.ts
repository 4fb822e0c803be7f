import { InvalidInputException } from './domain.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An opaque keyset cursor: base64url of `<ISO time>|<uuid>` of the last row of a page. Pass the time as
 * `exactInstant` selected it when rows may share a millisecond: a JS Date drops the microseconds.
 */
export const encodeCursor = (at: Date | string, id: string): string =>
  Buffer.from(`${typeof at === 'string' ? at : at.toISOString()}|${id}`).toString('base64url');

/** SQL reading a timestamptz column to the microsecond, in the form cursors hold (`2026-11-26T10:17:59.802483Z`). */
export const exactInstant = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A UTC instant as cursors write it, to the millisecond (`toISOString`) or to the microsecond (PostgreSQL). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/**
 * The position a cursor holds. Anything else is a 400, dates included that JavaScript reads but
 * PostgreSQL cannot hold (`2026-02-30`, year −271821): they were 500s.
 */
export function decodeCursor(cursor: string, field = 'cursor'): { at: string; id: string } {
  const [at = '', id = '', ...rest] = Buffer.from(cursor, 'base64url').toString().split('|');
  const seconds = `${at.slice(0, 19)}Z`;
  const real =
    INSTANT.test(at) &&
    Number(at.slice(0, 4)) >= 1 &&
    !Number.isNaN(Date.parse(seconds)) &&
    new Date(seconds).toISOString().slice(0, 19) === at.slice(0, 19);
  if (rest.length || !UUID.test(id) || !real)
    throw new InvalidInputException([{ field, messages: ['invalid cursor'], codes: ['invalidCursor'] }]);
  return { at, id };
}

/**
 * A keyset cursor on other sort keys than an instant (a name, a score, then the id): base64url of the
 * JSON array `[...keys, id]`. `decodeKeyCursor` checks each key's type against `kinds`; anything else
 * is the same 400 as `decodeCursor`.
 */
export const encodeKeyCursor = (keys: readonly (string | number)[], id: string): string =>
  Buffer.from(JSON.stringify([...keys, id])).toString('base64url');

export function decodeKeyCursor<K extends readonly ('string' | 'number')[]>(
  cursor: string,
  kinds: K,
  field = 'cursor',
): { keys: { [I in keyof K]: K[I] extends 'number' ? number : string }; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    parsed = undefined;
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.length === kinds.length + 1 &&
    kinds.every((kind, i) => typeof parsed[i] === kind && (kind === 'string' || Number.isFinite(parsed[i]))) &&
    typeof parsed[kinds.length] === 'string' &&
    UUID.test(parsed[kinds.length]) &&
    !parsed.some((v) => typeof v === 'string' && (v.length > 1000 || v.includes('\0')));
  if (!valid) throw new InvalidInputException([{ field, messages: ['invalid cursor'], codes: ['invalidCursor'] }]);
  const values = parsed as unknown[];
  return { keys: values.slice(0, kinds.length) as never, id: values[kinds.length] as string };
}
