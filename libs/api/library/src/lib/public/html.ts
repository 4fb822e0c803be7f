/** Text safe inside HTML elements and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Text safe inside XML (the sitemap and the Atom feed). */
export const escapeXml = escapeHtml;

/** JSON safe inside `<script type="application/ld+json">`: no `</script>` nor comment opener can close it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** What the head of a public page says about it (search engines, link previews). */
export interface PageHead {
  lang: 'fr' | 'en';
  title: string;
  description: string;
  /** Absolute address of the page. */
  canonical: string;
  type: 'article' | 'website';
  feed: { title: string; href: string };
  /** The page in the other language. */
  alternate: { lang: 'fr' | 'en'; href: string };
  jsonLd?: Record<string, unknown>;
  noindex?: boolean;
}

/** The shell served when the web app is not built: the same head and app root, nothing to boot. */
export const MINIMAL_SHELL = `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <title>Alliances</title>
    <meta name="viewport" content="width=device-width, initial-scale=1" />
  </head>
  <body>
    <all-root></all-root>
  </body>
</html>
`;

/** Readable without JavaScript and without the app's styles: plain, high-contrast. */
const STYLE = `<style>
.public-page{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a;line-height:1.5}
.public-page a{color:#0b4f8a}
.public-page dt{font-weight:600}
.public-page table{border-collapse:collapse}
.public-page th,.public-page td{border:1px solid #767676;padding:.25rem .5rem;text-align:left}
.public-page .sdg{display:inline-block;color:#fff;border-radius:4px;padding:.1rem .5rem;margin:.1rem}
</style>`;

/** Collapses whitespace and cuts at a word boundary: a description of about 160 characters. */
export function describe(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

/**
 * The app's index.html with this page's head and its readable content inside the app root: crawlers and
 * link previews read everything in the first response; the app, once booted, renders the same page.
 */
export function renderPage(shell: string, head: PageHead, body: string): string {
  const e = escapeHtml;
  const locale = head.lang === 'fr' ? 'fr_FR' : 'en_GB';
  const tags = [
    `<meta name="description" content="${e(head.description)}" />`,
    `<link rel="canonical" href="${e(head.canonical)}" />`,
    `<link rel="alternate" hreflang="${head.alternate.lang}" href="${e(head.alternate.href)}" />`,
    `<link rel="alternate" type="application/atom+xml" title="${e(head.feed.title)}" href="${e(head.feed.href)}" />`,
    `<meta property="og:title" content="${e(head.title)}" />`,
    `<meta property="og:description" content="${e(head.description)}" />`,
    `<meta property="og:type" content="${head.type}" />`,
    `<meta property="og:url" content="${e(head.canonical)}" />`,
    `<meta property="og:site_name" content="Alliances" />`,
    `<meta property="og:locale" content="${locale}" />`,
    `<meta name="twitter:card" content="summary" />`,
    `<meta name="twitter:title" content="${e(head.title)}" />`,
    `<meta name="twitter:description" content="${e(head.description)}" />`,
    ...(head.noindex ? ['<meta name="robots" content="noindex" />'] : []),
    // A data block, never executed: the content security policy (script-src 'self') does not apply to it.
    ...(head.jsonLd ? [`<script type="application/ld+json">${jsonForScript(head.jsonLd)}</script>`] : []),
    STYLE,
  ].join('\n    ');
  let html = shell
    .replace(/<html\b[^>]*>/i, `<html lang="${head.lang}">`)
    .replace(/<meta\s+name="description"[\s\S]*?\/?>/i, '')
    .replace(/<meta\s+property="og:[^"]*"[\s\S]*?\/?>/gi, '');
  html = /<title>[\s\S]*?<\/title>/i.test(html)
    ? html.replace(/<title>[\s\S]*?<\/title>/i, () => `<title>${e(head.title)}</title>`)
    : html.replace(/<\/head>/i, () => `<title>${e(head.title)}</title></head>`);
  html = html.replace(/<\/head>/i, () => `    ${tags}\n  </head>`);
  return /<all-root>\s*<\/all-root>/i.test(html)
    ? html.replace(/<all-root>\s*<\/all-root>/i, () => `<all-root>${body}</all-root>`)
    : html.replace(/<\/body>/i, () => `<all-root>${body}</all-root></body>`);
}
