import { decodeCursor, decodeKeyCursor, encodeCursor, encodeKeyCursor, exactInstant } from './cursor';
import { InvalidInputException } from './domain.exception';

describe('keyset cursors', () => {
  const id = '7b013e45-02b4-4d12-abb7-f48b9fd62c0a';
  const raw = (text: string) => Buffer.from(text).toString('base64url');

  it('gives back the position it was made from', () => {
    const at = new Date('2026-11-26T10:17:59.802Z');
    expect(decodeCursor(encodeCursor(at, id))).toEqual({ at: at.toISOString(), id });
    // PostgreSQL's own precision, for pages whose rows share a millisecond.
    expect(decodeCursor(raw(`2026-11-26T10:17:59.802483Z|${id}`))).toEqual({ at: '2026-11-26T10:17:59.802483Z', id });
    expect(decodeCursor(encodeCursor('2026-11-26T10:17:59.802483Z', id))).toEqual({ at: '2026-11-26T10:17:59.802483Z', id });
  });

  it('reads a column to the microsecond, in UTC, as cursors hold it', () => {
    expect(exactInstant('o.created_at')).toBe(`to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);
  });

  it('refuses whatever it did not make, with a 400 naming the field', () => {
    for (const bad of [
      '2026-02-30T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-11-26T24:00:00Z',
      '0000-01-01T00:00:00Z',
      '-271821-04-20T00:00:00.000Z',
      '+275760-09-13T00:00:00.000Z',
      '2026-11-26T10:17:59.8024831Z',
      '2026-11-26',
      'now',
      '',
    ]) {
      expect(() => decodeCursor(raw(`${bad}|${id}`))).toThrow(InvalidInputException);
    }
    for (const badId of ['------------------------------------', 'x', `${id}|extra`]) {
      expect(() => decodeCursor(raw(`2026-11-26T10:17:59.802Z|${badId}`))).toThrow(InvalidInputException);
    }
    expect(() => decodeCursor('%%%')).toThrow(InvalidInputException);
  });
});

describe('keyset cursors on other keys', () => {
  const id = '7b013e45-02b4-4d12-abb7-f48b9fd62c0a';
  const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('gives back the keys and id it was made from, names with any character included', () => {
    expect(decodeKeyCursor(encodeKeyCursor(['Élan | Solidaire'], id), ['string'])).toEqual({ keys: ['Élan | Solidaire'], id });
    expect(decodeKeyCursor(encodeKeyCursor([75, 'Zèbre'], id), ['number', 'string'])).toEqual({ keys: [75, 'Zèbre'], id });
  });

  it('refuses a cursor of another shape with a 400 naming the field', () => {
    for (const bad of [
      '',
      'not-base64-json',
      raw([75, id]),
      raw(['a', 'b', id]),
      raw(['a', 'not-a-uuid']),
      raw({ a: 1 }),
      raw([null, id]),
    ]) {
      expect(() => decodeKeyCursor(bad, ['number', 'string'])).toThrow(InvalidInputException);
    }
    expect(() => decodeKeyCursor(raw(['x'.repeat(1001), id]), ['string'])).toThrow(InvalidInputException);
  });
});
