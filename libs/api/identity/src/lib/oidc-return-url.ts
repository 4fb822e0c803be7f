const RETURN_URL_MAX_LENGTH = 2000;

/**
 * A same-site path to go back to after signing in, or null: never an absolute URL, a
 * protocol-relative `//host`, a backslash (browsers read `/\host` as `//host`) or a control character.
 */
export function safeReturnUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > RETURN_URL_MAX_LENGTH) return null;
  // eslint-disable-next-line no-control-regex
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value)) return null;
  return value;
}
