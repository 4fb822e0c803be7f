import {
  ApiClient,
  CookieJar,
  createTestDatabase,
  findCookie,
  freeLoopbackPort,
  GOOD_PASSWORD,
  oidcHop,
  signInWithOidc,
  sql,
  startApiProcess,
  startOidcTestProvider,
  testServerName,
  totpCodeFor,
  uniqueEmail,
  waitForMail,
  readOutbox,
  type ApiProcess,
  type OidcHop,
  type OidcTestProvider,
  type TestDatabase,
} from '@alliances/e2e/support';
import { randomBytes } from 'node:crypto';

const JWT_SECRET = 'e2e-oidc-secret-0123456789abcdef0123456789abcd';
const DISPLAY_NAME = 'Annuaire de test';
/** The cookie binding a sign-in to the browser that started it. */
const BROWSER_COOKIE = 'alliances_sso';

const sub = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/** A whole sign-on, as far as the API's answer to the callback. */
async function signIn(options: Parameters<typeof signInWithOidc>[0]): Promise<OidcHop> {
  const { callback } = await signInWithOidc(options);
  if (!callback) throw new Error('the walk stopped before the callback');
  return callback;
}

/** A browser holding only this sign-in cookie (another one than the jar it was set in). */
function jarWithSignInCookie(url: string, value: string | undefined): CookieJar {
  const jar = new CookieJar();
  if (value) jar.store(url, [`${BROWSER_COOKIE}=${value}`]);
  return jar;
}

/** The page a refused callback answers: its status, and where it sends the browser. */
const refusalTarget = (hop: OidcHop): string | undefined => /content="0;url=([^"]+)"/.exec(hop.body)?.[1]?.replace(/&amp;/g, '&');

describe(`single sign-on with OpenID Connect (${testServerName()})`, () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let client: ApiClient;
  let provider: OidcTestProvider;

  const usersWithEmail = async (email: string) => sql(api, db, 'SELECT id FROM users WHERE lower(email) = lower($1)', [email]);
  const identitiesOf = async (userId: string) =>
    sql(api, db, 'SELECT issuer, subject, email FROM oidc_identities WHERE user_id = $1 ORDER BY linked_at', [userId]);
  const audited = async (action: string, objectId: string) =>
    sql(api, db, 'SELECT details FROM audit_log WHERE action = $1 AND object_id = $2 ORDER BY at', [action, objectId]);
  /** Sessions ever opened: refresh-token families. */
  const liveSessions = async () => Number((await sql(api, db, 'SELECT count(DISTINCT family_id)::int AS n FROM refresh_tokens'))[0].n);

  /** The refresh cookie of a successful callback exchanged for an access token, as the web page does. */
  const accessTokenFrom = async (hop: OidcHop): Promise<string> => {
    const cookie = findCookie(hop.setCookies);
    expect(cookie).toBeDefined();
    const refreshed = await client.post('/api/auth/refresh', undefined, { cookie: cookie?.pair });
    expect(refreshed.status).toBe(200);
    return refreshed.body.accessToken;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await startOidcTestProvider();
    // The provider sends the browser back to PUBLIC_URL: the port is chosen before the API starts.
    const port = await freeLoopbackPort();
    api = await startApiProcess({
      databaseUrl: db.url,
      env: {
        JWT_SECRET,
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        AUTH_THROTTLE_IP_PER_MINUTE: '10000',
        ...provider.apiEnv(DISPLAY_NAME),
      },
    });
    client = new ApiClient(api.url);
  });
  afterAll(async () => {
    await api?.stop();
    await provider?.stop();
    await db?.drop();
  });

  it('names the provider for the sign-in button', async () => {
    const res = await client.get('/api/auth/providers');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ oidc: { displayName: DISPLAY_NAME, loginUrl: '/api/auth/oidc/login' } });
  });

  it('redirects to the provider with PKCE (S256), state and nonce, and keeps only the hash of the state', async () => {
    const res = await oidcHop(
      `${api.url}/api/auth/oidc/login?returnUrl=${encodeURIComponent('/alliances/42?tab=charter')}`,
      new CookieJar(),
    );
    expect(res.status).toBe(302);
    const target = new URL(res.location ?? '');
    expect(target.origin).toBe(provider.issuer);
    const params = Object.fromEntries(target.searchParams);
    expect(params).toMatchObject({
      client_id: provider.clientId,
      response_type: 'code',
      code_challenge_method: 'S256',
      redirect_uri: `${api.url}/api/auth/oidc/callback`,
    });
    expect(params['scope'].split(' ')).toEqual(expect.arrayContaining(['openid', 'email', 'profile']));
    expect(params['code_challenge']).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params['state']).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(params['nonce']).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const rows = await sql(
      api,
      db,
      'SELECT state_hash, return_url, expires_at - created_at AS ttl FROM oidc_login_states WHERE return_url = $1',
      ['/alliances/42?tab=charter'],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].state_hash).not.toBe(params['state']);
    expect(rows[0].ttl).toMatchObject({ minutes: 10 });
    // The browser that starts the sign-in gets a secret only the callback is sent, for the sign-in's ten minutes.
    const cookie = findCookie(res.setCookies, BROWSER_COOKIE);
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie?.attributes.map((a) => a.toLowerCase())).toEqual(
      expect.arrayContaining(['httponly', 'samesite=lax', 'path=/api/auth/oidc', 'max-age=600']),
    );
    expect(cookie?.attributes.map((a) => a.toLowerCase())).not.toContain('secure');
    expect(rows[0].state_hash).not.toBe(cookie?.value);
  });

  it('refuses a callback finished in another browser than the one that started the sign-in (login CSRF): 400, no session', async () => {
    // The attacker signs in at the provider as themself and sends the victim the callback URL.
    const attacker = { sub: sub('csrf'), email: uniqueEmail('sso.csrf.attacker'), emailVerified: true, name: 'Attacker' };
    await provider.addAccount(attacker);
    const walk = await signInWithOidc({ apiUrl: api.url, sub: attacker.sub, stopBeforeCallback: true });
    const before = await liveSessions();

    for (const victim of [new CookieJar(), jarWithSignInCookie(walk.callbackUrl, randomBytes(32).toString('base64url'))]) {
      const res = await oidcHop(walk.callbackUrl, victim);
      expect(res.status).toBe(400);
      expect(refusalTarget(res)).toBe('/sign-in?ssoError=oidc.failed');
      expect(findCookie(res.setCookies)).toBeUndefined();
    }
    expect(await liveSessions()).toBe(before);
    expect(await usersWithEmail(attacker.email)).toHaveLength(0);
    const failures = await sql(
      api,
      db,
      `SELECT details FROM audit_log WHERE action = 'auth.oidc_failed' AND details->>'reason' ILIKE '%browser%'`,
    );
    expect(failures.length).toBeGreaterThanOrEqual(2);

    // The browser that started it still finishes it, and its sign-in cookie is cleared.
    const own = await oidcHop(walk.callbackUrl, walk.jar);
    expect(own.status).toBe(303);
    expect(findCookie(own.setCookies)).toBeDefined();
    expect(findCookie(own.setCookies, BROWSER_COOKIE)?.attributes.map((a) => a.toLowerCase())).toEqual(
      expect.arrayContaining(['path=/api/auth/oidc']),
    );
    expect(walk.jar.get(walk.callbackUrl, BROWSER_COOKIE)).toBeUndefined();
  });

  it('creates an account without a password on the first sign-in, then signs in to it again', async () => {
    const email = uniqueEmail('sso.new');
    const account = {
      sub: sub('new'),
      email: email.toUpperCase(),
      emailVerified: true,
      givenName: 'Inès',
      familyName: 'Dupont',
      locale: 'en-GB',
    };
    await provider.addAccount(account);
    const before = await liveSessions();

    const first = await signIn({ apiUrl: api.url, sub: account.sub, returnUrl: '/alliances' });
    expect(first.status).toBe(303);
    expect(first.location).toBe(`${api.url}/sign-in/sso?returnUrl=%2Falliances`);
    const cookie = findCookie(first.setCookies);
    expect(cookie?.attributes.map((a) => a.toLowerCase())).toEqual(
      expect.arrayContaining(['httponly', 'samesite=strict', 'path=/api/auth']),
    );
    const token = await accessTokenFrom(first);
    const me = await client.get('/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email, displayName: 'Inès Dupont', locale: 'en' });
    expect(await liveSessions()).toBe(before + 1);

    const userId = me.body.user.id;
    expect(await identitiesOf(userId)).toEqual([{ issuer: provider.issuer, subject: account.sub, email }]);
    expect((await sql(api, db, 'SELECT password_hash FROM users WHERE id = $1', [userId]))[0].password_hash).toBeNull();
    expect(await audited('auth.oidc_account_created', userId)).toHaveLength(1);
    expect(await audited('auth.oidc_linked', userId)).toEqual([{ details: { issuer: provider.issuer, created: true } }]);
    expect(await audited('auth.login', userId)).toEqual([{ details: { method: 'oidc' } }]);

    // No password: password sign-in fails exactly like a wrong password.
    const byPassword = await client.post('/api/auth/login', { email, password: GOOD_PASSWORD });
    const wrong = await client.post('/api/auth/login', { email: uniqueEmail('nobody'), password: GOOD_PASSWORD });
    expect(byPassword.status).toBe(401);
    expect(byPassword.body.code).toBe(wrong.body.code);
    expect(byPassword.body.message).toBe(wrong.body.message);

    const second = await signIn({ apiUrl: api.url, sub: account.sub });
    expect(second.status).toBe(303);
    expect(second.location).toBe(`${api.url}/sign-in/sso`);
    const again = await client.get('/api/me', { token: await accessTokenFrom(second) });
    expect(again.body.user.id).toBe(userId);
    expect(await usersWithEmail(email)).toHaveLength(1);
    expect(await identitiesOf(userId)).toHaveLength(1);
    expect(await audited('auth.login', userId)).toHaveLength(2);
  });

  it('links to the existing account with the verified address, taking its password and sessions away and telling the address', async () => {
    // Registration never proves the address: whoever registered it first must not keep a way in.
    const existing = await client.register({ email: uniqueEmail('sso.existing'), displayName: 'Camille Existing' });
    const earlier = await client.post('/api/auth/login', { email: existing.email, password: existing.password });
    expect(earlier.status).toBe(200);
    const earlierCookie = findCookie(earlier.setCookies ?? [])?.pair;
    expect(earlierCookie).toBeDefined();
    const account = { sub: sub('link'), email: existing.email.toUpperCase(), emailVerified: true, name: 'Someone Else' };
    await provider.addAccount(account);
    const mailsBefore = readOutbox(api.dataDir).length;

    const result = await signIn({ apiUrl: api.url, sub: account.sub });
    expect(result.status).toBe(303);
    const me = await client.get('/api/me', { token: await accessTokenFrom(result) });
    expect(me.body.user).toMatchObject({ id: existing.id, displayName: 'Camille Existing' });
    expect(await usersWithEmail(existing.email)).toHaveLength(1);
    expect(await identitiesOf(existing.id)).toEqual([{ issuer: provider.issuer, subject: account.sub, email: existing.email }]);
    expect(await audited('auth.oidc_linked', existing.id)).toEqual([
      { details: { issuer: provider.issuer, created: false, passwordRemoved: true, sessionsRevoked: 1 } },
    ]);
    expect(await audited('auth.oidc_account_created', existing.id)).toHaveLength(0);

    // The password no longer signs in, exactly like a wrong one; the session it opened is over.
    const byPassword = await client.post('/api/auth/login', { email: existing.email, password: existing.password });
    const wrong = await client.post('/api/auth/login', { email: uniqueEmail('nobody'), password: GOOD_PASSWORD });
    expect(byPassword.status).toBe(401);
    expect(byPassword.body.code).toBe(wrong.body.code);
    expect((await client.post('/api/auth/refresh', undefined, { cookie: earlierCookie })).status).toBe(401);

    const mail = await waitForMail(api.dataDir, (m) => m.to.includes(existing.email), { after: mailsBefore });
    expect(mail.subject).toContain(DISPLAY_NAME);
    expect(mail.text).toContain('mot de passe du compte a été supprimé');
    expect(mail.text).toContain('Mot de passe oublié');

    // Signing in again through the provider changes nothing more.
    expect((await signIn({ apiUrl: api.url, sub: account.sub })).status).toBe(303);
    expect(await audited('auth.oidc_linked', existing.id)).toHaveLength(1);
  });

  it('asks an account with two-step sign-in for its code after the provider: no session until it is given', async () => {
    const existing = await client.register({ email: uniqueEmail('sso.totp'), displayName: 'Dominique Deux Étapes' });
    const password = await client.post('/api/auth/login', { email: existing.email, password: existing.password });
    await client.enrolTotp(existing.email, password.body.accessToken);
    const account = { sub: sub('totp'), email: existing.email, emailVerified: true, name: 'Dominique' };
    await provider.addAccount(account);
    const sessionsBefore = await liveSessions();

    const result = await signIn({ apiUrl: api.url, sub: account.sub, returnUrl: '/alliances' });
    expect(result.status).toBe(303);
    const target = new URL(result.location as string, api.url);
    expect(target.pathname).toBe('/sign-in');
    expect(target.searchParams.get('returnUrl')).toBe('/alliances');
    const mfaToken = target.searchParams.get('mfaToken') as string;
    expect(mfaToken).toBeTruthy();
    expect(findCookie(result.setCookies)).toBeUndefined();
    expect(await liveSessions()).toBe(sessionsBefore);

    expect((await client.post('/api/auth/login/mfa', { mfaToken, code: '000000' })).status).toBe(401);
    const second = await client.post('/api/auth/login/mfa', { mfaToken, code: await totpCodeFor(existing.email) });
    expect(second.status).toBe(200);
    expect(second.body.user.id).toBe(existing.id);
    expect((await client.get('/api/me', { token: second.body.accessToken })).status).toBe(200);
    const logins = await audited('auth.login', existing.id);
    expect(logins.at(-1)).toEqual({ details: { method: 'oidc', secondFactor: 'totp' } });
  });

  it('refuses an address the provider does not vouch for: 403, nothing created', async () => {
    const email = uniqueEmail('sso.unverified');
    const account = { sub: sub('unverified'), email, emailVerified: false, name: 'Not Verified' };
    await provider.addAccount(account);
    const before = await liveSessions();

    const result = await signIn({ apiUrl: api.url, sub: account.sub });
    expect(result.status).toBe(403);
    expect(refusalTarget(result)).toBe('/sign-in?ssoError=oidc.email_unverified');
    expect(findCookie(result.setCookies)).toBeUndefined();
    expect(await usersWithEmail(email)).toHaveLength(0);
    expect(await sql(api, db, 'SELECT 1 FROM oidc_identities WHERE subject = $1', [account.sub])).toHaveLength(0);
    expect(await liveSessions()).toBe(before);

    // Nor is an unverified address linked to an existing account.
    const existing = await client.register({ email: uniqueEmail('sso.victim') });
    const attacker = { sub: sub('attacker'), email: existing.email, emailVerified: false };
    await provider.addAccount(attacker);
    const attempt = await signIn({ apiUrl: api.url, sub: attacker.sub });
    expect(attempt.status).toBe(403);
    expect(await identitiesOf(existing.id)).toHaveLength(0);
  });

  it('answers a refused callback with a 400 page that sends the browser to the sign-in page', async () => {
    const account = { sub: sub('tamper'), email: uniqueEmail('sso.tamper'), emailVerified: true };
    await provider.addAccount(account);
    const walk = await signInWithOidc({ apiUrl: api.url, sub: account.sub, stopBeforeCallback: true });
    const tampered = new URL(walk.callbackUrl);
    tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);
    const before = await liveSessions();

    const res = await oidcHop(tampered.toString(), walk.jar);
    expect(res.status).toBe(400);
    expect(refusalTarget(res)).toBe('/sign-in?ssoError=oidc.failed');
    expect(res.body).toContain('<a href="/sign-in?ssoError=oidc.failed">');
    expect(res.body).toContain('<html lang="fr">');
    expect(res.body).toContain('Continuer');
    expect(res.body).not.toMatch(/<script/i);
    expect(findCookie(res.setCookies)).toBeUndefined();
    expect(await liveSessions()).toBe(before);
    expect(await usersWithEmail(account.email)).toHaveLength(0);

    // Without any state or with garbage.
    expect((await client.get('/api/auth/oidc/callback')).status).toBe(400);
    expect((await client.get('/api/auth/oidc/callback?code=abc&state=def')).status).toBe(400);
  });

  it('answers any malformed callback with the 400 page, never a 5xx', async () => {
    const queries = [
      'state=',
      'code=a&state=a&state=b',
      `state=${'x'.repeat(5000)}`,
      'state=%E9%00%ZZ',
      'error=access_denied&state=whatever',
      'code[]=1&state[$ne]=1',
      'iss=https%3A%2F%2Fevil.example&code=a&state=b',
    ];
    for (const query of queries) {
      const res = await client.get(`/api/auth/oidc/callback?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    }
  });

  it('writes the refusal page in English when the browser prefers it, in French otherwise', async () => {
    const cases: [string | undefined, 'fr' | 'en'][] = [
      [undefined, 'fr'],
      ['en-GB,en;q=0.9', 'en'],
      ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
      ['de-DE,en;q=0.5', 'en'],
      ['de-DE', 'fr'],
      ['fr;q=0.3,en;q=0.7', 'en'],
    ];
    for (const [acceptLanguage, lang] of cases) {
      const res = await client.get(
        '/api/auth/oidc/callback?state=x',
        acceptLanguage ? { headers: { 'accept-language': acceptLanguage } } : {},
      );
      const html = res.text;
      expect({ acceptLanguage, status: res.status, lang: /<html lang="([a-z]+)"/.exec(html)?.[1] }).toEqual({
        acceptLanguage,
        status: 400,
        lang,
      });
      expect(html).toContain(lang === 'en' ? '>Continue</a>' : '>Continuer</a>');
      expect(html).toContain(lang === 'en' ? '<title>Single sign-on</title>' : '<title>Authentification unique</title>');
    }
  });

  it('refuses an ID token whose nonce is not the one of the login (400)', async () => {
    const account = { sub: sub('nonce'), email: uniqueEmail('sso.nonce'), emailVerified: true };
    await provider.addAccount(account);
    const before = await liveSessions();
    const result = await signIn({
      apiUrl: api.url,
      sub: account.sub,
      rewriteAuthorizationUrl: (url) => {
        url.searchParams.set('nonce', randomBytes(16).toString('base64url'));
        return url;
      },
    });
    expect(result.status).toBe(400);
    expect(refusalTarget(result)).toBe('/sign-in?ssoError=oidc.failed');
    expect(await liveSessions()).toBe(before);
    expect(await usersWithEmail(account.email)).toHaveLength(0);
    const failures = await sql(
      api,
      db,
      `SELECT details FROM audit_log WHERE action = 'auth.oidc_failed' AND details->>'reason' ILIKE '%nonce%'`,
    );
    expect(failures.length).toBeGreaterThanOrEqual(1);
  });

  it('refuses a code issued for another login (PKCE binds the code to its login)', async () => {
    const account = { sub: sub('swap'), email: uniqueEmail('sso.swap'), emailVerified: true };
    await provider.addAccount(account);
    const victim = await signInWithOidc({ apiUrl: api.url, sub: account.sub, stopBeforeCallback: true });
    const other = await signInWithOidc({ apiUrl: api.url, sub: account.sub, stopBeforeCallback: true });
    const crafted = new URL(victim.callbackUrl);
    crafted.searchParams.set('code', new URL(other.callbackUrl).searchParams.get('code') ?? '');
    const res = await oidcHop(crafted.toString(), victim.jar);
    expect(res.status).toBe(400);
    expect(await usersWithEmail(account.email)).toHaveLength(0);
  });

  it('uses a callback once: the replayed one is refused', async () => {
    const account = { sub: sub('replay'), email: uniqueEmail('sso.replay'), emailVerified: true };
    await provider.addAccount(account);
    const walk = await signInWithOidc({ apiUrl: api.url, sub: account.sub, stopBeforeCallback: true });
    const signInCookie = walk.jar.get(walk.callbackUrl, BROWSER_COOKIE);
    const first = await oidcHop(walk.callbackUrl, walk.jar);
    expect(first.status).toBe(303);
    const before = await liveSessions();
    // Even with the sign-in cookie it had.
    const replay = await oidcHop(walk.callbackUrl, jarWithSignInCookie(walk.callbackUrl, signInCookie));
    expect(replay.status).toBe(400);
    expect(refusalTarget(replay)).toBe('/sign-in?ssoError=oidc.failed');
    expect(findCookie(replay.setCookies)).toBeUndefined();
    expect(await liveSessions()).toBe(before);
  });

  it('refuses an expired login', async () => {
    const account = { sub: sub('expired'), email: uniqueEmail('sso.expired'), emailVerified: true };
    await provider.addAccount(account);
    const walk = await signInWithOidc({ apiUrl: api.url, sub: account.sub, stopBeforeCallback: true });
    await sql(api, db, `UPDATE oidc_login_states SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    const res = await oidcHop(walk.callbackUrl, walk.jar);
    expect(res.status).toBe(400);
    expect(await usersWithEmail(account.email)).toHaveLength(0);
  });

  it('ignores a return URL that leaves the site', async () => {
    const account = { sub: sub('redirect'), email: uniqueEmail('sso.redirect'), emailVerified: true };
    await provider.addAccount(account);
    for (const returnUrl of ['https://evil.example', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) {
      const result = await signIn({ apiUrl: api.url, sub: account.sub, returnUrl });
      expect(result.status).toBe(303);
      expect(result.location).toBe(`${api.url}/sign-in/sso`);
    }
  });

  it('refuses a disabled account', async () => {
    const existing = await client.register({ email: uniqueEmail('sso.disabled') });
    const account = { sub: sub('disabled'), email: existing.email, emailVerified: true };
    await provider.addAccount(account);
    expect((await signIn({ apiUrl: api.url, sub: account.sub })).status).toBe(303);
    await sql(api, db, 'UPDATE users SET disabled_at = now() WHERE id = $1', [existing.id]);
    const before = await liveSessions();
    const res = await signIn({ apiUrl: api.url, sub: account.sub });
    expect(res.status).toBe(401);
    expect(refusalTarget(res)).toBe('/sign-in?ssoError=auth.account_disabled');
    expect(await liveSessions()).toBe(before);
  });

  it('forgets the linked identities when the account is erased', async () => {
    const existing = await client.register({ email: uniqueEmail('sso.erased') });
    const account = { sub: sub('erased'), email: existing.email, emailVerified: true };
    await provider.addAccount(account);
    const token = await accessTokenFrom(await signIn({ apiUrl: api.url, sub: account.sub }));
    expect(await identitiesOf(existing.id)).toHaveLength(1);
    // Linking took its password away: it confirms with its address, as an account created by single sign-on does.
    expect((await client.delete('/api/me', { token, body: { confirmEmail: existing.email } })).status).toBe(204);
    expect(await identitiesOf(existing.id)).toHaveLength(0);
  });

  it('lets an account created by single sign-on erase itself by typing its address, not a password it never had', async () => {
    const account = { sub: sub('erase-sso'), email: uniqueEmail('sso.only'), emailVerified: true, name: 'Sacha Sans Mot de Passe' };
    await provider.addAccount(account);
    const token = await accessTokenFrom(await signIn({ apiUrl: api.url, sub: account.sub }));
    const [user] = await usersWithEmail(account.email);

    const wrong = await client.delete('/api/me', { token, body: { confirmEmail: 'someone.else@example.org' } });
    expect(wrong.status).toBe(401);
    const withPassword = await client.delete('/api/me', { token, body: { password: 'a guess at a password' } });
    expect(withPassword.status).toBe(401);
    expect(await identitiesOf(user.id)).toHaveLength(1);

    expect((await client.delete('/api/me', { token, body: { confirmEmail: ` ${account.email.toUpperCase()} ` } })).status).toBe(204);
    expect(await usersWithEmail(account.email)).toHaveLength(0);
    expect(await identitiesOf(user.id)).toHaveLength(0);
  });
});

describe(`single sign-on when not configured (${testServerName()})`, () => {
  let db: TestDatabase;
  let api: ApiProcess;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({ databaseUrl: db.url, env: { JWT_SECRET } });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('shows no button and answers 404 oidc.disabled', async () => {
    const client = new ApiClient(api.url);
    expect((await client.get('/api/auth/providers')).body).toEqual({ oidc: null });
    for (const path of ['/api/auth/oidc/login', '/api/auth/oidc/callback?code=a&state=b']) {
      const res = await client.get(path);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('oidc.disabled');
    }
  });
});

describe(`single sign-on while the provider is down (${testServerName()})`, () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let provider: OidcTestProvider | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await api?.stop();
    await provider?.stop();
    await db?.drop();
  });

  it('answers 503 without breaking the start-up, and discovers the provider once it is back', async () => {
    const providerPort = await freeLoopbackPort();
    const clientSecret = randomBytes(24).toString('base64url');
    const apiPort = await freeLoopbackPort();
    api = await startApiProcess({
      databaseUrl: db.url,
      env: {
        JWT_SECRET,
        PORT: String(apiPort),
        PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
        OIDC_ISSUER: `http://127.0.0.1:${providerPort}`,
        OIDC_CLIENT_ID: 'alliances-test',
        OIDC_CLIENT_SECRET: clientSecret,
      },
    });
    const client = new ApiClient(api.url);
    expect((await client.get('/api/auth/providers')).body).toEqual({
      oidc: { displayName: 'Single sign-on', loginUrl: '/api/auth/oidc/login' },
    });
    const down = await client.get('/api/auth/oidc/login');
    expect(down.status).toBe(503);
    expect(down.text).toContain('content="0;url=/sign-in?ssoError=oidc.failed"');

    provider = await startOidcTestProvider({ port: providerPort, clientSecret });
    const account = { sub: sub('back'), email: uniqueEmail('sso.back'), emailVerified: true };
    await provider.addAccount(account);
    const result = await signIn({ apiUrl: api.url, sub: account.sub });
    expect(result.status).toBe(303);
  });
});
