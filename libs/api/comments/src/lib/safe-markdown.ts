import { Marked, type Tokens } from 'marked';

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const safeUrl = (href: string): string | null => (/^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : null);

/**
 * Markdown to HTML with no way to inject markup: raw HTML is shown as text, links keep only http(s)
 * and mailto and open safely, images become links. The web app renders this HTML as it is.
 */
const marked = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(token.text);
    },
    link(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Link): string {
      const text = this.parser.parseInline(token.tokens);
      const href = safeUrl(token.href);
      return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow" target="_blank">${text}</a>` : text;
    },
    image(token: Tokens.Image): string {
      const href = safeUrl(token.href);
      return href
        ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow" target="_blank">${escapeHtml(token.text || href)}</a>`
        : escapeHtml(token.text);
    },
  },
});

export function renderMarkdown(markdown: string): string {
  return (marked.parse(markdown, { async: false }) as string).trim();
}
