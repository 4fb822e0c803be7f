import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { workspaceRoot } from './paths';

export interface OidcTestAccount {
  sub: string;
  email?: string;
  emailVerified?: boolean;
  name?: string;
  givenName?: string;
  familyName?: string;
  locale?: string;
}

export interface OidcTestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The OIDC_* variables of an API process signing in with this provider. */
  apiEnv(displayName?: string): Record<string, string>;
  addAccount(account: OidcTestAccount): Promise<void>;
  /** The person signed in when the provider's login page is opened without a `sub` (browser specs); null shows a form. */
  setDefaultSub(sub: string | null): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOidcTestProviderOptions {
  /** Where the provider may send the browser back besides any loopback `…/api/auth/oidc/callback`. */
  redirectUris?: string[];
  clientId?: string;
  clientSecret?: string;
  /** A fixed port (a spec bringing the provider up after the API); random by default. */
  port?: number;
}

/**
 * Starts an OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1 with a random port:
 * one confidential client, PKCE required, no consent page, accounts registered by the spec. It runs
 * in a child process (an ES module Jest cannot import) and prints nothing.
 */
export async function startOidcTestProvider(options: StartOidcTestProviderOptions = {}): Promise<OidcTestProvider> {
  const clientId = options.clientId ?? 'alliances-test';
  const clientSecret = options.clientSecret ?? randomBytes(24).toString('base64url');
  const script = join(workspaceRoot(), 'libs', 'e2e', 'support', 'src', 'lib', 'oidc-test-provider.mjs');
  const child = fork(script, [], {
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      ...(process.env['OIDC_TEST_PROVIDER_DEBUG'] ? { OIDC_TEST_PROVIDER_DEBUG: '1' } : {}),
      OIDC_TEST_PROVIDER_OPTIONS: JSON.stringify({ clientId, clientSecret, redirectUris: options.redirectUris ?? [], port: options.port }),
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
    // OIDC_TEST_PROVIDER_DEBUG=1: the provider tells why it refused a request.
    if (process.env['OIDC_TEST_PROVIDER_DEBUG']) process.stderr.write(chunk);
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    child.on('message', (message: { type?: string; issuer?: string }) => {
      if (message?.type === 'ready' && message.issuer) resolve(message.issuer);
    });
    child.once('exit', (code) => reject(new Error(`OIDC test provider exited with ${code}:\n${errors}`)));
  });
  let nextId = 0;
  const send = (message: Record<string, unknown>) =>
    new Promise<void>((resolve) => {
      const id = ++nextId;
      const onMessage = (answer: { type?: string; id?: number }) => {
        if (answer?.type === 'ack' && answer.id === id) {
          child.off('message', onMessage);
          resolve();
        }
      };
      child.on('message', onMessage);
      child.send({ ...message, id });
    });
  return {
    issuer,
    clientId,
    clientSecret,
    apiEnv: (displayName = 'Test SSO') => ({
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_DISPLAY_NAME: displayName,
    }),
    addAccount: (account) => send({ type: 'addAccount', account }),
    setDefaultSub: (sub) => send({ type: 'setDefaultSub', sub }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A response of the manual-redirect walk: status, Location and the body's text. */
export interface OidcHop {
  url: string;
  status: number;
  location: string | null;
  body: string;
  setCookies: string[];
}

/** Cookies by origin, name → value; paths and expiry are ignored (each walk is short-lived). */
export class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  store(url: string, setCookies: string[]): void {
    const origin = new URL(url).origin;
    const jar = this.byOrigin.get(origin) ?? new Map<string, string>();
    for (const header of setCookies) {
      const [pair, ...attributes] = header.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    this.byOrigin.set(origin, jar);
  }

  header(url: string): string | undefined {
    const jar = this.byOrigin.get(new URL(url).origin);
    if (!jar?.size) return undefined;
    return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get(url: string, name: string): string | undefined {
    return this.byOrigin.get(new URL(url).origin)?.get(name);
  }
}

/** One GET without following redirects, cookies from and into the jar. */
export async function oidcHop(url: string, jar: CookieJar): Promise<OidcHop> {
  const cookie = jar.header(url);
  const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  const setCookies = res.headers.getSetCookie();
  jar.store(url, setCookies);
  const location = res.headers.get('location');
  return { url, status: res.status, location: location ? new URL(location, url).toString() : null, body: await res.text(), setCookies };
}

export interface OidcSignInOptions {
  /** The API's origin, e.g. `http://127.0.0.1:1234`. */
  apiUrl: string;
  /** The account at the provider to sign in as. */
  sub: string;
  returnUrl?: string;
  /** Changes the provider's authorization URL before it is followed (a spec tampering with the nonce). */
  rewriteAuthorizationUrl?: (url: URL) => URL;
  /** Stops at the callback URL without calling the API (to replay or tamper with it). */
  stopBeforeCallback?: boolean;
  jar?: CookieJar;
}

export interface OidcSignInResult {
  /** The provider's redirect back to the API: `<PUBLIC_URL>/api/auth/oidc/callback?code=…&state=…`. */
  callbackUrl: string;
  /** The API's answer to the callback (absent with `stopBeforeCallback`). */
  callback?: OidcHop;
  jar: CookieJar;
}

/**
 * Walks a single sign-on over plain HTTP, as a browser would: the API's `/api/auth/oidc/login`, the
 * provider's authorization endpoint and login page (as `sub`), back to the API's callback.
 */
export async function signInWithOidc(options: OidcSignInOptions): Promise<OidcSignInResult> {
  const jar = options.jar ?? new CookieJar();
  const query = options.returnUrl !== undefined ? `?returnUrl=${encodeURIComponent(options.returnUrl)}` : '';
  const start = await oidcHop(`${options.apiUrl}/api/auth/oidc/login${query}`, jar);
  if (start.status !== 302 || !start.location) throw new Error(`oidc login answered ${start.status}: ${start.body}`);
  let url = options.rewriteAuthorizationUrl ? options.rewriteAuthorizationUrl(new URL(start.location)).toString() : start.location;
  const apiOrigin = new URL(options.apiUrl).origin;
  for (let hops = 0; hops < 10; hops++) {
    if (new URL(url).origin === apiOrigin) {
      if (options.stopBeforeCallback) return { callbackUrl: url, jar };
      return { callbackUrl: url, callback: await oidcHop(url, jar), jar };
    }
    const target = new URL(url);
    if (/^\/interaction\/[^/]+$/.test(target.pathname)) target.searchParams.set('sub', options.sub);
    const hop = await oidcHop(target.toString(), jar);
    if (!hop.location || hop.status < 300 || hop.status >= 400)
      throw new Error(`provider answered ${hop.status} at ${url}: ${hop.body.slice(0, 300)}`);
    url = hop.location;
  }
  throw new Error('too many redirects in the single sign-on walk');
}

/**
 * A free port on 127.0.0.1, for an API process whose PUBLIC_URL must be known before it starts (the
 * provider sends the browser back to `<PUBLIC_URL>/api/auth/oidc/callback`).
 */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
