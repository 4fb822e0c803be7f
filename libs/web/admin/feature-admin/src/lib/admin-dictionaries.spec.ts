import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KNOWN_ACTIONS } from './audit/audit-actions';

type Dictionary = { [key: string]: string | Dictionary };

const read = (lang: string) =>
  JSON.parse(readFileSync(join(__dirname, `../../../../../../apps/web/public/i18n/admin/${lang}.json`), 'utf8')) as Dictionary;
const flat = (d: Dictionary, prefix = ''): Map<string, string> =>
  new Map(Object.entries(d).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as const] : [...flat(v, `${prefix}${k}.`)])));
const params = (text = '') =>
  [...text.matchAll(/{{\s*(\w+)\s*}}/g)]
    .map((m) => m[1])
    .sort()
    .join();

describe('the console dictionaries', () => {
  const fr = flat(read('fr'));
  const en = flat(read('en'));

  it('say everything in French and English, with the same parameters', () => {
    expect([...en.keys()].sort()).toEqual([...fr.keys()].sort());
    expect([...fr].filter(([key, text]) => !text.trim() || params(text) !== params(en.get(key)))).toEqual([]);
  });

  it('name every action the audit filter suggests', () => {
    expect(KNOWN_ACTIONS.filter((a) => !fr.has(`audit.actions.${a}`))).toEqual([]);
  });
});
