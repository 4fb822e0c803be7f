/**
 * The `returnUrl` query parameter, if it points inside this app. Anything else (another site,
 * a protocol-relative `//host` link) is ignored so a crafted link cannot send people elsewhere.
 */
export function safeReturnUrl(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return null;
  }
  return value;
}
