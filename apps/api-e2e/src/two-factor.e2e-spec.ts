import {
  ApiClient,
  CollabClient,
  createTestDatabase,
  currentTotpStep,
  findCookie,
  jwtPayload,
  readOutbox,
  rememberTotp,
  sql,
  startApiProcess,
  testServerName,
  totpCode,
  totpCodeFor,
  waitForMail,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import { io } from 'socket.io-client';

/**
 * TWO-STEP SIGN-IN (issue 15, CONTRACT.md "Accounts", docs/decisions/0017): TOTP set up and confirmed
 * with a computed code, sign-in challenges answered with a TOTP code or a recovery code, each time step
 * and each recovery code working once, challenges dying after 5 minutes or 5 wrong codes, and the
 * restricted session of people whom a rule obliges to use it (platform administrators; admins and
 * signatories of an organisation whose admins turned its rule on), over HTTP and sockets.
 */
const ADMIN_EMAIL = 'platform.admin@example.org';
const ADMIN_PASSWORD = 'Admin-Passphrase-2024!';

describe(`two-step sign-in (${testServerName()})`, () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let client: ApiClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({
      databaseUrl: db.url,
      env: { ADMIN_EMAIL, ADMIN_PASSWORD, AUTH_THROTTLE_IP_PER_MINUTE: '10000', AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000' },
    });
    client = new ApiClient(api.url);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const rawLogin = (email: string, password: string) => client.post('/api/auth/login', { email, password });
  const audits = (userId: string, action: string) =>
    sql<{ n: number }>(api, db, `SELECT count(*)::int AS n FROM audit_log WHERE actor_id = $1 AND action = $2`, [userId, action]).then(
      (rows) => rows[0].n,
    );

  /** A new account with TOTP on; its secret and codes remembered for `totpCodeFor`. */
  async function enrolled(): Promise<{ session: Session; secret: string; recoveryCodes: string[] }> {
    const session = await client.signUp();
    const setup = await client.post('/api/me/totp', undefined, { token: session.accessToken });
    const step = currentTotpStep();
    const confirm = await client.post('/api/me/totp/confirm', { code: totpCode(setup.body.secret, step) }, { token: session.accessToken });
    expect(confirm.status).toBe(200);
    // The spec uses the first five recovery codes itself; `totpCodeFor` may use the others rather than wait for a time step.
    rememberTotp(session.email, setup.body.secret, confirm.body.recoveryCodes.slice(5), step);
    return { session, secret: setup.body.secret, recoveryCodes: confirm.body.recoveryCodes };
  }

  async function challenge(session: Session): Promise<string> {
    const res = await rawLogin(session.email, session.password);
    expect(res.status).toBe(200);
    expect(res.body.mfaRequired).toBe(true);
    return res.body.mfaToken;
  }

  describe('setting TOTP up', () => {
    it('gives a secret, confirms it with a computed code, answers ten recovery codes, and keeps the secret encrypted', async () => {
      const session = await client.signUp();
      const setup = await client.post('/api/me/totp', undefined, { token: session.accessToken });
      expect(setup.status).toBe(201);
      expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Alliances:.+\?.*secret=[A-Z2-7]+/);
      expect(setup.body.otpauthUrl).toContain('digits=6');
      expect(setup.body.otpauthUrl).toContain('period=30');

      const wrong = await client.post('/api/me/totp/confirm', { code: '000000' }, { token: session.accessToken });
      expect(wrong.status).toBe(400);
      expect(wrong.body.code).toBe('auth.totp_invalid');
      expect((await client.post('/api/me/totp/confirm', {}, { token: session.accessToken })).status).toBe(400);

      const confirm = await client.post('/api/me/totp/confirm', { code: totpCode(setup.body.secret) }, { token: session.accessToken });
      expect(confirm.status).toBe(200);
      expect(confirm.body.recoveryCodes).toHaveLength(10);
      for (const code of confirm.body.recoveryCodes) expect(code).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
      expect(new Set(confirm.body.recoveryCodes).size).toBe(10);

      const again = await client.post('/api/me/totp', undefined, { token: session.accessToken });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('auth.totp_already_enabled');

      const [stored] = await sql(api, db, `SELECT secret_encrypted FROM totp_factors WHERE user_id = $1`, [session.user.id]);
      expect(stored.secret_encrypted).toMatch(/^v1\./);
      expect(stored.secret_encrypted).not.toContain(setup.body.secret);
      const hashes = await sql(api, db, `SELECT code_hash FROM recovery_codes WHERE user_id = $1`, [session.user.id]);
      expect(hashes).toHaveLength(10);
      for (const { code_hash } of hashes)
        for (const code of confirm.body.recoveryCodes) expect(code_hash).not.toContain(code.replace('-', ''));
      expect(await audits(session.user.id, 'auth.totp_enabled')).toBe(1);

      // Nothing the person can read back holds the secret.
      const exported = await client.get('/api/me/export', { token: session.accessToken });
      expect(exported.status).toBe(200);
      expect(exported.text).not.toContain(setup.body.secret);
      expect(exported.text).not.toContain(stored.secret_encrypted);
      const me = await client.get('/api/me', { token: session.accessToken });
      expect(me.text).not.toContain(setup.body.secret);
    });
  });

  describe('signing in with the second step', () => {
    it('answers a challenge and no token, then a session for a TOTP code; the same time step is refused the second time', async () => {
      const { session, secret } = await enrolled();
      const first = await rawLogin(session.email, session.password);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String), methods: ['totp', 'recovery_code'] });
      expect(first.body.accessToken).toBeUndefined();
      expect(findCookie(first.setCookies)).toBeUndefined();

      const step = currentTotpStep() + 1;
      const code = totpCode(secret, step);
      const ok = await client.post('/api/auth/login/mfa', { mfaToken: first.body.mfaToken, code });
      expect(ok.status).toBe(200);
      expect(ok.body.accessToken).toEqual(expect.any(String));
      expect(ok.body.user.id).toBe(session.user.id);
      expect(ok.body.twoFactorSetupRequired).toBeUndefined();
      expect(findCookie(ok.setCookies)).toBeDefined();
      expect((await client.get('/api/me', { token: ok.body.accessToken })).status).toBe(200);
      const [login] = await sql(
        api,
        db,
        `SELECT details FROM audit_log WHERE actor_id = $1 AND action = 'auth.login' ORDER BY at DESC LIMIT 1`,
        [session.user.id],
      );
      expect(login.details).toMatchObject({ method: 'password', secondFactor: 'totp' });

      // The used challenge is spent; a new one refuses the code of the step already used.
      expect((await client.post('/api/auth/login/mfa', { mfaToken: first.body.mfaToken, code: totpCode(secret, step) })).status).toBe(401);
      const replay = await client.post('/api/auth/login/mfa', { mfaToken: await challenge(session), code });
      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('auth.mfa_invalid');
      expect(await audits(session.user.id, 'auth.mfa_failed')).toBe(1);
    });

    it('takes a recovery code once', async () => {
      const { session, recoveryCodes } = await enrolled();
      const ok = await client.post('/api/auth/login/mfa', { mfaToken: await challenge(session), code: recoveryCodes[0].toUpperCase() });
      expect(ok.status).toBe(200);
      expect(await audits(session.user.id, 'auth.recovery_code_used')).toBe(1);
      const again = await client.post('/api/auth/login/mfa', { mfaToken: await challenge(session), code: recoveryCodes[0] });
      expect(again.status).toBe(401);
      expect(again.body.code).toBe('auth.mfa_invalid');
      // Separators and spaces are forgiven.
      const spaced = await client.post('/api/auth/login/mfa', {
        mfaToken: await challenge(session),
        code: ` ${recoveryCodes[1].replace('-', ' ')} `,
      });
      expect(spaced.status).toBe(200);
    });

    it('kills a challenge after five wrong codes', async () => {
      const { session } = await enrolled();
      const token = await challenge(session);
      for (let i = 0; i < 5; i++) {
        const wrong = await client.post('/api/auth/login/mfa', { mfaToken: token, code: '000000' });
        expect(wrong.status).toBe(401);
        expect(wrong.body.code).toBe('auth.mfa_invalid');
      }
      const right = await client.post('/api/auth/login/mfa', { mfaToken: token, code: await totpCodeFor(session.email) });
      expect(right.status).toBe(401);
      expect(await audits(session.user.id, 'auth.mfa_failed')).toBe(5);
      // A new sign-in gets a new challenge.
      expect(
        (await client.post('/api/auth/login/mfa', { mfaToken: await challenge(session), code: await totpCodeFor(session.email) })).status,
      ).toBe(200);
    });

    it('refuses an expired challenge, an unknown one and malformed answers', async () => {
      const { session } = await enrolled();
      const token = await challenge(session);
      await sql(api, db, `UPDATE mfa_challenges SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [session.user.id]);
      const expired = await client.post('/api/auth/login/mfa', { mfaToken: token, code: await totpCodeFor(session.email) });
      expect(expired.status).toBe(401);
      expect(expired.body.code).toBe('auth.mfa_invalid');
      const [row] = await sql(api, db, `SELECT token_hash FROM mfa_challenges WHERE user_id = $1`, [session.user.id]);
      expect(row.token_hash).not.toBe(token);
      expect((await client.post('/api/auth/login/mfa', { mfaToken: 'x'.repeat(43), code: '123456' })).status).toBe(401);
      expect((await client.post('/api/auth/login/mfa', { mfaToken: token })).status).toBe(400);
      expect((await client.post('/api/auth/login/mfa', { code: '123456' })).status).toBe(400);
    });

    it('keeps a challenge 5 minutes', async () => {
      const { session } = await enrolled();
      await challenge(session);
      const [row] = await sql(
        api,
        db,
        `SELECT extract(epoch FROM expires_at - created_at)::int AS ttl FROM mfa_challenges WHERE user_id = $1`,
        [session.user.id],
      );
      expect(row.ttl).toBeGreaterThanOrEqual(299);
      expect(row.ttl).toBeLessThanOrEqual(300);
    });
  });

  describe('turning it off and new recovery codes', () => {
    it('needs a code to turn it off, then signs in with the password alone', async () => {
      const { session } = await enrolled();
      expect((await client.delete('/api/me/totp', { token: session.accessToken, body: {} })).status).toBe(400);
      const wrong = await client.delete('/api/me/totp', { token: session.accessToken, body: { code: '000000' } });
      expect(wrong.status).toBe(400);
      expect(wrong.body.code).toBe('auth.totp_invalid');
      const off = await client.delete('/api/me/totp', { token: session.accessToken, body: { code: await totpCodeFor(session.email) } });
      expect(off.status).toBe(204);
      expect(await audits(session.user.id, 'auth.totp_disabled')).toBe(1);
      const plain = await rawLogin(session.email, session.password);
      expect(plain.body.accessToken).toEqual(expect.any(String));
      expect(await sql(api, db, `SELECT 1 FROM recovery_codes WHERE user_id = $1`, [session.user.id])).toHaveLength(0);
      const again = await client.delete('/api/me/totp', { token: session.accessToken, body: { code: '123456' } });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('auth.totp_not_enabled');
      const regenerate = await client.post('/api/me/totp/recovery-codes', { code: '123456' }, { token: session.accessToken });
      expect(regenerate.status).toBe(409);
    });

    it('turns it off with a recovery code too', async () => {
      const { session, recoveryCodes } = await enrolled();
      expect((await client.delete('/api/me/totp', { token: session.accessToken, body: { code: recoveryCodes[3] } })).status).toBe(204);
    });

    it('regenerates the recovery codes: ten new ones, the old ones dead', async () => {
      const { session, recoveryCodes } = await enrolled();
      const wrong = await client.post('/api/me/totp/recovery-codes', { code: '000000' }, { token: session.accessToken });
      expect(wrong.status).toBe(400);
      const res = await client.post(
        '/api/me/totp/recovery-codes',
        { code: await totpCodeFor(session.email) },
        { token: session.accessToken },
      );
      expect(res.status).toBe(201);
      expect(res.body.recoveryCodes).toHaveLength(10);
      expect(res.body.recoveryCodes).not.toContain(recoveryCodes[0]);
      expect(await audits(session.user.id, 'auth.recovery_codes_regenerated')).toBe(1);
      expect((await client.post('/api/auth/login/mfa', { mfaToken: await challenge(session), code: recoveryCodes[0] })).status).toBe(401);
      expect(
        (await client.post('/api/auth/login/mfa', { mfaToken: await challenge(session), code: res.body.recoveryCodes[0] })).status,
      ).toBe(200);
    });
  });

  describe('security review', () => {
    const mailsTo = (email: string, subject: string) =>
      readOutbox(api.dataDir).filter((m) => m.to.includes(email) && m.subject.includes(subject)).length;

    it('mails the owner when two-step sign-in is turned on, its recovery codes regenerated and turned off', async () => {
      const { session } = await enrolled();
      await waitForMail(api.dataDir, (m) => m.to.includes(session.email) && m.subject.includes('deux étapes activée'));
      const codes = await client.post(
        '/api/me/totp/recovery-codes',
        { code: await totpCodeFor(session.email) },
        { token: session.accessToken },
      );
      expect(codes.status).toBe(201);
      await waitForMail(api.dataDir, (m) => m.to.includes(session.email) && m.subject.includes('Nouveaux codes de secours'));
      // The earlier recovery codes `totpCodeFor` may use are dead now: a new one turns it off.
      const off = await client.delete('/api/me/totp', { token: session.accessToken, body: { code: codes.body.recoveryCodes[0] } });
      expect(off.status).toBe(204);
      await waitForMail(api.dataDir, (m) => m.to.includes(session.email) && m.subject.includes('deux étapes désactivée'));
    });

    it('never turns a confirmed factor back off when a new setup races the confirmation', async () => {
      for (let i = 0; i < 6; i++) {
        const session = await client.signUp();
        const setup = await client.post('/api/me/totp', undefined, { token: session.accessToken });
        const [confirm, again] = await Promise.all([
          client.post('/api/me/totp/confirm', { code: totpCode(setup.body.secret, currentTotpStep()) }, { token: session.accessToken }),
          client.post('/api/me/totp', undefined, { token: session.accessToken }),
        ]);
        const enabled = (await client.get('/api/me/security', { token: session.accessToken })).body.twoFactor.enabled;
        if (confirm.status === 200) {
          expect(again.status === 409 || again.status === 201).toBe(true);
          // A setup answered 201 ran first and the confirmation then confirmed it; otherwise it was refused.
          expect(enabled).toBe(true);
        }
      }
    });

    it('refuses even the right code once an account took ten wrong codes within an hour, across challenges and the account page', async () => {
      const { session } = await enrolled();
      const first = await challenge(session);
      for (let i = 0; i < 5; i++) expect((await client.post('/api/auth/login/mfa', { mfaToken: first, code: '000000' })).status).toBe(401);
      for (let i = 0; i < 5; i++) {
        const wrong = await client.delete('/api/me/totp', { token: session.accessToken, body: { code: '000000' } });
        expect(wrong.status).toBe(400);
      }
      expect(await audits(session.user.id, 'auth.totp_failed')).toBe(5);
      const right = await client.post('/api/auth/login/mfa', {
        mfaToken: await challenge(session),
        code: await totpCodeFor(session.email),
      });
      expect(right.status).toBe(429);
      expect(right.body.code).toBe('auth.mfa_rate_limited');
      const page = await client.post(
        '/api/me/totp/recovery-codes',
        { code: await totpCodeFor(session.email) },
        { token: session.accessToken },
      );
      expect(page.status).toBe(429);
      // The owner hears of it once.
      await waitForMail(api.dataDir, (m) => m.to.includes(session.email) && m.subject.includes('Codes incorrects'));
      expect(await audits(session.user.id, 'auth.mfa_rate_limited')).toBe(1);
      expect(mailsTo(session.email, 'Codes incorrects')).toBe(1);
      // Another account is not held back; an hour later this one signs in again.
      const other = await enrolled();
      expect(
        (
          await client.post('/api/auth/login/mfa', {
            mfaToken: await challenge(other.session),
            code: await totpCodeFor(other.session.email),
          })
        ).status,
      ).toBe(200);
      await sql(api, db, `UPDATE mfa_challenges SET created_at = created_at - interval '61 minutes' WHERE user_id = $1`, [session.user.id]);
      const later = await client.post('/api/auth/login/mfa', {
        mfaToken: await challenge(session),
        code: await totpCodeFor(session.email),
      });
      expect(later.status).toBe(200);
    });
  });

  describe('who must use it', () => {
    let admin: Session;

    it('restricts a platform administrator without it to setting it up, over HTTP and sockets, until a refresh after the setup', async () => {
      const login = await rawLogin(ADMIN_EMAIL, ADMIN_PASSWORD);
      expect(login.status).toBe(200);
      expect(login.body.twoFactorSetupRequired).toBe(true);
      expect(jwtPayload(login.body.accessToken)['tfs']).toBe(1);
      const token = login.body.accessToken;
      let session: Session = {
        accessToken: token,
        refreshCookie: findCookie(login.setCookies)?.pair ?? '',
        user: login.body.user,
        email: ADMIN_EMAIL,
        password: ADMIN_PASSWORD,
      };

      for (const [method, path] of [
        ['GET', '/api/organisations'],
        ['GET', '/api/admin/organisations?status=pending'],
        ['GET', '/api/me/export'],
        ['PATCH', '/api/me'],
      ] as const) {
        const refused = await client.call(method, path, { token, body: method === 'PATCH' ? { displayName: 'Admin' } : undefined });
        expect({ path, status: refused.status, code: refused.body?.code }).toEqual({
          path,
          status: 403,
          code: 'auth.two_factor_setup_required',
        });
      }
      const me = await client.get('/api/me', { token });
      expect(me.status).toBe(200);
      expect(me.body.twoFactorSetupRequired).toBe(true);

      // Sockets refuse a restricted token outright.
      const socket = io(`${api.url}/live`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      const outcome = await new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (e) => resolve(`refused: ${e.message}`));
      });
      socket.disconnect();
      expect(outcome).toMatch(/^refused/);
      await expect(CollabClient.join(api.url, token, '00000000-0000-4000-8000-000000000000')).rejects.toThrow(/unauthorized/i);

      // A refresh before the setup stays restricted.
      session = await client.refresh(session);
      expect(jwtPayload(session.accessToken)['tfs']).toBe(1);

      const setup = await client.post('/api/me/totp', undefined, { token: session.accessToken });
      expect(setup.status).toBe(201);
      const step = currentTotpStep();
      const confirm = await client.post(
        '/api/me/totp/confirm',
        { code: totpCode(setup.body.secret, step) },
        { token: session.accessToken },
      );
      expect(confirm.status).toBe(200);
      rememberTotp(ADMIN_EMAIL, setup.body.secret, confirm.body.recoveryCodes, step);

      const refreshed = await client.post('/api/auth/refresh', undefined, { cookie: session.refreshCookie });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.twoFactorSetupRequired).toBeUndefined();
      expect(jwtPayload(refreshed.body.accessToken)['tfs']).toBeUndefined();
      expect((await client.get('/api/organisations', { token: refreshed.body.accessToken })).status).toBe(200);

      const full = io(`${api.url}/live`, {
        auth: { token: refreshed.body.accessToken },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      const connected = await new Promise<string>((resolve) => {
        full.once('connect', () => resolve('connected'));
        full.once('connect_error', (e) => resolve(`refused: ${e.message}`));
      });
      full.disconnect();
      expect(connected).toBe('connected');

      // The rule forbids turning it off; the next sign-in asks for the second step.
      const off = await client.delete('/api/me/totp', {
        token: refreshed.body.accessToken,
        body: { code: await totpCodeFor(ADMIN_EMAIL) },
      });
      expect(off.status).toBe(409);
      expect(off.body.code).toBe('auth.two_factor_required');
      expect((await rawLogin(ADMIN_EMAIL, ADMIN_PASSWORD)).body.mfaRequired).toBe(true);
      admin = await client.login(ADMIN_EMAIL, ADMIN_PASSWORD);
      expect(jwtPayload(admin.accessToken)['tfs']).toBeUndefined();
    });

    it("covers an organisation's admins and signatories once its admins turn its rule on, not its members", async () => {
      const founder = await client.signUp();
      const organisation = await client.applyOrganisation(founder);
      expect(organisation.requireTwoFactor).toBe(false);
      await client.approveOrganisation(admin, organisation.id);
      const signatory = await client.addMember(founder, organisation.id, 'signatory', api.dataDir);
      const member = await client.addMember(founder, organisation.id, 'member', api.dataDir);

      for (const who of [signatory, member]) {
        const refused = await client.patch(`/api/organisations/${organisation.id}`, { requireTwoFactor: true }, { token: who.accessToken });
        expect(refused.status).toBe(403);
        expect(refused.body.code).toBe('organisation.admin_required');
      }
      const bad = await client.patch(`/api/organisations/${organisation.id}`, { requireTwoFactor: 'yes' }, { token: founder.accessToken });
      expect(bad.status).toBe(400);
      const on = await client.patch(`/api/organisations/${organisation.id}`, { requireTwoFactor: true }, { token: founder.accessToken });
      expect(on.status).toBe(200);
      expect(on.body.requireTwoFactor).toBe(true);
      expect((await client.get(`/api/organisations/${organisation.id}`, { token: member.accessToken })).body.requireTwoFactor).toBe(true);
      const [audit] = await sql(
        api,
        db,
        `SELECT details FROM audit_log WHERE action = 'organisation.two_factor_rule_changed' AND organisation_id = $1`,
        [organisation.id],
      );
      expect(audit.details).toEqual({ requireTwoFactor: true });

      // Sessions opened before keep going until their next refresh, which restricts them.
      const refreshed = await client.post('/api/auth/refresh', undefined, { cookie: founder.refreshCookie });
      expect(refreshed.body.twoFactorSetupRequired).toBe(true);
      for (const who of [founder, signatory]) {
        const login = await rawLogin(who.email, who.password);
        expect(login.body.twoFactorSetupRequired).toBe(true);
        const refused = await client.get(`/api/organisations/${organisation.id}`, { token: login.body.accessToken });
        expect(refused.status).toBe(403);
        expect(refused.body.code).toBe('auth.two_factor_setup_required');
      }
      const plain = await rawLogin(member.email, member.password);
      expect(plain.body.twoFactorSetupRequired).toBeUndefined();
      expect((await client.get(`/api/organisations/${organisation.id}`, { token: plain.body.accessToken })).status).toBe(200);

      // The test client sets it up by itself, as the other specs rely on; the rule then forbids turning it off.
      const covered = await client.login(signatory.email, signatory.password);
      expect(jwtPayload(covered.accessToken)['tfs']).toBeUndefined();
      const off = await client.delete('/api/me/totp', { token: covered.accessToken, body: { code: await totpCodeFor(signatory.email) } });
      expect(off.status).toBe(409);
      expect(off.body.code).toBe('auth.two_factor_required');

      // Turned off by an admin (who set it up), the rule covers nobody again.
      const founderFull = await client.login(founder.email, founder.password);
      const offRule = await client.patch(
        `/api/organisations/${organisation.id}`,
        { requireTwoFactor: false },
        { token: founderFull.accessToken },
      );
      expect(offRule.status).toBe(200);
      expect(offRule.body.requireTwoFactor).toBe(false);
      const signatoryOff = await client.delete('/api/me/totp', {
        token: covered.accessToken,
        body: { code: await totpCodeFor(signatory.email) },
      });
      expect(signatoryOff.status).toBe(204);
    });
  });
});

describe(`two-step sign-in throttling (${testServerName()})`, () => {
  let db: TestDatabase;
  let api: ApiProcess;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({
      databaseUrl: db.url,
      env: { AUTH_THROTTLE_IP_PER_MINUTE: '10000', AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '4' },
    });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('limits the codes one account may try on its own TOTP routes', async () => {
    const client = new ApiClient(api.url);
    const session = await client.signUp();
    await client.enrolTotp(session.email, session.accessToken);
    // Four requests a quarter of an hour on each route.
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await client.delete('/api/me/totp', { token: session.accessToken, body: { code: '000000' } })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    // Another account is not held back.
    const other = await client.signUp();
    expect((await client.post('/api/me/totp', undefined, { token: other.accessToken })).status).toBe(201);
  });
});
