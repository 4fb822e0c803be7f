import en from '../public/i18n/en.json';
import fr from '../public/i18n/fr.json';

type Dictionary = { [key: string]: string | Dictionary };

function entries(dictionary: Dictionary, prefix = ''): [string, string][] {
  return Object.entries(dictionary).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value]] : entries(value, `${prefix}${key}.`),
  );
}

describe('translation dictionaries', () => {
  const french = new Map(entries(fr));
  const english = new Map(entries(en));

  it('translate every French key into English and nothing more', () => {
    expect([...english.keys()].sort()).toEqual([...french.keys()].sort());
  });

  it('have no empty text', () => {
    const empty = [...french, ...english].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('use the same interpolation parameters in both languages', () => {
    const params = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    const mismatched = [...french].filter(([key, text]) => params(text).join() !== params(english.get(key) ?? '').join());
    expect(mismatched).toEqual([]);
  });
});
