import { safeReturnUrl } from './oidc-return-url';

describe('safeReturnUrl', () => {
  it('keeps a path of this site', () => {
    expect(safeReturnUrl('/alliances/42?tab=charter#objectives')).toBe('/alliances/42?tab=charter#objectives');
    expect(safeReturnUrl('/')).toBe('/');
  });

  it.each([
    'https://evil.example',
    '//evil.example/x',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    'alliances',
    '/a\nb',
    '/a\tb',
    `/${'a'.repeat(2000)}`,
    '',
  ])('drops %j', (value) => {
    expect(safeReturnUrl(value)).toBeNull();
  });

  it('drops what is not a string', () => {
    expect(safeReturnUrl(undefined)).toBeNull();
    expect(safeReturnUrl(['/a'])).toBeNull();
  });
});
