import * as Y from 'yjs';

type Attributes = Record<string, unknown> | undefined;

/** Renders an XmlText's delta with its marks (bold, italic, strike, code, link) as Markdown. */
function inline(text: Y.XmlText): string {
  const delta = text.toDelta() as { insert: string | object; attributes?: Attributes }[];
  return delta
    .map(({ insert, attributes }) => {
      if (typeof insert !== 'string') return '';
      let s = escapeMarkdown(insert);
      if (!attributes || !s.trim()) return s;
      if (attributes['code']) s = '`' + insert.replace(/`/g, '\\`') + '`';
      if (attributes['bold']) s = `**${s}**`;
      if (attributes['italic']) s = `_${s}_`;
      if (attributes['strike']) s = `~~${s}~~`;
      const link = attributes['link'] as { href?: string } | undefined;
      if (link?.href && /^(https?:|mailto:)/i.test(link.href)) s = `[${s}](${link.href.replace(/\)/g, '%29')})`;
      return s;
    })
    .join('');
}

function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_[\]])/g, '\\$1');
}

function children(element: Y.XmlElement | Y.XmlFragment): (Y.XmlElement | Y.XmlText)[] {
  return element.toArray().filter((c): c is Y.XmlElement | Y.XmlText => c instanceof Y.XmlElement || c instanceof Y.XmlText);
}

function inlineOf(element: Y.XmlElement): string {
  return children(element)
    .map((c) => (c instanceof Y.XmlText ? inline(c) : c.nodeName === 'hardBreak' ? '  \n' : inlineOf(c)))
    .join('');
}

function block(node: Y.XmlElement | Y.XmlText, indent = ''): string[] {
  if (node instanceof Y.XmlText) return [indent + inline(node)];
  switch (node.nodeName) {
    case 'paragraph':
      return [indent + inlineOf(node)];
    case 'heading': {
      const level = Math.min(Math.max(Number(node.getAttribute('level')) || 1, 1), 6);
      // Section titles are level 2 in exports: headings inside a section start at level 3.
      return [indent + '#'.repeat(Math.min(level + 2, 6)) + ' ' + inlineOf(node)];
    }
    case 'bulletList':
    case 'orderedList': {
      const ordered = node.nodeName === 'orderedList';
      return children(node).flatMap((item, i) => {
        const marker = ordered ? `${i + 1}. ` : '- ';
        const lines =
          item instanceof Y.XmlElement ? children(item).flatMap((c) => block(c, indent + ' '.repeat(marker.length))) : [inline(item)];
        if (!lines.length) return [indent + marker.trimEnd()];
        return [indent + marker + lines[0].slice(indent.length + marker.length), ...lines.slice(1)];
      });
    }
    case 'blockquote':
      return children(node)
        .flatMap((c) => block(c))
        .map((l) => `${indent}> ${l}`);
    case 'codeBlock':
      return [indent + '```', ...node.toArray().map((c) => (c instanceof Y.XmlText ? c.toString() : '')), indent + '```'];
    case 'horizontalRule':
      return [indent + '---'];
    default:
      return [indent + inlineOf(node)];
  }
}

/** Markdown of one section (a Y.XmlFragment in y-prosemirror's encoding of the editor schema). */
export function fragmentToMarkdown(fragment: Y.XmlFragment): string {
  const blocks = children(fragment).map((node) => block(node).join('\n'));
  return blocks
    .filter((b, i) => b.trim() !== '' || (i > 0 && blocks[i - 1].trim() !== ''))
    .join('\n\n')
    .trim();
}
