import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERRORS, isErrorCode } from './error-catalogue';
import { IdentityErrorCode } from '../identity';

const I18N = join(__dirname, '../../../../../../apps/web/public/i18n');

function lookup(dictionary: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), dictionary);
}

describe('the error catalogue', () => {
  const entries = Object.entries(ERRORS);

  it('declares each code once, as <subject>.<reason> in lower snake case', () => {
    for (const [code] of entries) expect(code).toMatch(/^[a-z_]+\.[a-z_]+$/);
    expect(new Set(entries.map(([code]) => code)).size).toBe(entries.length);
  });

  it('gives every code an HTTP error status', () => {
    for (const [code, { status }] of entries) {
      expect({ code, status: Number.isInteger(status) && status >= 400 && status < 600 }).toEqual({ code, status: true });
    }
  });

  it('gives every code its own translation key', () => {
    expect(new Set(entries.map(([, { key }]) => key)).size).toBe(entries.length);
    for (const [code, { key }] of entries) expect(key).toBe(`errors.${code}`);
  });

  it.each(['fr', 'en'])('has a message for every key in the %s dictionary', (locale) => {
    const dictionary = JSON.parse(readFileSync(join(I18N, `${locale}.json`), 'utf8'));
    const missing = entries.filter(
      ([, { key }]) => typeof lookup(dictionary, key) !== 'string' || !(lookup(dictionary, key) as string).trim(),
    );
    expect(missing.map(([code]) => code)).toEqual([]);
  });

  it('knows the identity codes', () => {
    for (const code of Object.values(IdentityErrorCode)) expect(isErrorCode(code)).toBe(true);
    expect(isErrorCode('nothing.here')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });
});
