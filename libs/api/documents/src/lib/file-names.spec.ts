import { attachmentDisposition, documentName } from './file-names';

describe('documentName', () => {
  it('keeps the last path segment of a name with directories', () => {
    expect(documentName('../../etc/passwd')).toBe('passwd');
    expect(documentName('/absolute/rapport.pdf')).toBe('rapport.pdf');
    expect(documentName('C:\\Users\\a\\bilan 2026.pdf')).toBe('bilan 2026.pdf');
    expect(documentName('  compte rendu.pdf ')).toBe('compte rendu.pdf');
  });

  it('refuses control characters, bidirectional overrides and empty names', () => {
    for (const bad of ['a\u0000.pdf', 'a\n.pdf', 'fdp\u202e.exe', '..', '../', '.', '', 'x'.repeat(256), undefined])
      expect(documentName(bad)).toBeUndefined();
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('Bilan «été» 2026.pdf')).toBe(
      `attachment; filename="Bilan ete 2026.pdf"; filename*=UTF-8''Bilan%20%C2%ABe%CC%81te%CC%81%C2%BB%202026.pdf`.replace(
        'e%CC%81te%CC%81',
        '%C3%A9t%C3%A9',
      ),
    );
    expect(attachmentDisposition('a"b;c.pdf')).toBe(`attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%3Bc.pdf`);
  });
});
