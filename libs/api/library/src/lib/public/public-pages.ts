import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@alliances/api/core';
import { DOMAINS, SDG_GOALS, sdgGoalOf, sdgName, type PublicAlliancePage, type PublicCaseStudy } from '@alliances/shared/contracts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublicListing } from '../public-library.service';
import { describe, escapeHtml as e, escapeXml as x, MINIMAL_SHELL, renderPage, type PageHead } from './html';
import { PUBLIC_WORDS, type PublicLang, type PublicWords } from './words';

type Labels = {
  categories: Record<string, string>;
  profiles: Record<string, string>;
  scales: Record<string, string>;
  domains: Record<string, string>;
};

/**
 * The public pages as HTML, complete in the first response (issue 18): the built app's index.html read
 * once with this page's head (title, description, Open Graph, canonical, feed, JSON-LD) and a readable
 * copy of the page inside the app root; a minimal shell when the app is not built. Labels of categories,
 * profiles, scales and domains come from the app's translations when it is built, else the codes show.
 */
@Injectable()
export class PublicPages {
  private shell?: string;
  private readonly labels = new Map<PublicLang, Labels>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Absolute address of a path of the public site (PUBLIC_URL, as in mail links). */
  url(path: string): string {
    return `${this.config.publicUrl}${path}`;
  }

  library(lang: PublicLang, cards: PublicCaseStudy[]): string {
    const w = PUBLIC_WORDS[lang];
    const items = cards.length
      ? `<ul>${cards
          .map(
            (c) =>
              `<li><h2><a href="/public/library/${e(c.slug)}${this.langQuery(lang)}">${e(c.title)}</a></h2><p>${e(describe(c.summary, 240))}</p>${this.sdgChips(lang, c.sdgs)}</li>`,
          )
          .join('')}</ul>`
      : `<p>${e(w.empty)}</p>`;
    const body = this.frame(lang, '/public/library', `<h1>${e(w.library)}</h1><p>${e(w.libraryIntro)}</p>${items}`);
    return renderPage(
      this.shellHtml(),
      this.head(lang, '/public/library', w.library, w.libraryIntro, 'website', {
        '@context': 'https://schema.org',
        '@type': 'CollectionPage',
        name: w.library,
        url: this.url('/public/library'),
      }),
      body,
    );
  }

  caseStudy(lang: PublicLang, c: PublicCaseStudy): string {
    const w = PUBLIC_WORDS[lang];
    const l = this.labelsOf(lang);
    const path = `/public/library/${c.slug}`;
    const results = c.results.length
      ? `<h2>${e(w.results)}</h2><table><thead><tr><th scope="col">${e(w.indicator)}</th><th scope="col">${e(w.baseline)}</th><th scope="col">${e(w.latest)}</th><th scope="col">${e(w.target)}</th></tr></thead><tbody>${c.results
          .map(
            (r) =>
              `<tr><th scope="row">${e(r.name)}</th><td>${e(`${r.baseline} ${r.unit}`)}</td><td>${r.latest === null ? e(w.notMeasured) : e(`${r.latest} ${r.unit}`)}</td><td>${e(`${r.target} ${r.unit}`)}</td></tr>`,
          )
          .join('')}</tbody></table>`
      : '';
    const facts = [
      [w.category, e(l.categories[c.category] ?? c.category)],
      [
        w.domains,
        this.list(
          c.domains.map((d) => l.domains[d] ?? d),
          w,
        ),
      ],
      [w.scale, e(l.scales[c.scale] ?? c.scale)],
      [
        w.territories,
        this.list(
          c.territories.map((t) => (t.name === t.code ? t.code : `${t.name} (${t.code})`)),
          w,
        ),
      ],
      [
        w.profiles,
        this.list(
          c.partnerProfiles.map((p) => l.profiles[p] ?? p),
          w,
        ),
      ],
    ];
    const published = new Date(c.publishedAt).toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
    const body = this.frame(
      lang,
      path,
      `<article><h1>${e(c.title)}</h1><p>${e(w.publishedOn)} <time datetime="${e(c.publishedAt)}">${e(published)}</time></p>
<h2>${e(w.summary)}</h2>${this.paragraphs(c.summary)}
<h2>${e(w.facts)}</h2><dl>${facts.map(([k, v]) => `<div><dt>${e(k)}</dt><dd>${v}</dd></div>`).join('')}</dl>
${c.sdgs.length ? `<h2>${e(w.sdgs)}</h2>${this.sdgChips(lang, c.sdgs)}` : ''}
${results}
${c.alliancePageSlug ? `<p><a href="/public/alliances/${e(c.alliancePageSlug)}${this.langQuery(lang)}">${e(w.alliancePage)}</a></p>` : ''}</article>`,
    );
    return renderPage(
      this.shellHtml(),
      this.head(lang, path, c.title, describe(c.summary), 'article', {
        '@context': 'https://schema.org',
        '@type': 'Article',
        headline: c.title,
        description: describe(c.summary),
        datePublished: c.publishedAt,
        inLanguage: 'fr',
        url: this.url(path),
        keywords: c.sdgs.map((s) => `${w.sdg} ${s}`).join(', '),
      }),
      body,
    );
  }

  alliance(lang: PublicLang, a: PublicAlliancePage): string {
    const w = PUBLIC_WORDS[lang];
    const l = this.labelsOf(lang);
    const path = `/public/alliances/${a.slug}`;
    const facts = [
      [w.category, e(l.categories[a.category] ?? a.category)],
      [
        w.territories,
        this.list(
          a.territories.map((t) => (t.name === t.code ? t.code : `${t.name} (${t.code})`)),
          w,
        ),
      ],
    ];
    const body = this.frame(
      lang,
      path,
      `<article><h1>${e(a.name)}</h1>
<h2>${e(w.purpose)}</h2>${this.paragraphs(a.purpose)}
<dl>${facts.map(([k, v]) => `<div><dt>${e(k)}</dt><dd>${v}</dd></div>`).join('')}</dl>
<h2>${e(w.partners)}</h2><ul>${a.partners.map((p) => `<li>${e(p.name)} — ${e(l.profiles[p.profile] ?? p.profile)}</li>`).join('')}</ul>
${a.sdgs.length ? `<h2>${e(w.sdgs)}</h2>${this.sdgChips(lang, a.sdgs)}` : ''}
<h2>${e(w.caseStudy)}</h2><p><a href="/public/library/${e(a.caseStudy.slug)}${this.langQuery(lang)}">${e(a.caseStudy.title)}</a></p></article>`,
    );
    return renderPage(
      this.shellHtml(),
      this.head(lang, path, a.name, describe(a.purpose), 'article', {
        '@context': 'https://schema.org',
        '@type': 'Organization',
        name: a.name,
        description: describe(a.purpose),
        url: this.url(path),
        member: a.partners.map((p) => ({ '@type': 'Organization', name: p.name })),
      }),
      body,
    );
  }

  /** The 404 page; it never repeats the address asked for (its head and links are the library's). */
  notFound(lang: PublicLang): string {
    const path = '/public/library';
    const w = PUBLIC_WORDS[lang];
    return renderPage(
      this.shellHtml(),
      { ...this.head(lang, path, w.notFound, w.notFoundText, 'website'), noindex: true },
      this.frame(lang, path, `<h1>${e(w.notFound)}</h1><p>${e(w.notFoundText)}</p><p><a href="/public/library">${e(w.back)}</a></p>`),
    );
  }

  /** The sitemap: the library, each published card and each open alliance page, with their dates. */
  sitemap(listings: PublicListing[]): string {
    const entry = (path: string, lastmod: Date | undefined) =>
      `  <url><loc>${x(this.url(path))}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ''}</url>`;
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      entry('/public/library', listings[0]?.publishedAt),
      ...listings.map((l) => entry(`/public/library/${l.slug}`, l.publishedAt)),
      ...listings.filter((l) => l.alliancePageSlug).map((l) => entry(`/public/alliances/${l.alliancePageSlug}`, l.publishedAt)),
      '</urlset>',
      '',
    ].join('\n');
  }

  /** The Atom feed (RFC 4287) of the newest cards. */
  feed(listings: PublicListing[]): string {
    const w = PUBLIC_WORDS.fr;
    const updated = (listings[0]?.publishedAt ?? new Date(0)).toISOString();
    return [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">',
      `  <title>${x(w.feed)}</title>`,
      `  <id>${x(this.url('/public/library'))}</id>`,
      `  <link rel="self" type="application/atom+xml" href="${x(this.url('/public/library/feed.atom'))}"/>`,
      `  <link rel="alternate" type="text/html" href="${x(this.url('/public/library'))}"/>`,
      `  <updated>${updated}</updated>`,
      '  <author><name>Alliances</name></author>',
      ...listings.map((l) =>
        [
          '  <entry>',
          `    <title>${x(l.title)}</title>`,
          `    <id>${x(this.url(`/public/library/${l.slug}`))}</id>`,
          `    <link rel="alternate" type="text/html" href="${x(this.url(`/public/library/${l.slug}`))}"/>`,
          `    <published>${l.publishedAt.toISOString()}</published>`,
          `    <updated>${l.publishedAt.toISOString()}</updated>`,
          `    <summary>${x(describe(l.summary, 500))}</summary>`,
          '  </entry>',
        ].join('\n'),
      ),
      '</feed>',
      '',
    ].join('\n');
  }

  robots(): string {
    return ['User-agent: *', 'Allow: /public/', 'Disallow: /api/', 'Disallow: /', '', `Sitemap: ${this.url('/sitemap.xml')}`, ''].join(
      '\n',
    );
  }

  private head(
    lang: PublicLang,
    path: string,
    title: string,
    description: string,
    type: PageHead['type'],
    jsonLd?: Record<string, unknown>,
  ): PageHead {
    const other: PublicLang = lang === 'fr' ? 'en' : 'fr';
    return {
      lang,
      title: path === '/public/library' ? `${title} · Alliances` : `${title} · ${PUBLIC_WORDS[lang].library}`,
      description,
      canonical: this.url(`${path}${this.langQuery(lang)}`),
      type,
      feed: { title: PUBLIC_WORDS.fr.feed, href: this.url('/public/library/feed.atom') },
      alternate: { lang: other, href: this.url(`${path}${this.langQuery(other)}`) },
      jsonLd,
    };
  }

  /** The page inside the app root: a link home, the content, a link to the other language. */
  private frame(lang: PublicLang, path: string, content: string): string {
    const w = PUBLIC_WORDS[lang];
    const other: PublicLang = lang === 'fr' ? 'en' : 'fr';
    return `<div class="public-page"><header><nav><a href="/public/library${this.langQuery(lang)}">${e(w.library)}</a> · <a href="${e(path)}${this.langQuery(other)}" hreflang="${other}" lang="${other}">${e(w.otherLanguage)}</a> · <a href="/">${e(w.signIn)}</a></nav></header><main>${content}</main></div>`;
  }

  private langQuery(lang: PublicLang): string {
    return lang === 'fr' ? '' : '?lang=en';
  }

  private paragraphs(text: string): string {
    return text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => `<p>${e(p).replace(/\n/g, '<br />')}</p>`)
      .join('');
  }

  private list(items: string[], w: PublicWords): string {
    return items.length ? items.map((i) => e(i)).join(', ') : e(w.none);
  }

  private sdgChips(lang: PublicLang, sdgs: string[]): string {
    if (!sdgs.length) return '';
    const w = PUBLIC_WORDS[lang];
    return `<ul class="sdgs">${sdgs
      .map((code) => {
        const colour = SDG_GOALS.find((g) => g.code === sdgGoalOf(code))?.colour ?? '#333333';
        return `<li class="sdg" style="background:${colour}">${e(`${w.sdg} ${code} — ${sdgName(code, lang)}`)}</li>`;
      })
      .join('')}</ul>`;
  }

  /** The built app's index.html, read once (the file changes only with a new build, hence a restart). */
  private shellHtml(): string {
    if (this.shell === undefined) {
      const index = this.config.webRoot ? join(this.config.webRoot, 'index.html') : undefined;
      this.shell = index && existsSync(index) ? readFileSync(index, 'utf8') : MINIMAL_SHELL;
    }
    return this.shell;
  }

  private labelsOf(lang: PublicLang): Labels {
    let labels = this.labels.get(lang);
    if (!labels) {
      const root = this.translations(`i18n/${lang}.json`);
      const alliances = this.translations(`i18n/alliances/${lang}.json`);
      const pick = (o: unknown, key: string): Record<string, string> => {
        const v = (o as Record<string, unknown> | undefined)?.[key];
        return v && typeof v === 'object' ? (v as Record<string, string>) : {};
      };
      const categories = Object.fromEntries(
        Object.entries(pick(alliances, 'categories')).map(([k, v]) => [
          k,
          typeof v === 'object' ? String((v as { label?: string }).label ?? k) : String(v),
        ]),
      );
      const domains = pick(alliances, 'domains');
      labels = {
        categories,
        profiles: pick(pick(root, 'organisations'), 'profiles'),
        scales: pick(alliances, 'scales'),
        domains: Object.fromEntries(DOMAINS.filter((d) => typeof domains[d] === 'string').map((d) => [d, domains[d]])),
      };
      this.labels.set(lang, labels);
    }
    return labels;
  }

  private translations(file: string): unknown {
    const path = this.config.webRoot ? join(this.config.webRoot, file) : undefined;
    try {
      return path && existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
    } catch {
      return undefined;
    }
  }
}
