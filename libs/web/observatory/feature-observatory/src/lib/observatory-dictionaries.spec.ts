import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Words = { [key: string]: string | Words };

/** Every text of the observatory scope in one language, by dotted key. */
function texts(lang: 'fr' | 'en'): Record<string, string> {
  const words = JSON.parse(
    readFileSync(join(__dirname, `../../../../../../apps/web/public/i18n/observatory/${lang}.json`), 'utf8'),
  ) as Words;
  const out: Record<string, string> = {};
  const walk = (node: Words, path: string[]) =>
    Object.entries(node).forEach(([k, v]) => (typeof v === 'string' ? (out[[...path, k].join('.')] = v) : walk(v, [...path, k])));
  walk(words, []);
  return out;
}

describe('the observatory dictionaries', () => {
  it('translate each French text into English with the same {{parameters}}', () => {
    const fr = texts('fr');
    const en = texts('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    const names = (text: string | undefined) => (text?.match(/{{\s*\w+\s*}}/g) ?? []).map((p) => p.replace(/[{}\s]/g, '')).sort();
    for (const key of Object.keys(fr)) {
      expect({ key, params: names(en[key]), empty: !en[key]?.trim() }).toEqual({ key, params: names(fr[key]), empty: false });
    }
  });
});
