import { csvCell, csvDocument } from './csv';

describe('CSV', () => {
  it('neutralises formulas but keeps numbers, negative ones included', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+33 6 12')).toBe("'+33 6 12");
    expect(csvCell('-rm')).toBe("'-rm");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('-3')).toBe('-3');
  });

  it('quotes commas, quotes and line breaks, and writes empty cells for null', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('dit "oui"')).toBe('"dit ""oui"""');
    expect(csvCell('deux\nlignes')).toBe('"deux\nlignes"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('writes a UTF-8 document with a byte order mark and CRLF lines', () => {
    expect(
      csvDocument([
        ['nom', 'valeur'],
        ['Élan', 3],
      ]),
    ).toBe('\uFEFFnom,valeur\r\nÉlan,3\r\n');
  });
});
