import { InvalidInputException } from './domain.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An opaque keyset cursor: base64url of `<ISO time>|<uuid>` of the last row of a page. */
export const encodeCursor = (at: Date, id: string): string => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

/** A UTC instant as cursors write it, to the millisecond (`toISOString`) or to the microsecond (PostgreSQL). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/**
 * The position a cursor holds. Anything else is a 400, dates included that JavaScript reads but
 * PostgreSQL cannot hold (`2026-02-30`, year −271821): they were 500s.
 */
export function decodeCursor(cursor: string, field = 'cursor'): { at: string; id: string } {
  const [at = '', id = '', ...rest] = Buffer.from(cursor, 'base64url').toString().split('|');
  const seconds = `${at.slice(0, 19)}Z`;
  const real = INSTANT.test(at) && Number(at.slice(0, 4)) >= 1 && !Number.isNaN(Date.parse(seconds)) && new Date(seconds).toISOString().slice(0, 19) === at.slice(0, 19);
  if (rest.length || !UUID.test(id) || !real) throw new InvalidInputException([{ field, messages: ['invalid cursor'], codes: ['invalidCursor'] }]);
  return { at, id };
}
