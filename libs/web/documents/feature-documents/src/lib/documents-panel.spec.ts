import { documentKind, fileSize } from './documents-panel';

describe('documents panel helpers', () => {
  it('names the kind of a file from its stored type', () => {
    expect(documentKind('application/pdf')).toEqual({ icon: 'picture_as_pdf', kind: 'pdf' });
    expect(documentKind('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').kind).toBe('spreadsheet');
    expect(documentKind('text/csv').kind).toBe('spreadsheet');
    expect(documentKind('application/vnd.oasis.opendocument.text').kind).toBe('document');
    expect(documentKind('image/webp').kind).toBe('image');
  });

  it('writes sizes in the page language', () => {
    expect(fileSize(512, 'fr')).toBe('512 o');
    expect(fileSize(1_234_567, 'en')).toBe('1.2 MB');
    expect(fileSize(1_234_567, 'fr').replace(/\s/g, ' ')).toBe('1,2 Mo');
  });
});
