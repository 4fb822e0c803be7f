import type { AccountSession } from '@alliances/shared/contracts';
import { UAParser } from 'ua-parser-js';

/** "Firefox 132", "Windows 11": the name and the major version, or the name alone. */
const named = (name: string | undefined, version: string | undefined): string | null =>
  name ? (version ? `${name} ${version}` : name) : null;

/** The device of a session, read from its stored user agent when listed (never stored parsed). */
export function describeUserAgent(userAgent: string | null): Pick<AccountSession, 'device' | 'browser' | 'os'> {
  if (!userAgent) return { device: null, browser: null, os: null };
  const result = new UAParser(userAgent).getResult();
  const browser = named(result.browser.name, result.browser.version?.split('.')[0]);
  const os = named(result.os.name, result.os.version);
  // What the account page shows in one line: "Firefox 132 · Windows".
  const device = [browser, result.os.name].filter(Boolean).join(' · ') || null;
  return { device, browser, os };
}
