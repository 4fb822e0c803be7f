/** What a crawler reads of a public page: its head tags and the readable copy inside the app root. */
export interface PublicPage {
  lang: string | null;
  title: string | null;
  meta(key: string): string | null;
  count(pattern: RegExp): number;
  /** The href of the first `<link rel="...">` (and type, when given). */
  link(rel: string, type?: string): string | null;
  jsonLd(): Record<string, unknown> | null;
  /** Text of the app root, tags removed, entities decoded. */
  rootText: string;
  /** The first `<h1>` inside the app root. */
  rootH1: string | null;
  /** Every href inside the app root. */
  rootLinks: string[];
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeEntities(m[1]) : null;
};

/** Reads a page as served (no script runs): the tags a link preview or a search engine uses. */
export function readPage(html: string): PublicPage {
  const head = html.slice(0, html.search(/<\/head>/i) + 1 || html.length);
  const tags = head.match(/<(meta|link)\b[^>]*>/gi) ?? [];
  const root = /<all-root>([\s\S]*)<\/all-root>/i.exec(html)?.[1] ?? '';
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(root)?.[1];
  return {
    lang: /<html\b[^>]*\slang="([^"]*)"/i.exec(html)?.[1] ?? null,
    title: (() => {
      const m = /<title>([\s\S]*?)<\/title>/i.exec(head);
      return m ? decodeEntities(m[1]) : null;
    })(),
    meta: (key) => {
      const tag = tags.find((t) => /^<meta/i.test(t) && (attr(t, 'property') === key || attr(t, 'name') === key));
      return tag ? attr(tag, 'content') : null;
    },
    count: (pattern) => (html.match(pattern) ?? []).length,
    link: (rel, type) => {
      const tag = tags.find((t) => /^<link/i.test(t) && attr(t, 'rel') === rel && (!type || attr(t, 'type') === type));
      return tag ? attr(tag, 'href') : null;
    },
    jsonLd: () => {
      const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/i.exec(head);
      return m ? (JSON.parse(m[1]) as Record<string, unknown>) : null;
    },
    rootText: decodeEntities(root.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')),
    rootH1: h1 === undefined ? null : decodeEntities(h1.replace(/<[^>]+>/g, '')),
    rootLinks: [...root.matchAll(/<a\b[^>]*\shref="([^"]*)"/gi)].map((m) => decodeEntities(m[1])),
  };
}

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  /** Every descendant element of that name, in document order. */
  all(name: string): XmlElement[];
}

/**
 * A strict reader of well-formed XML (no DTD): throws on an unclosed, mismatched or stray tag, an unknown
 * entity, a bare `&` or `<`, text outside the root. Enough to prove a feed or a sitemap parses.
 */
export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^\uFEFF?<\?xml[^?]*\?>\s*/, '');
  const token = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*"[^"<]*")*)\s*(\/?)>|<!--[\s\S]*?-->|([^<]+)|(<)/g;
  const make = (name: string, attributes: Record<string, string>): XmlElement => {
    const element: XmlElement = {
      name,
      attributes,
      children: [],
      text: '',
      all: (wanted) => element.children.flatMap((c) => [...(c.name === wanted ? [c] : []), ...c.all(wanted)]),
    };
    return element;
  };
  const text = (raw: string): string => {
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(raw)) throw new Error(`bare & in ${raw.slice(0, 40)}`);
    return decodeEntities(raw.replace(/&apos;/g, "'"));
  };
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  for (const m of body.matchAll(token)) {
    const [, closing, name, attrs, selfClosing, chars, stray] = m;
    if (stray) throw new Error(`stray < at ${m.index}`);
    if (chars !== undefined) {
      if (!stack.length) {
        if (chars.trim()) throw new Error('text outside the root element');
        continue;
      }
      stack[stack.length - 1].text += text(chars);
      continue;
    }
    if (!name) continue; // a comment
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    const attributes = Object.fromEntries([...(attrs ?? '').matchAll(/([\w.:-]+)\s*=\s*"([^"]*)"/g)].map((a) => [a[1], text(a[2])]));
    const element = make(name, attributes);
    if (stack.length) stack[stack.length - 1].children.push(element);
    else if (root) throw new Error('a second root element');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}
