import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import type { ApiProcess } from './api-process';
import { withClient, type TestDatabase } from './test-database';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const REFRESH_COOKIE = 'alliances_refresh';
/** A password that passes the length and common-password rules. */
export const GOOD_PASSWORD = 'Correct-Horse-Battery-42';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
  /** Raw Set-Cookie headers. */
  setCookies: string[];
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent verbatim as the `Cookie` header. */
  cookie?: string;
  headers?: Record<string, string>;
}

export interface Session {
  accessToken: string;
  /** `alliances_refresh=<value>`, ready for a Cookie header. */
  refreshCookie: string;
  user: { id: string; email: string; displayName: string; locale: string; isPlatformAdmin: boolean };
  email: string;
  password: string;
}

let counter = 0;
/** A unique, lower-case email for this run. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}${counter}${randomBytes(2).toString('hex')}@example.org`;
}

/** The value part of a named cookie among Set-Cookie headers, with its attributes. */
export function findCookie(setCookies: string[], name = REFRESH_COOKIE): { pair: string; value: string; attributes: string[] } | undefined {
  for (const header of setCookies) {
    const [pair, ...attributes] = header.split(';').map((s) => s.trim());
    if (pair.startsWith(`${name}=`)) return { pair, value: pair.slice(name.length + 1), attributes };
  }
  return undefined;
}

/** A thin fetch wrapper for the API under test: JSON in, JSON out, status and cookies exposed. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly defaultHeaders: Record<string, string> = {},
  ) {}

  async call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...this.defaultHeaders, ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.cookie) headers['cookie'] = options.cookie;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const res = await fetch(`${this.baseUrl}${path.startsWith('/') ? path : `/${path}`}`, { method, headers, body, redirect: 'manual' });
    const text = await res.text();
    let parsed: unknown = undefined;
    if (text && (res.headers.get('content-type') ?? '').includes('json')) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    return { status: res.status, body: parsed as T, text, headers: res.headers, setCookies: res.headers.getSetCookie() };
  }

  get<T = any>(path: string, options?: CallOptions) {
    return this.call<T>('GET', path, options);
  }
  post<T = any>(path: string, body?: unknown, options?: CallOptions) {
    return this.call<T>('POST', path, { ...options, body });
  }
  patch<T = any>(path: string, body?: unknown, options?: CallOptions) {
    return this.call<T>('PATCH', path, { ...options, body });
  }
  delete<T = any>(path: string, options?: CallOptions) {
    return this.call<T>('DELETE', path, options);
  }

  /** Registers an account (201 expected) and returns what is needed to sign in. */
  async register(
    input: { email?: string; password?: string; displayName?: string; locale?: 'fr' | 'en' } = {},
  ): Promise<{ id: string; email: string; password: string; displayName: string }> {
    const email = input.email ?? uniqueEmail();
    const password = input.password ?? GOOD_PASSWORD;
    const displayName = input.displayName ?? `Test ${email.split('@')[0]}`;
    const res = await this.post('/api/auth/register', { email, password, displayName, ...(input.locale ? { locale: input.locale } : {}) });
    if (res.status !== 201) throw new Error(`register ${email}: ${res.status} ${res.text}`);
    return { id: res.body.user.id, email, password, displayName };
  }

  /**
   * Signs in (200 expected), as a person would: a second-step challenge is answered with a code of the
   * TOTP secret this process set up for the account (see `totpCodeFor`); a restricted session (a rule
   * requires two-step sign-in, e.g. of a platform administrator) sets TOTP up, then refreshes into a
   * full session. So callers keep getting a session they can use everywhere.
   */
  async login(email: string, password: string = GOOD_PASSWORD): Promise<Session> {
    let res = await this.post('/api/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${res.text}`);
    if (res.body?.mfaRequired) {
      res = await this.post('/api/auth/login/mfa', { mfaToken: res.body.mfaToken, code: await totpCodeFor(email) });
      if (res.status !== 200) throw new Error(`login ${email} (second step): ${res.status} ${res.text}`);
    }
    const cookie = findCookie(res.setCookies);
    if (!cookie) throw new Error(`login ${email}: no refresh cookie`);
    const session: Session = { accessToken: res.body.accessToken, refreshCookie: cookie.pair, user: res.body.user, email, password };
    if (!res.body.twoFactorSetupRequired) return session;
    await this.enrolTotp(email, session.accessToken);
    return this.refresh(session);
  }

  /** Sets up TOTP for the account of `accessToken` (restricted sessions may) and remembers its secret and recovery codes. */
  async enrolTotp(email: string, accessToken: string): Promise<TotpEnrolment> {
    const setup = await this.post('/api/me/totp', undefined, { token: accessToken });
    if (setup.status !== 201) throw new Error(`TOTP setup ${email}: ${setup.status} ${setup.text}`);
    const step = currentTotpStep();
    const confirm = await this.post('/api/me/totp/confirm', { code: totpCode(setup.body.secret, step) }, { token: accessToken });
    if (confirm.status !== 200) throw new Error(`TOTP confirm ${email}: ${confirm.status} ${confirm.text}`);
    return rememberTotp(email, setup.body.secret, confirm.body.recoveryCodes, step);
  }

  /** A new access token (and rotated refresh cookie) for the session; throws unless 200. */
  async refresh(session: Session): Promise<Session> {
    const res = await this.post('/api/auth/refresh', undefined, { cookie: session.refreshCookie });
    if (res.status !== 200) throw new Error(`refresh ${session.email}: ${res.status} ${res.text}`);
    const cookie = findCookie(res.setCookies);
    if (!cookie) throw new Error(`refresh ${session.email}: no refresh cookie`);
    return { ...session, accessToken: res.body.accessToken, refreshCookie: cookie.pair };
  }

  /** Registers then signs in. */
  async signUp(input: { email?: string; password?: string; displayName?: string; locale?: 'fr' | 'en' } = {}): Promise<Session> {
    const account = await this.register(input);
    return this.login(account.email, account.password);
  }

  /** Applies for an organisation (201 expected); a valid association by default. */
  async applyOrganisation(session: Session, overrides: Record<string, unknown> = {}): Promise<any> {
    const res = await this.post(
      '/api/organisations',
      {
        name: `Association ${randomBytes(3).toString('hex')}`,
        profile: 'association',
        rna: 'W751234567',
        territoryCode: '69123',
        ...overrides,
      },
      { token: session.accessToken },
    );
    if (res.status !== 201) throw new Error(`apply: ${res.status} ${res.text}`);
    return res.body;
  }

  async approveOrganisation(admin: Session, organisationId: string): Promise<any> {
    const res = await this.post(`/api/admin/organisations/${organisationId}/approve`, undefined, { token: admin.accessToken });
    if (res.status !== 200) throw new Error(`approve: ${res.status} ${res.text}`);
    return res.body;
  }

  /** Invites an email (201 expected); returns the invitation and the token read from the mail. */
  async invite(
    admin: Session,
    organisationId: string,
    email: string,
    role: 'admin' | 'member' | 'signatory',
    dataDir: string,
  ): Promise<{ invitation: any; token: string }> {
    const before = readOutbox(dataDir).length;
    const res = await this.post(`/api/organisations/${organisationId}/invitations`, { email, role }, { token: admin.accessToken });
    if (res.status !== 201) throw new Error(`invite: ${res.status} ${res.text}`);
    const mail = await waitForMail(dataDir, (m) => m.to.includes(email), { after: before });
    return { invitation: res.body, token: invitationTokenOf(mail) };
  }

  /** Invites a new user, who registers, signs in and accepts; returns their session. */
  async addMember(
    admin: Session,
    organisationId: string,
    role: 'admin' | 'member' | 'signatory',
    dataDir: string,
    input: { email?: string; password?: string; displayName?: string; locale?: 'fr' | 'en' } = {},
  ): Promise<Session> {
    const email = input.email ?? uniqueEmail(role);
    const { token } = await this.invite(admin, organisationId, email, role, dataDir);
    const session = await this.signUp({ ...input, email });
    const res = await this.post(`/api/invitations/${token}/accept`, undefined, { token: session.accessToken });
    if (res.status !== 200) throw new Error(`accept: ${res.status} ${res.text}`);
    return session;
  }
}

// Two-step sign-in -----------------------------------------------------------------------------

/** What this process knows of an account's TOTP: its secret, its unused recovery codes, the last time step it used. */
export interface TotpEnrolment {
  secret: string;
  recoveryCodes: string[];
  lastStep: number;
}

const TOTP_PERIOD_MS = 30_000;
const enrolments = new Map<string, TotpEnrolment>();

export const currentTotpStep = (at = Date.now()): number => Math.floor(at / TOTP_PERIOD_MS);

/** The 6-digit code of a base32 secret at a time step (RFC 6238: SHA-1, 30 s). */
export function totpCode(secret: string, step = currentTotpStep()): string {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({
    timestamp: step * TOTP_PERIOD_MS,
  });
}

/** Remembers the TOTP of an account (by email), e.g. one a test set up itself, so that `login` and `totpCodeFor` can answer challenges. */
export function rememberTotp(email: string, secret: string, recoveryCodes: string[] = [], usedStep = currentTotpStep() - 2): TotpEnrolment {
  const enrolment = { secret, recoveryCodes: [...recoveryCodes], lastStep: usedStep };
  enrolments.set(email.toLowerCase(), enrolment);
  return enrolment;
}

/** The TOTP secret (base32) this process set up for the account, if any: the browser sign-in helper answers challenges with it. */
export function totpSecretOf(email: string): string | undefined {
  return enrolments.get(email.toLowerCase())?.secret;
}

/** What this process knows of the account's TOTP (secret, unused recovery codes, last time step used), if anything. */
export function totpEnrolmentOf(email: string): TotpEnrolment | undefined {
  return enrolments.get(email.toLowerCase());
}

export function forgetTotp(email: string): void {
  enrolments.delete(email.toLowerCase());
}

/**
 * A code the API will accept for the account now: the server takes each time step once and allows one
 * step either side, so the current step or the next one not used yet; when both are spent, an unused
 * recovery code (`recoveryCodes: true`, the default) or else the wait for the next step.
 */
export async function totpCodeFor(email: string, options: { recoveryCodes?: boolean } = {}): Promise<string> {
  const enrolment = enrolments.get(email.toLowerCase());
  if (!enrolment) throw new Error(`${email} has two-step sign-in on, but not set up by this process: no TOTP secret known (rememberTotp)`);
  const now = currentTotpStep();
  let step = Math.max(enrolment.lastStep + 1, now);
  if (step > now + 1) {
    const recovery = options.recoveryCodes !== false ? enrolment.recoveryCodes.shift() : undefined;
    if (recovery) return recovery;
    await new Promise((resolve) => setTimeout(resolve, (step - 1) * TOTP_PERIOD_MS - Date.now() + 50));
    step = Math.max(enrolment.lastStep + 1, currentTotpStep());
  }
  enrolment.lastStep = step;
  return totpCode(enrolment.secret, step);
}

// Mail outbox ----------------------------------------------------------------------------------

export interface OutboxMail {
  file: string;
  to: string;
  subject: string;
  text: string;
  /** Every header, by lower-case name, folded lines joined. */
  headers: Record<string, string>;
}

function decodeQuotedPrintable(input: string): string {
  const bytes: number[] = [];
  const soft = input.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i];
    if (c === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (`=?UTF-8?Q?...?=` / `=?UTF-8?B?...?=`) in a header. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

/** Parses a single-part (text/plain) .eml as nodemailer writes it. */
export function parseEml(raw: string, file = ''): OutboxMail {
  const normalised = raw.replace(/\r\n/g, '\n');
  const split = normalised.indexOf('\n\n');
  const headerBlock = normalised.slice(0, split).replace(/\n[ \t]+/g, ' ');
  let body = normalised.slice(split + 2);
  const headers = new Map<string, string>();
  for (const line of headerBlock.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'quoted-printable') body = decodeQuotedPrintable(body);
  else if (encoding === 'base64') body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return {
    file,
    to: decodeHeader(headers.get('to') ?? ''),
    subject: decodeHeader(headers.get('subject') ?? ''),
    text: body,
    headers: Object.fromEntries(headers),
  };
}

/** Every mail written so far, oldest first. */
export function readOutbox(dataDir: string): OutboxMail[] {
  const dir = join(dataDir, 'outbox');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => parseEml(readFileSync(join(dir, f), 'utf8'), f));
}

/** Waits for a mail matching `predicate` (among mails after index `after`, when given). */
export async function waitForMail(
  dataDir: string,
  predicate: (mail: OutboxMail) => boolean,
  options: { after?: number; timeoutMs?: number } = {},
): Promise<OutboxMail> {
  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  for (;;) {
    const found = readOutbox(dataDir)
      .slice(options.after ?? 0)
      .find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching mail in ${dataDir}/outbox`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The invitation token of the `<PUBLIC_URL>/invitations/<token>` link in a mail. */
export function invitationTokenOf(mail: OutboxMail): string {
  const match = /\/invitations\/([A-Za-z0-9_-]{20,})/.exec(mail.text);
  if (!match) throw new Error(`no invitation link in mail: ${mail.text}`);
  return match[1];
}

// Database access ------------------------------------------------------------------------------

/** A connection string to the API's database: the test database on a server, or the embedded one's socket. */
/** Runs one SQL statement against the API's database. */
export async function sql<T = any>(_api: ApiProcess, db: TestDatabase, text: string, params: unknown[] = []): Promise<T[]> {
  return withClient(db.url, async (c) => (await c.query(text, params)).rows as T[]);
}

// French identifiers -----------------------------------------------------------------------------

function luhnCheckDigit(partial: string): string {
  for (let d = 0; d <= 9; d++) {
    const candidate = partial + d;
    let sum = 0;
    for (let i = 0; i < candidate.length; i++) {
      let n = Number(candidate[candidate.length - 1 - i]);
      if (i % 2 === 1) {
        n *= 2;
        if (n > 9) n -= 9;
      }
      sum += n;
    }
    if (sum % 10 === 0) return String(d);
  }
  throw new Error('unreachable');
}

/** A random, Luhn-valid SIREN (never La Poste's). */
export function randomSiren(): string {
  const head = String(100_000_00 + Math.floor(Math.random() * 800_000_00)).slice(0, 8);
  return head + luhnCheckDigit(head);
}

/** A Luhn-valid SIRET of the given SIREN. */
export function siretOf(siren: string, establishment = '0001'): string {
  const head = siren + establishment;
  return head + luhnCheckDigit(head);
}

// Tokens -----------------------------------------------------------------------------------------

const b64url = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** Builds a JWT by hand (for tampering tests): HS256/HS512 with the given secret, or `alg: none`. */
export function forgeJwt(payload: Record<string, unknown>, options: { secret?: string; alg?: 'HS256' | 'HS512' | 'none' } = {}): string {
  const alg = options.alg ?? 'HS256';
  const head = `${b64url({ alg, typ: 'JWT' })}.${b64url(payload)}`;
  if (alg === 'none') return `${head}.`;
  const signature = createHmac(alg === 'HS512' ? 'sha512' : 'sha256', options.secret ?? 'wrong-secret-wrong-secret-wrong-secret')
    .update(head)
    .digest('base64url');
  return `${head}.${signature}`;
}

/** The decoded payload of a JWT (no verification). */
export function jwtPayload(token: string): Record<string, any> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
}

// Account links ----------------------------------------------------------------------------------

/** The token of the `<PUBLIC_URL>/reset-password/<token>` link of a password reset mail. */
export function resetTokenOf(mail: OutboxMail): string {
  const match = /\/reset-password\/([A-Za-z0-9_-]{20,})/.exec(mail.text);
  if (!match) throw new Error(`no reset link in mail: ${mail.text}`);
  return match[1];
}

/** The token of the `<PUBLIC_URL>/confirm-email/<token>` link of an email change mail. */
export function emailTokenOf(mail: OutboxMail): string {
  const match = /\/confirm-email\/([A-Za-z0-9_-]{20,})/.exec(mail.text);
  if (!match) throw new Error(`no confirmation link in mail: ${mail.text}`);
  return match[1];
}
