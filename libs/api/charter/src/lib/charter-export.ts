import { renderPdf } from '@alliances/api/core';
import type { CharterVersion, Locale } from '@alliances/shared/contracts';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

const LABELS = {
  fr: {
    charter: "Charte d'alliance",
    version: 'Version',
    sha: 'Empreinte SHA-256',
    signatures: 'Signatures',
    none: 'Aucune signature pour cette version.',
    signed: 'a signé',
    changes: 'demande des modifications',
    by: 'par',
    on: 'le',
    status: {
      awaiting_signatures: 'en attente de signatures',
      in_force: 'en vigueur',
      superseded: 'remplacée',
      changes_requested: 'modifications demandées',
    },
  },
  en: {
    charter: 'Alliance charter',
    version: 'Version',
    sha: 'SHA-256 fingerprint',
    signatures: 'Signatures',
    none: 'No signature for this version.',
    signed: 'signed',
    changes: 'requests changes',
    by: 'by',
    on: 'on',
    status: {
      awaiting_signatures: 'awaiting signatures',
      in_force: 'in force',
      superseded: 'superseded',
      changes_requested: 'changes requested',
    },
  },
} as const;

export function versionToMarkdown(allianceName: string, version: CharterVersion, locale: Locale): string {
  const l = LABELS[locale];
  const lines = [
    `# ${l.charter} — ${allianceName}`,
    '',
    `${l.version} ${version.version} (${l.status[version.status]}) · ${version.createdAt.slice(0, 10)}`,
    '',
    `${l.sha}: \`${version.sha256}\``,
    '',
  ];
  for (const section of version.sections) lines.push(`## ${section.title}`, '', section.markdown || '—', '');
  lines.push(`## ${l.signatures}`, '');
  if (!version.signatures.length) lines.push(l.none);
  for (const s of version.signatures) {
    lines.push(
      `- ${s.organisationName} ${s.kind === 'signed' ? l.signed : l.changes} ${l.by} ${s.signerName ?? '—'} ${l.on} ${s.at.slice(0, 10)}${s.comment ? ` : ${s.comment}` : ''}`,
    );
  }
  return lines.join('\n') + '\n';
}

/** Markdown inline marks stripped for the PDF's plain paragraphs (the Markdown export keeps them). */
const plain = (markdown: string): string =>
  markdown
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/(\*\*|__|~~|`)/g, '')
    .replace(/(^|\s)_([^_]+)_/g, '$1$2')
    .replace(/\\([\\`*_[\]])/g, '$1');

export function versionToPdf(allianceName: string, version: CharterVersion, locale: Locale): Promise<Buffer> {
  const l = LABELS[locale];
  const content: Content[] = [
    { text: l.charter, style: 'kicker' },
    { text: allianceName, style: 'title' },
    { text: `${l.version} ${version.version} · ${l.status[version.status]} · ${version.createdAt.slice(0, 10)}`, margin: [0, 0, 0, 4] },
    {
      text: [
        { text: `${l.sha} : `, bold: true },
        { text: version.sha256, fontSize: 8 },
      ],
      margin: [0, 0, 0, 16],
    },
  ];
  for (const section of version.sections) {
    content.push({ text: section.title, style: 'section' });
    for (const paragraph of (section.markdown || '—').split(/\n{2,}/)) {
      const lines = paragraph.split('\n');
      if (lines.every((line) => /^\s*(- |\d+\. )/.test(line)))
        content.push({ ul: lines.map((line) => plain(line.replace(/^\s*(- |\d+\. )/, ''))), margin: [0, 0, 0, 6] });
      else if (/^#{1,6} /.test(paragraph))
        content.push({ text: plain(paragraph.replace(/^#{1,6} /, '')), bold: true, margin: [0, 4, 0, 4] });
      else content.push({ text: plain(paragraph.replace(/^> /gm, '')), margin: [0, 0, 0, 6] });
    }
  }
  content.push({ text: l.signatures, style: 'section' });
  content.push(
    version.signatures.length
      ? {
          table: {
            widths: ['*', 'auto', '*', 'auto'],
            body: version.signatures.map((s) => [
              s.organisationName,
              s.kind === 'signed' ? l.signed : l.changes,
              s.signerName ?? '—',
              s.at.slice(0, 10),
            ]),
          },
          layout: 'lightHorizontalLines',
        }
      : { text: l.none, italics: true },
  );
  const definition: TDocumentDefinitions = {
    info: { title: `${l.charter} — ${allianceName} — v${version.version}`, subject: version.sha256 },
    content,
    footer: (page: number, pages: number) => ({
      text: `${allianceName} · v${version.version} · ${version.sha256.slice(0, 16)}… · ${page}/${pages}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 10, 0, 0],
    }),
    styles: {
      kicker: { fontSize: 10, color: '#555555' },
      title: { fontSize: 20, bold: true, margin: [0, 0, 0, 8] },
      section: { fontSize: 14, bold: true, margin: [0, 14, 0, 6] },
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.25 },
  };
  return renderPdf(definition);
}
