/** Control characters (C0, DEL, C1) and the bidirectional overrides that disguise an extension (`fdp.exe` shown as `exe.pdf`). */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
export const MAX_NAME_LENGTH = 255;

/**
 * The name a document is shown and downloaded under, from the name the client sent: only its last
 * path segment is kept (`../../etc/passwd` → `passwd`, `C:\Users\a\b.pdf` → `b.pdf`), Unicode NFC,
 * trimmed. Undefined (→ 400) when it holds a control character (NUL included) or a bidirectional
 * override, or is empty, `.` or `..` once stripped, or longer than 255 characters. The name never
 * reaches the file system: storage keys are generated.
 */
export function documentName(sent: string | undefined): string | undefined {
  if (typeof sent !== 'string' || FORBIDDEN.test(sent)) return undefined;
  const name = sent.normalize('NFC').split(/[\\/]/).pop()?.trim() ?? '';
  if (!name || name === '.' || name === '..' || name.length > MAX_NAME_LENGTH) return undefined;
  return name;
}

/** `Content-Disposition: attachment` with an ASCII fallback and the exact name in RFC 5987's `filename*`. */
export function attachmentDisposition(name: string): string {
  const fallback =
    name
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\%;]/g, '_')
      .trim() || 'document';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
