import { sniffLogoType } from './logo-type';

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffLogoType', () => {
  it('recognises PNG, JPEG and WebP by their first bytes', () => {
    expect(sniffLogoType(bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13]))).toBe('image/png');
    expect(sniffLogoType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'))).toBe('image/jpeg');
    expect(sniffLogoType(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses SVG, other images, text and truncated headers', () => {
    expect(sniffLogoType(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeUndefined();
    expect(sniffLogoType(bytes('<?xml version="1.0"?><svg/>'))).toBeUndefined();
    expect(sniffLogoType(bytes('GIF89a'))).toBeUndefined();
    expect(sniffLogoType(bytes('RIFF', [0, 0, 0, 0], 'WAVE'))).toBeUndefined();
    expect(sniffLogoType(bytes([0x89], 'PN'))).toBeUndefined();
    expect(sniffLogoType(Buffer.alloc(0))).toBeUndefined();
  });
});
