import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/** Renders a pdfmake document with pdfmake 0.2's server printer and the Roboto fonts it ships in its virtual file system. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  const PdfPrinter = require('pdfmake/src/printer') as new (fonts: unknown) => {
    createPdfKitDocument(doc: TDocumentDefinitions): NodeJS.ReadableStream & { end(): void };
  };
  const vfs = require('pdfmake/build/vfs_fonts.js') as Record<string, string>;
  const font = (name: string) => Buffer.from(vfs[name], 'base64');
  const printer = new PdfPrinter({
    Roboto: {
      normal: font('Roboto-Regular.ttf'),
      bold: font('Roboto-Medium.ttf'),
      italics: font('Roboto-Italic.ttf'),
      bolditalics: font('Roboto-MediumItalic.ttf'),
    },
  });
  const pdf = printer.createPdfKitDocument(definition);
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}
