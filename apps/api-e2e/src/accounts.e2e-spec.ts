import {
  ApiClient,
  createTestDatabase,
  emailTokenOf,
  findCookie,
  GOOD_PASSWORD,
  jwtPayload,
  readOutbox,
  resetTokenOf,
  sql,
  startApiProcess,
  testServerName,
  totpCodeFor,
  uniqueEmail,
  waitForMail,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import { LiveClient } from './support/live-client';

const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0';
const CHROME_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const NEW_PASSWORD = 'Another-Horse-Staple-77';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`accounts (${testServerName()})`, () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let client: ApiClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({
      databaseUrl: db.url,
      env: {
        JWT_SECRET: 'e2e-accounts-secret-0123456789abcdef0123456789',
        PUBLIC_URL: 'http://alliances.test',
        AUTH_THROTTLE_IP_PER_MINUTE: '10000',
      },
    });
    client = new ApiClient(api.url);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const signInAs = async (email: string, password: string, userAgent?: string): Promise<Session> => {
    const res = await client.post('/api/auth/login', { email, password }, userAgent ? { headers: { 'user-agent': userAgent } } : {});
    expect(res.status).toBe(200);
    return {
      accessToken: res.body.accessToken,
      refreshCookie: findCookie(res.setCookies)?.pair ?? '',
      user: res.body.user,
      email,
      password,
    };
  };
  const me = (session: Session) => client.get('/api/me', { token: session.accessToken });
  const refresh = (session: Session) => client.post('/api/auth/refresh', undefined, { cookie: session.refreshCookie });
  const forgot = async (email: string): Promise<string> => {
    const before = readOutbox(api.dataDir).length;
    const res = await client.post('/api/auth/password/forgot', { email });
    expect(res.status).toBe(202);
    return resetTokenOf(
      await waitForMail(api.dataDir, (m) => m.to.includes(email) && m.text.includes('/reset-password/'), { after: before }),
    );
  };

  describe('password reset', () => {
    it('answers the same to a known and an unknown address, and mails only the known one, in its language', async () => {
      const account = await client.register({ locale: 'en' });
      const unknown = uniqueEmail('nobody');
      const before = readOutbox(api.dataDir).length;
      const known = await client.post('/api/auth/password/forgot', { email: account.email.toUpperCase() });
      const missing = await client.post('/api/auth/password/forgot', { email: unknown });
      expect(known.status).toBe(202);
      expect(missing.status).toBe(202);
      expect(missing.text).toBe(known.text);
      const mail = await waitForMail(api.dataDir, (m) => m.to.includes(account.email), { after: before });
      expect(mail.subject).toMatch(/reset your alliances password/i);
      expect(mail.text).toMatch(/http:\/\/alliances\.test\/reset-password\/[A-Za-z0-9_-]{43}\b/);
      await sleep(500);
      expect(readOutbox(api.dataDir).filter((m) => m.to.includes(unknown))).toEqual([]);
      // Only the hash is stored.
      const [row] = await sql(api, db, `SELECT token_hash FROM account_tokens WHERE user_id = $1`, [account.id]);
      expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.token_hash).not.toBe(resetTokenOf(mail));
    });

    it('resets once, signs in, and ends every earlier session (refresh cookie and access token)', async () => {
      const account = await client.register();
      const a = await signInAs(account.email, account.password);
      const b = await signInAs(account.email, account.password);
      const token = await forgot(account.email);

      const weak = await client.post('/api/auth/password/reset', { token, password: 'short' });
      expect(weak.status).toBe(400);

      const reset = await client.post('/api/auth/password/reset', { token, password: NEW_PASSWORD });
      expect(reset.status).toBe(200);
      expect(reset.body).toMatchObject({ accessToken: expect.any(String), user: { id: account.id } });
      expect(findCookie(reset.setCookies)).toBeDefined();
      expect((await client.get('/api/me', { token: reset.body.accessToken })).status).toBe(200);

      for (const old of [a, b]) {
        expect((await me(old)).status).toBe(401);
        expect((await refresh(old)).status).toBe(401);
      }
      const again = await client.post('/api/auth/password/reset', { token, password: 'Yet-Another-Password-99' });
      expect(again.status).toBe(410);
      expect(again.body.code).toBe('auth.reset_token_invalid');
      expect((await client.post('/api/auth/login', { email: account.email, password: account.password })).status).toBe(401);
      await signInAs(account.email, NEW_PASSWORD);
      const [session] = await sql(api, db, `SELECT method FROM user_sessions WHERE id = $1`, [jwtPayload(reset.body.accessToken)['sid']]);
      expect(session.method).toBe('password_reset');
      const audit = await sql(api, db, `SELECT 1 FROM audit_log WHERE action = 'auth.password_reset' AND object_id = $1`, [account.id]);
      expect(audit).toHaveLength(1);
    });

    it('refuses an expired link, an unknown one, and an earlier one replaced by a newer request', async () => {
      const account = await client.register();
      const first = await forgot(account.email);
      const second = await forgot(account.email);
      const stale = await client.post('/api/auth/password/reset', { token: first, password: NEW_PASSWORD });
      expect(stale.status).toBe(410);
      await sql(api, db, `UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND used_at IS NULL`, [
        account.id,
      ]);
      const expired = await client.post('/api/auth/password/reset', { token: second, password: NEW_PASSWORD });
      expect(expired.status).toBe(410);
      expect(expired.body.code).toBe('auth.reset_token_invalid');
      const unknown = await client.post('/api/auth/password/reset', { token: 'A'.repeat(43), password: NEW_PASSWORD });
      expect(unknown.status).toBe(410);
      // Nothing changed.
      await signInAs(account.email, account.password);
    });

    it('mails nothing to a disabled account', async () => {
      const account = await client.register();
      await sql(api, db, `UPDATE users SET disabled_at = now() WHERE id = $1`, [account.id]);
      const before = readOutbox(api.dataDir).length;
      expect((await client.post('/api/auth/password/forgot', { email: account.email })).status).toBe(202);
      await sleep(500);
      expect(
        readOutbox(api.dataDir)
          .slice(before)
          .filter((m) => m.to.includes(account.email)),
      ).toEqual([]);
    });

    it('throttles the requests for one address', async () => {
      const email = uniqueEmail('flood');
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await client.post('/api/auth/password/forgot', { email })).status);
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(202));
      expect(statuses.at(-1)).toBe(429);
    });

    it('validates its input', async () => {
      expect((await client.post('/api/auth/password/forgot', { email: 'not-an-email' })).status).toBe(400);
      expect((await client.post('/api/auth/password/reset', { token: 42, password: NEW_PASSWORD })).status).toBe(400);
    });
  });

  describe('password change', () => {
    it('needs the current password, keeps the current session and ends the others', async () => {
      const account = await client.register({ locale: 'fr' });
      const current = await signInAs(account.email, account.password);
      const other = await signInAs(account.email, account.password);

      const wrong = await client.post(
        '/api/me/password',
        { currentPassword: 'Not-The-Password-1', newPassword: NEW_PASSWORD },
        { token: current.accessToken },
      );
      expect(wrong.status).toBe(403);
      expect(wrong.body.code).toBe('auth.wrong_password');
      const weak = await client.post(
        '/api/me/password',
        { currentPassword: account.password, newPassword: 'short' },
        { token: current.accessToken },
      );
      expect(weak.status).toBe(400);

      const before = readOutbox(api.dataDir).length;
      const ok = await client.post(
        '/api/me/password',
        { currentPassword: account.password, newPassword: NEW_PASSWORD },
        { token: current.accessToken },
      );
      expect(ok.status).toBe(204);
      expect((await me(other)).status).toBe(401);
      expect((await refresh(other)).status).toBe(401);
      expect((await me(current)).status).toBe(200);
      expect((await refresh(current)).status).toBe(200);
      const notice = await waitForMail(api.dataDir, (m) => m.to.includes(account.email), { after: before });
      expect(notice.subject).toMatch(/mot de passe/i);
      await signInAs(account.email, NEW_PASSWORD);
    });

    it('throttles the attempts of one person', async () => {
      const session = await client.signUp();
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const body = { currentPassword: `Guess-number-${i}-wrong`, newPassword: NEW_PASSWORD };
        statuses.push((await client.post('/api/me/password', body, { token: session.accessToken })).status);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(403));
      expect(statuses.at(-1)).toBe(429);
      // Another person behind the same address is not held back.
      const other = await client.signUp();
      const res = await client.post(
        '/api/me/password',
        { currentPassword: 'Guess-number-x-wrong', newPassword: NEW_PASSWORD },
        { token: other.accessToken },
      );
      expect(res.status).toBe(403);
    });

    it('treats an account without a password as a wrong current password', async () => {
      const account = await client.register();
      const session = await signInAs(account.email, account.password);
      await sql(api, db, `UPDATE users SET password_hash = NULL WHERE id = $1`, [account.id]);
      const res = await client.post(
        '/api/me/password',
        { currentPassword: account.password, newPassword: NEW_PASSWORD },
        { token: session.accessToken },
      );
      expect(res.status).toBe(403);
      expect((await client.get('/api/me/security', { token: session.accessToken })).body.hasPassword).toBe(false);
    });
  });

  describe('email change', () => {
    it('sends a link to the new address and a notice to the current one; the link changes the address once', async () => {
      const account = await client.register({ locale: 'en' });
      const session = await signInAs(account.email, account.password);
      const newEmail = uniqueEmail('moved');

      const wrong = await client.post('/api/me/email', { newEmail, password: 'Not-The-Password-1' }, { token: session.accessToken });
      expect(wrong.status).toBe(403);
      expect(wrong.body.code).toBe('auth.wrong_password');
      expect((await client.post('/api/me/email', { newEmail }, { token: session.accessToken })).status).toBe(403);

      const before = readOutbox(api.dataDir).length;
      const res = await client.post(
        '/api/me/email',
        { newEmail: newEmail.toUpperCase(), password: account.password },
        { token: session.accessToken },
      );
      expect(res.status).toBe(202);
      const link = await waitForMail(api.dataDir, (m) => m.to.includes(newEmail), { after: before });
      expect(link.text).toMatch(/http:\/\/alliances\.test\/confirm-email\//);
      const notice = await waitForMail(api.dataDir, (m) => m.to.includes(account.email), { after: before });
      expect(notice.text).toContain(newEmail);
      expect(notice.text).not.toContain('/confirm-email/');

      const security = await client.get('/api/me/security', { token: session.accessToken });
      expect(security.status).toBe(200);
      expect(security.body).toMatchObject({ email: account.email, pendingEmail: newEmail, hasPassword: true });

      const token = emailTokenOf(link);
      // A reset link sent to the former address stops working with the change.
      const reset = await forgot(account.email);
      const confirm = await client.post('/api/auth/email/confirm', { token });
      expect(confirm.status).toBe(200);
      expect(confirm.body).toEqual({ email: newEmail });
      const again = await client.post('/api/auth/email/confirm', { token });
      expect(again.status).toBe(410);
      expect(again.body.code).toBe('auth.email_token_invalid');

      await signInAs(newEmail, account.password);
      expect((await client.post('/api/auth/password/reset', { token: reset, password: NEW_PASSWORD })).status).toBe(410);
      expect((await client.post('/api/auth/login', { email: account.email, password: account.password })).status).toBe(401);
      expect((await client.get('/api/me/security', { token: session.accessToken })).body).toMatchObject({
        email: newEmail,
        pendingEmail: null,
      });
    });

    it('answers the same for an address already in use, without a link', async () => {
      const account = await client.register();
      const holder = await client.register();
      const session = await signInAs(account.email, account.password);
      const before = readOutbox(api.dataDir).length;
      const res = await client.post(
        '/api/me/email',
        { newEmail: holder.email, password: account.password },
        { token: session.accessToken },
      );
      expect(res.status).toBe(202);
      const mail = await waitForMail(api.dataDir, (m) => m.to.includes(holder.email), { after: before });
      expect(mail.text).not.toContain('/confirm-email/');
      // The caller's own address gets the notice all the same.
      await waitForMail(api.dataDir, (m) => m.to.includes(account.email), { after: before });
      // The pending address and the caller's own audit trail (their RGPD export) look as for a free address.
      expect((await client.get('/api/me/security', { token: session.accessToken })).body.pendingEmail).toBe(holder.email);
      const exported = await client.get('/api/me/export', { token: session.accessToken });
      const requested = exported.body.auditTrail.filter((e: { action: string }) => e.action === 'auth.email_change_requested');
      expect(requested).toHaveLength(1);
      expect(JSON.stringify(requested)).not.toContain('taken');
    });

    it('refuses with a conflict when the address was taken meanwhile, and a bad link with 410', async () => {
      const account = await client.register();
      const session = await signInAs(account.email, account.password);
      const newEmail = uniqueEmail('raced');
      const before = readOutbox(api.dataDir).length;
      expect((await client.post('/api/me/email', { newEmail, password: account.password }, { token: session.accessToken })).status).toBe(
        202,
      );
      const token = emailTokenOf(await waitForMail(api.dataDir, (m) => m.to.includes(newEmail), { after: before }));
      await client.register({ email: newEmail });
      const res = await client.post('/api/auth/email/confirm', { token });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('auth.email_taken');
      expect((await client.post('/api/auth/email/confirm', { token: 'B'.repeat(43) })).status).toBe(410);
    });
  });

  describe('security review', () => {
    const requestEmailChange = async (session: Session, password: string | undefined): Promise<string> => {
      const newEmail = uniqueEmail('pending');
      const before = readOutbox(api.dataDir).length;
      const res = await client.post('/api/me/email', { newEmail, password }, { token: session.accessToken });
      expect(res.status).toBe(202);
      return emailTokenOf(await waitForMail(api.dataDir, (m) => m.to.includes(newEmail), { after: before }));
    };
    const auditsOf = (action: string, actorId: string | null) =>
      sql<{ n: number }>(api, db, `SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND actor_id IS NOT DISTINCT FROM $2::uuid`, [
        action,
        actorId,
      ]).then((rows) => rows[0].n);

    it('a password change or reset voids a pending email change and the live second-step challenges', async () => {
      const account = await client.register();
      const session = await signInAs(account.email, account.password);
      const link = await requestEmailChange(session, account.password);
      const changed = await client.post(
        '/api/me/password',
        { currentPassword: account.password, newPassword: NEW_PASSWORD },
        { token: session.accessToken },
      );
      expect(changed.status).toBe(204);
      expect((await client.post('/api/auth/email/confirm', { token: link })).status).toBe(410);
      expect((await client.get('/api/me/security', { token: session.accessToken })).body.pendingEmail).toBeNull();

      // A reset too, and a challenge opened with the former password dies with it.
      const other = await client.register();
      const otherSession = await signInAs(other.email, other.password);
      await client.enrolTotp(other.email, otherSession.accessToken);
      const otherLink = await requestEmailChange(otherSession, other.password);
      const started = await client.post('/api/auth/login', { email: other.email, password: other.password });
      expect(started.body.mfaRequired).toBe(true);
      const reset = await client.post('/api/auth/password/reset', { token: await forgot(other.email), password: NEW_PASSWORD });
      expect(reset.status).toBe(200);
      expect((await client.post('/api/auth/email/confirm', { token: otherLink })).status).toBe(410);
      const late = await client.post('/api/auth/login/mfa', { mfaToken: started.body.mfaToken, code: await totpCodeFor(other.email) });
      expect(late.status).toBe(401);
      expect(late.body.code).toBe('auth.mfa_invalid');
    });

    it('asks an account without a password for a sign-in of less than 10 minutes before an email change or erasure', async () => {
      const account = await client.register();
      const session = await signInAs(account.email, account.password);
      await sql(api, db, `UPDATE users SET password_hash = NULL WHERE id = $1`, [account.id]);
      await requestEmailChange(session, undefined);
      await sql(api, db, `UPDATE user_sessions SET created_at = now() - interval '11 minutes' WHERE user_id = $1`, [account.id]);
      const change = await client.post('/api/me/email', { newEmail: uniqueEmail('late') }, { token: session.accessToken });
      expect(change.status).toBe(403);
      expect(change.body.code).toBe('auth.reauthentication_required');
      const erase = await client.delete('/api/me', { token: session.accessToken, body: { confirmEmail: account.email } });
      expect(erase.status).toBe(403);
      expect(erase.body.code).toBe('auth.reauthentication_required');
      expect((await me(session)).status).toBe(200);
      // A fresh sign-in (here, the session made young again) erases the account.
      await sql(api, db, `UPDATE user_sessions SET created_at = now() WHERE user_id = $1`, [account.id]);
      expect((await client.delete('/api/me', { token: session.accessToken, body: { confirmEmail: account.email } })).status).toBe(204);
    });

    it('audits wrong current passwords and invalid or reused links', async () => {
      const account = await client.register();
      const session = await signInAs(account.email, account.password);
      const wrongChange = await client.post(
        '/api/me/password',
        { currentPassword: 'Not-The-Password-1', newPassword: NEW_PASSWORD },
        { token: session.accessToken },
      );
      expect(wrongChange.status).toBe(403);
      const wrongEmail = await client.post(
        '/api/me/email',
        { newEmail: uniqueEmail('x'), password: 'Not-The-Password-1' },
        { token: session.accessToken },
      );
      expect(wrongEmail.status).toBe(403);
      expect(await auditsOf('auth.password_check_failed', account.id)).toBe(2);

      const link = await requestEmailChange(session, account.password);
      expect((await client.post('/api/auth/email/confirm', { token: link })).status).toBe(200);
      expect((await client.post('/api/auth/email/confirm', { token: link })).status).toBe(410);
      expect(await auditsOf('auth.token_invalid', account.id)).toBe(1);
      const unknownBefore = await auditsOf('auth.token_invalid', null);
      expect((await client.post('/api/auth/password/reset', { token: 'C'.repeat(43), password: NEW_PASSWORD })).status).toBe(410);
      expect(await auditsOf('auth.token_invalid', null)).toBe(unknownBefore + 1);
    });
  });

  describe('sessions', () => {
    it('lists the devices, newest first, with the current one marked', async () => {
      const account = await client.register();
      const firefox = await signInAs(account.email, account.password, FIREFOX_WINDOWS);
      await sleep(20);
      const chrome = await signInAs(account.email, account.password, CHROME_MAC);
      const res = await client.get('/api/me/sessions', { token: firefox.accessToken });
      expect(res.status).toBe(200);
      expect(res.body.nextCursor).toBeNull();
      expect(res.body.items).toHaveLength(2);
      const [newest, oldest] = res.body.items;
      expect(newest).toMatchObject({
        id: jwtPayload(chrome.accessToken)['sid'],
        browser: 'Chrome 131',
        current: false,
        method: 'password',
      });
      expect(newest.os).toMatch(/^Mac OS/);
      expect(oldest).toMatchObject({
        id: jwtPayload(firefox.accessToken)['sid'],
        browser: 'Firefox 132',
        os: 'Windows 10',
        device: 'Firefox 132 · Windows',
        current: true,
      });
      expect(oldest.ip).toEqual(expect.any(String));
      expect(Date.parse(oldest.lastSeenAt)).not.toBeNaN();
      expect(res.text).not.toMatch(/token|hash/i);

      // A refresh moves the session up.
      expect((await refresh(firefox)).status).toBe(200);
      const after = await client.get('/api/me/sessions', { token: chrome.accessToken });
      expect(after.body.items.map((s: { current: boolean }) => s.current)).toEqual([false, true]);
    });

    it('revokes one session: its access token is refused at once, its refresh cookie too', async () => {
      const account = await client.register();
      const mine = await signInAs(account.email, account.password);
      const stolen = await signInAs(account.email, account.password);
      const id = jwtPayload(stolen.accessToken)['sid'];
      expect((await me(stolen)).status).toBe(200);
      const stolenSocket = await LiveClient.connect(api.url, stolen.accessToken);
      const mySocket = await LiveClient.connect(api.url, mine.accessToken);
      const closed = new Promise<string>((resolve) => stolenSocket.socket.once('disconnect', (reason) => resolve(reason)));
      const res = await client.delete(`/api/me/sessions/${id}`, { token: mine.accessToken });
      expect(res.status).toBe(204);
      // Its open socket is closed by the server; the other session's stays.
      expect(await closed).toBe('io server disconnect');
      expect(mySocket.socket.connected).toBe(true);
      mySocket.close();
      expect((await me(stolen)).status).toBe(401);
      expect((await refresh(stolen)).status).toBe(401);
      expect((await me(mine)).status).toBe(200);
      const listed = await client.get('/api/me/sessions', { token: mine.accessToken });
      expect(listed.body.items.map((s: { id: string }) => s.id)).not.toContain(id);
      expect((await client.delete(`/api/me/sessions/${id}`, { token: mine.accessToken })).body.code).toBe('session.not_found');
      // A socket cannot be opened with it either.
      await expect(LiveClient.connect(api.url, stolen.accessToken)).rejects.toThrow(/unauthorized/);
      (await LiveClient.connect(api.url, mine.accessToken)).close();
      const audit = await sql(api, db, `SELECT details FROM audit_log WHERE action = 'auth.session_revoked' AND object_id = $1`, [
        account.id,
      ]);
      expect(audit[0].details).toMatchObject({ sessionId: id });
    });

    it("answers 404 for somebody else's session and an unknown one, 400 for a malformed id", async () => {
      const alice = await client.signUp();
      const bob = await client.signUp();
      const bobs = jwtPayload(bob.accessToken)['sid'];
      const res = await client.delete(`/api/me/sessions/${bobs}`, { token: alice.accessToken });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('session.not_found');
      expect((await me(bob)).status).toBe(200);
      expect((await client.delete('/api/me/sessions/00000000-0000-4000-8000-000000000000', { token: alice.accessToken })).status).toBe(404);
      expect((await client.delete('/api/me/sessions/nope', { token: alice.accessToken })).status).toBe(400);
    });

    it('revokes every other session and keeps the current one', async () => {
      const account = await client.register();
      const current = await signInAs(account.email, account.password);
      const others = [await signInAs(account.email, account.password), await signInAs(account.email, account.password)];
      const res = await client.delete('/api/me/sessions', { token: current.accessToken });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ revoked: 2 });
      for (const other of others) expect((await me(other)).status).toBe(401);
      expect((await me(current)).status).toBe(200);
      expect((await refresh(current)).status).toBe(200);
      expect((await client.get('/api/me/sessions', { token: current.accessToken })).body.items).toHaveLength(1);
    });

    it('ends the session on sign-out, access token included', async () => {
      const session = await client.signUp();
      expect((await client.post('/api/auth/logout', undefined, { token: session.accessToken, cookie: session.refreshCookie })).status).toBe(
        204,
      );
      expect((await me(session)).status).toBe(401);
      expect((await refresh(session)).status).toBe(401);
    });
  });

  describe('security summary and RGPD export', () => {
    it('shows the protection of the account, and exports the sessions and two-step sign-in without secrets', async () => {
      const session = await client.signUp();
      const security = await client.get('/api/me/security', { token: session.accessToken });
      expect(security.status).toBe(200);
      expect(security.body).toEqual({
        email: session.email,
        pendingEmail: null,
        hasPassword: true,
        twoFactor: expect.objectContaining({ enabled: false, required: expect.any(Boolean) }),
        linkedIdentities: expect.any(Array),
      });

      const exported = await client.get('/api/me/export', { token: session.accessToken });
      expect(exported.status).toBe(200);
      expect(exported.body.sessions).toEqual([expect.objectContaining({ id: jwtPayload(session.accessToken)['sid'], method: 'password' })]);
      expect(exported.body.twoFactor).toMatchObject({ enabled: false });
      expect(exported.body.linkedIdentities).toEqual(expect.any(Array));
      expect(exported.text).not.toContain(session.refreshCookie.split('=')[1]);
      expect(exported.text).not.toMatch(/token_hash|tokenHash|argon2|secret/i);
    });

    it('erases the sessions and account links with the account', async () => {
      const account = await client.register();
      const session = await signInAs(account.email, account.password);
      await forgot(account.email);
      const res = await client.delete('/api/me', { token: session.accessToken, body: { password: GOOD_PASSWORD } });
      expect(res.status).toBe(204);
      expect(await sql(api, db, `SELECT 1 FROM user_sessions WHERE user_id = $1`, [account.id])).toEqual([]);
      expect(await sql(api, db, `SELECT 1 FROM account_tokens WHERE user_id = $1`, [account.id])).toEqual([]);
    });
  });
});
