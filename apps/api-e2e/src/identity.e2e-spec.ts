import {
  ApiClient,
  createTestDatabase,
  findCookie,
  forgeJwt,
  GOOD_PASSWORD,
  jwtPayload,
  sql,
  startApiProcess,
  uniqueEmail,
  testServerName,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';

const ADMIN_EMAIL = 'platform.admin@example.org';
const ADMIN_PASSWORD = 'Admin-Passphrase-2024!';
const JWT_SECRET = 'e2e-identity-secret-0123456789abcdef0123456789';

/** The error fields a client may compare: everything but the per-request id. */
const comparable = (body: Record<string, unknown>) => ({
  statusCode: body['statusCode'],
  error: body['error'],
  message: body['message'],
  code: body['code'],
});
const fieldsOf = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field);

describe(`identity (${testServerName()})`, () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let client: ApiClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({
      databaseUrl: db.url,
      env: { ADMIN_EMAIL, ADMIN_PASSWORD, JWT_SECRET, PUBLIC_URL: 'http://alliances.test', AUTH_THROTTLE_IP_PER_MINUTE: '10000' },
    });
    client = new ApiClient(api.url);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  describe('registration and sign-in', () => {
    it('registers, signs in with a refresh cookie, and answers /me', async () => {
      const email = uniqueEmail('camille');
      const reg = await client.post('/api/auth/register', {
        email: email.toUpperCase(),
        password: GOOD_PASSWORD,
        displayName: '  Camille Martin ',
        locale: 'en',
      });
      expect(reg.status).toBe(201);
      expect(reg.body.user).toMatchObject({ email, displayName: 'Camille Martin', locale: 'en', isPlatformAdmin: false });
      expect(reg.body.user.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(reg.text).not.toMatch(/password|argon2/i);

      const login = await client.post('/api/auth/login', { email: email.toUpperCase(), password: GOOD_PASSWORD });
      expect(login.status).toBe(200);
      expect(login.body).toMatchObject({
        accessToken: expect.any(String),
        expiresIn: expect.any(Number),
        user: { id: reg.body.user.id, email },
      });
      expect(login.body.expiresIn).toBeGreaterThan(0);
      expect(login.body.expiresIn).toBeLessThanOrEqual(3600);
      expect(login.text).not.toMatch(/argon2|passwordHash/i);
      const cookie = findCookie(login.setCookies);
      expect(cookie).toBeDefined();
      const attrs = cookie!.attributes.map((a) => a.toLowerCase());
      expect(attrs).toContain('httponly');
      expect(attrs).toContain('samesite=strict');
      expect(attrs).toContain('path=/api/auth');
      // The refresh token never appears in the body.
      expect(login.text).not.toContain(cookie!.value);

      const me = await client.get('/api/me', { token: login.body.accessToken });
      expect(me.status).toBe(200);
      expect(me.body).toEqual({
        user: expect.objectContaining({ id: reg.body.user.id, email, displayName: 'Camille Martin' }),
        memberships: [],
        isPlatformAdmin: false,
      });
    });

    it('answers a wrong password and an unknown email alike, with 401', async () => {
      const account = await client.register();
      const wrong = await client.post('/api/auth/login', { email: account.email, password: 'not-the-right-password' });
      const unknown = await client.post('/api/auth/login', { email: uniqueEmail('nobody'), password: 'not-the-right-password' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(comparable(wrong.body)).toEqual(comparable(unknown.body));
      expect(findCookie(wrong.setCookies)?.value || '').toBe('');
      expect(wrong.body.accessToken).toBeUndefined();
    });

    it('refuses short, common and repetitive passwords on the password field, and creates nothing', async () => {
      const email = uniqueEmail('weak');
      for (const password of ['short1!', 'elevenchars', 'password1234', 'PASSWORD1234', 'azertyuiop123', 'aaaaaaaaaaaaaaaa']) {
        const res = await client.post('/api/auth/register', { email, password, displayName: 'Weak' });
        expect({ password, status: res.status }).toEqual({ password, status: 400 });
        expect(fieldsOf(res.body)).toContain('password');
      }
      // Nothing was created: the email is still free.
      expect((await client.post('/api/auth/register', { email, password: GOOD_PASSWORD, displayName: 'Strong' })).status).toBe(201);
    });

    it('keeps emails unique whatever their case', async () => {
      const account = await client.register();
      const res = await client.post('/api/auth/register', {
        email: account.email.replace(/^./, (c) => c.toUpperCase()).replace('@example.org', '@EXAMPLE.ORG'),
        password: GOOD_PASSWORD,
        displayName: 'Twin',
      });
      expect(res.status).toBe(409);
      // The original account keeps its password.
      await expect(client.login(account.email)).resolves.toBeDefined();
    });

    it('lists every bad field together, and refuses unknown fields instead of storing them', async () => {
      const bad = await client.post('/api/auth/register', { email: 'not-an-email', password: 12, displayName: '' });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['email', 'password', 'displayName']));

      const email = uniqueEmail('sneaky');
      const sneaky = await client.post('/api/auth/register', {
        email,
        password: GOOD_PASSWORD,
        displayName: 'Sneaky',
        isPlatformAdmin: true,
      });
      expect(sneaky.status).toBe(400);
      expect(fieldsOf(sneaky.body)).toEqual(['isPlatformAdmin']);
      const session = await client.signUp({ email });
      expect(session.user.isPlatformAdmin).toBe(false);

      for (const body of [{ isPlatformAdmin: true }, { email: 'other@example.org' }, { locale: 'de' }]) {
        const res = await client.patch('/api/me', body, { token: session.accessToken });
        expect(res.status).toBe(400);
      }
      const me = await client.get('/api/me', { token: session.accessToken });
      expect(me.body).toMatchObject({ isPlatformAdmin: false, user: { email, locale: 'fr' } });
    });

    it('refuses a blank display name', async () => {
      const res = await client.post('/api/auth/register', { email: uniqueEmail('blank'), password: GOOD_PASSWORD, displayName: '    ' });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['displayName']);
      const session = await client.signUp({ displayName: 'Has A Name' });
      expect((await client.patch('/api/me', { displayName: '   ' }, { token: session.accessToken })).status).toBe(400);
      expect((await client.get('/api/me', { token: session.accessToken })).body.user.displayName).toBe('Has A Name');
    });

    it('creates one account when the same email registers twice at the same time', async () => {
      const email = uniqueEmail('race');
      const results = await Promise.all(
        [email, email.toUpperCase(), email].map((e) =>
          client.post('/api/auth/register', { email: e, password: GOOD_PASSWORD, displayName: 'Racer' }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    });

    it('never answers 500 to garbage', async () => {
      const bodies = ['[]', '"text"', '{"email": {"$ne": null}, "password": []}', 'null'];
      for (const body of bodies) {
        const res = await client.post('/api/auth/login', body);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
      const long = await client.post('/api/auth/register', { email: uniqueEmail(), password: 'x'.repeat(10_000), displayName: 'Long' });
      expect(long.status).toBe(400);
    });

    it('updates the profile', async () => {
      const session = await client.signUp();
      const res = await client.patch('/api/me', { displayName: 'Nouveau Nom', locale: 'en' }, { token: session.accessToken });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ displayName: 'Nouveau Nom', locale: 'en', email: session.email });
    });

    it('makes the configured platform administrator', async () => {
      const admin = await client.login(ADMIN_EMAIL, ADMIN_PASSWORD);
      const me = await client.get('/api/me', { token: admin.accessToken });
      expect(me.body).toMatchObject({ isPlatformAdmin: true, user: { email: ADMIN_EMAIL } });
    });
  });

  describe('sessions', () => {
    const refresh = (cookie?: string) => client.post('/api/auth/refresh', undefined, { cookie });

    it('rotates the refresh token; reusing an old one revokes the whole family', async () => {
      const session = await client.signUp();
      const first = await refresh(session.refreshCookie);
      expect(first.status).toBe(200);
      expect(first.body.accessToken).toEqual(expect.any(String));
      const c2 = findCookie(first.setCookies)!;
      expect(c2.value).not.toBe(session.refreshCookie.split('=')[1]);
      expect(c2.attributes.map((a) => a.toLowerCase())).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/api/auth']));
      expect((await client.get('/api/me', { token: first.body.accessToken })).status).toBe(200);

      const second = await refresh(c2.pair);
      expect(second.status).toBe(200);
      const c3 = findCookie(second.setCookies)!;

      // A stolen, already-used token comes back: refused, and the family dies with it.
      const replay = await refresh(session.refreshCookie);
      expect(replay.status).toBe(401);
      const newest = await refresh(c3.pair);
      expect(newest.status).toBe(401);
      expect((await refresh(c2.pair)).status).toBe(401);

      // Another session of the same person (another device) is not affected, and signing in again works.
      const other = await client.login(session.email);
      expect((await refresh(other.refreshCookie)).status).toBe(200);
    });

    it('lets only one of two concurrent uses of a refresh token win', async () => {
      const session = await client.signUp();
      const results = await Promise.all([refresh(session.refreshCookie), refresh(session.refreshCookie)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
    });

    it('refuses a missing, forged or foreign-format refresh cookie', async () => {
      expect((await refresh()).status).toBe(401);
      expect((await refresh('alliances_refresh=forged-token-value')).status).toBe(401);
      expect((await refresh('alliances_refresh=')).status).toBe(401);
      expect((await refresh(`alliances_refresh=${'A'.repeat(5000)}`)).status).toBe(401);
    });

    it('signs out: the refresh family is revoked and the cookie cleared', async () => {
      const session = await client.signUp();
      const out = await client.post('/api/auth/logout', undefined, { token: session.accessToken, cookie: session.refreshCookie });
      expect(out.status).toBe(204);
      const cleared = findCookie(out.setCookies);
      expect(cleared?.value ?? '').toBe('');
      expect((await refresh(session.refreshCookie)).status).toBe(401);
    });

    it('cannot sign somebody else out with their cookie', async () => {
      const victim = await client.signUp();
      const attacker = await client.signUp();
      const out = await client.post('/api/auth/logout', undefined, { token: attacker.accessToken, cookie: victim.refreshCookie });
      expect(out.status).toBe(204);
      expect((await refresh(victim.refreshCookie)).status).toBe(200);
    });

    it('lets many people behind one address sign out', async () => {
      const sessions: Session[] = [];
      for (let i = 0; i < 12; i++) sessions.push(await client.signUp());
      const statuses: number[] = [];
      for (const s of sessions)
        statuses.push((await client.post('/api/auth/logout', undefined, { token: s.accessToken, cookie: s.refreshCookie })).status);
      expect(statuses).toEqual(sessions.map(() => 204));
    });

    it('refuses tampered, unsigned, foreign and expired access tokens', async () => {
      const session = await client.signUp();
      const admin = await client.login(ADMIN_EMAIL, ADMIN_PASSWORD);
      const claims = jwtPayload(session.accessToken);
      const now = Math.floor(Date.now() / 1000);
      const [h, , s] = session.accessToken.split('.');
      const swappedPayload = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: admin.user.id })).toString('base64url')}.${s}`;
      const flippedSignature = session.accessToken.slice(0, -2) + (session.accessToken.endsWith('AA') ? 'BB' : 'AA');

      // Sanity: a token built the same way with the real secret is accepted, so the refusals below mean something.
      const genuine = forgeJwt({ ...claims, iat: now, exp: now + 300 }, { secret: JWT_SECRET });
      expect((await client.get('/api/me', { token: genuine })).status).toBe(200);

      const tampered: Record<string, string> = {
        flippedSignature,
        swappedPayload,
        algNone: forgeJwt({ ...claims, sub: admin.user.id }, { alg: 'none' }),
        algNoneSameUser: forgeJwt(claims, { alg: 'none' }),
        wrongSecret: forgeJwt({ ...claims, exp: now + 300 }, { secret: 'another-secret-another-secret-another' }),
        otherAlgorithm: forgeJwt({ ...claims, exp: now + 300 }, { secret: JWT_SECRET, alg: 'HS512' }),
        expired: forgeJwt({ ...claims, iat: now - 3600, exp: now - 60 }, { secret: JWT_SECRET }),
        noExpiry: forgeJwt({ sub: claims['sub'], iss: claims['iss'], aud: claims['aud'] }, { secret: JWT_SECRET }),
        otherAudience: forgeJwt({ ...claims, aud: 'somebody-else', exp: now + 300 }, { secret: JWT_SECRET }),
        otherIssuer: forgeJwt({ ...claims, iss: 'somebody-else', exp: now + 300 }, { secret: JWT_SECRET }),
        unknownUser: forgeJwt({ ...claims, sub: '00000000-0000-4000-8000-000000000000', exp: now + 300 }, { secret: JWT_SECRET }),
        notAUuid: forgeJwt({ ...claims, sub: "' OR 1=1 --", exp: now + 300 }, { secret: JWT_SECRET }),
        garbage: 'not.a.jwt',
        empty: '',
      };
      const outcomes: Record<string, number> = {};
      for (const [name, token] of Object.entries(tampered)) {
        outcomes[name] = (await client.get('/api/me', { headers: { authorization: `Bearer ${token}` } })).status;
      }
      expect(outcomes).toEqual(Object.fromEntries(Object.keys(tampered).map((k) => [k, 401])));
      // The right token in the wrong scheme or place is refused too.
      expect((await client.get('/api/me', { headers: { authorization: `Basic ${session.accessToken}` } })).status).toBe(401);
      expect((await client.get(`/api/me?access_token=${session.accessToken}`)).status).toBe(401);
      expect((await client.get('/api/me', { cookie: `alliances_refresh=${session.accessToken}` })).status).toBe(401);
    });
  });

  describe('rate limits', () => {
    it('slows down a burst of wrong passwords on one account, whatever the email case, without locking out others', async () => {
      const victim = await client.register();
      const bystander = await client.register();
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++)
        statuses.push((await client.post('/api/auth/login', { email: victim.email, password: `wrong-password-${i}` })).status);
      expect(statuses).toEqual(Array(10).fill(401));
      const blocked = await client.post('/api/auth/login', { email: victim.email, password: 'wrong-password-x' });
      expect(blocked.status).toBe(429);
      expect(blocked.body).toMatchObject({ statusCode: 429 });
      // Not even the right password, nor a case or whitespace variant of the email, gets through now.
      const right = await client.post('/api/auth/login', { email: victim.email, password: victim.password });
      expect(right.status).toBe(429);
      expect(right.body.accessToken).toBeUndefined();
      expect((await client.post('/api/auth/login', { email: victim.email.toUpperCase(), password: victim.password })).status).toBe(429);
      // Somebody else is not locked out.
      await expect(client.login(bystander.email)).resolves.toBeDefined();
    });
  });

  describe('personal data (RGPD)', () => {
    it('exports everything held about the person, and nothing secret', async () => {
      const session = await client.signUp({ displayName: 'Export Person' });
      const org = await client.applyOrganisation(session, { name: 'Export Org' });
      const res = await client.get('/api/me/export', { token: session.accessToken });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/attachment/);
      expect(res.body.user).toMatchObject({ id: session.user.id, email: session.email, displayName: 'Export Person' });
      expect(JSON.stringify(res.body.memberships)).toContain(org.id);
      expect(res.body.sessions.length).toBeGreaterThanOrEqual(1);
      const actions = (res.body.auditTrail as { action: string }[]).map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(['user.registered', 'auth.login', 'organisation.applied']));
      expect(res.text).not.toMatch(/argon2|token_hash|tokenHash/i);
      expect(res.text).not.toContain(session.refreshCookie.split('=')[1]);
      // Nobody else's data.
      expect(res.text).not.toContain(ADMIN_EMAIL);
    });

    it('exports the invitations received and what others did to the account', async () => {
      const admin = await client.login(ADMIN_EMAIL, ADMIN_PASSWORD);
      const owner = await client.signUp();
      const org = await client.applyOrganisation(owner, { name: 'Inviting Org' });
      await client.approveOrganisation(admin, org.id);
      const member = await client.addMember(owner, org.id, 'member', api.dataDir);
      await client.patch(`/api/organisations/${org.id}/members/${member.user.id}`, { role: 'signatory' }, { token: owner.accessToken });
      const res = await client.get('/api/me/export', { token: member.accessToken });
      expect(res.body.invitationsReceived).toEqual([
        expect.objectContaining({ organisation_name: 'Inviting Org', role: 'member', accepted_at: expect.any(String) }),
      ]);
      expect(res.body.auditTrail).toContainEqual(expect.objectContaining({ action: 'membership.role_changed', object_id: member.user.id }));
      expect(res.body.auditTrail).toContainEqual(expect.objectContaining({ action: 'invitation.accepted' }));
      // The owner's own sign-ins are not the member's data.
      expect(res.body.auditTrail.filter((e: { action: string }) => e.action === 'auth.login')).toHaveLength(1);
    });

    it('deletes an account: sign-in, tokens and sessions stop at once, and the email is free again', async () => {
      const session = await client.signUp({ displayName: 'Leaving Person' });
      const wrong = await client.call('DELETE', '/api/me', { token: session.accessToken, body: { password: 'not-my-password!!' } });
      expect(wrong.status).toBeGreaterThanOrEqual(400);
      expect(wrong.status).toBeLessThan(500);
      expect((await client.get('/api/me', { token: session.accessToken })).status).toBe(200);

      const del = await client.call('DELETE', '/api/me', { token: session.accessToken, body: { password: session.password } });
      expect(del.status).toBe(204);
      expect((await client.post('/api/auth/login', { email: session.email, password: session.password })).status).toBe(401);
      expect((await client.get('/api/me', { token: session.accessToken })).status).toBe(401);
      expect((await client.post('/api/auth/refresh', undefined, { cookie: session.refreshCookie })).status).toBe(401);

      const again = await client.post('/api/auth/register', {
        email: session.email,
        password: 'A-new-life-passphrase-7',
        displayName: 'Back Again',
      });
      expect(again.status).toBe(201);
      expect(again.body.user.id).not.toBe(session.user.id);
      const back = await client.login(session.email, 'A-new-life-passphrase-7');
      const me = await client.get('/api/me', { token: back.accessToken });
      expect(me.body).toMatchObject({ user: { displayName: 'Back Again' }, memberships: [] });

      // What is left of the old account identifies nobody.
      const rows = await sql(api, db, 'SELECT email, display_name, password_hash FROM users WHERE id = $1', [session.user.id]);
      expect(rows[0].email).not.toContain(session.email.split('@')[0]);
      expect(rows[0].display_name).not.toContain('Leaving');
      expect(rows[0].password_hash).toBeNull();
    });

    it('refuses to delete the last admin of an organisation that has other members', async () => {
      const admin = await client.login(ADMIN_EMAIL, ADMIN_PASSWORD);
      const owner = await client.signUp();
      const org = await client.applyOrganisation(owner);
      await client.approveOrganisation(admin, org.id);
      const member = await client.addMember(owner, org.id, 'member', api.dataDir);
      const res = await client.call('DELETE', '/api/me', { token: owner.accessToken, body: { password: owner.password } });
      expect(res.status).toBe(409);
      expect((await client.get('/api/me', { token: owner.accessToken })).status).toBe(200);
      // Once the member leaves, the owner may go.
      expect((await client.delete(`/api/organisations/${org.id}/members/${member.user.id}`, { token: member.accessToken })).status).toBe(
        204,
      );
      expect((await client.call('DELETE', '/api/me', { token: owner.accessToken, body: { password: owner.password } })).status).toBe(204);
    });
  });

  describe('disabled accounts', () => {
    let session: Session;
    beforeAll(async () => {
      session = await client.signUp();
      expect((await client.get('/api/me', { token: session.accessToken })).status).toBe(200);
      await sql(api, db, 'UPDATE users SET disabled_at = now() WHERE id = $1', [session.user.id]);
    });

    it('refuses an existing access token at once', async () => {
      expect((await client.get('/api/me', { token: session.accessToken })).status).toBe(401);
      expect((await client.get('/api/organisations', { token: session.accessToken })).status).toBe(401);
    });

    it('refuses to sign in or refresh', async () => {
      expect((await client.post('/api/auth/login', { email: session.email, password: session.password })).status).toBe(401);
      expect((await client.post('/api/auth/refresh', undefined, { cookie: session.refreshCookie })).status).toBe(401);
    });
  });
});

describe('rate limit per client address (defaults lowered)', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let client: ApiClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({ databaseUrl: db.url, env: { AUTH_THROTTLE_IP_PER_MINUTE: '5', AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '3' } });
    client = new ApiClient(api.url);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('blocks an address that tries many accounts, even with right credentials afterwards', async () => {
    const account = await client.register();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await client.post('/api/auth/login', { email: uniqueEmail(`spray${i}`), password: 'Spray-password-123' })).status);
    expect(statuses).toEqual(Array(5).fill(401));
    const res = await client.post('/api/auth/login', { email: account.email, password: account.password });
    expect(res.status).toBe(429);
    expect(res.body.accessToken).toBeUndefined();
    expect(findCookie(res.setCookies)).toBeUndefined();
  });
});
