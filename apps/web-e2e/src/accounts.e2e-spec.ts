import {
  ApiClient,
  GOOD_PASSWORD,
  createTestDatabase,
  readOutbox,
  startApiProcess,
  waitForMail,
  type ApiProcess,
  type TestDatabase,
} from '@alliances/e2e/support';
import type { Page } from 'playwright-core';
import { answerSecondStep, expectAccessible, freshTotpCode, browserPool, screenshot, signIn, totpCode } from './support/browser';

const NEW_PASSWORD = 'Une-Autre-Phrase-De-Passe-2026';
const ADMIN_EMAIL = 'admin.accounts@alliances.test';

/** Signs out through the user menu and waits to be home. */
async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** Password only, stopping at the second step. */
async function firstStep(page: Page, baseUrl: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?returnUrl=${encodeURIComponent('/account')}`);
  await page.getByTestId('sign-in-email').fill(who.email);
  await page.getByTestId('sign-in-password').fill(who.password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('sign-in-mfa-code').waitFor();
}

describe('accounts people can trust, in Chromium', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let client: ApiClient;
  const errors: string[] = [];
  // Refused requests are part of these journeys (a wrong code answers 401): only console errors count.
  const browsers = browserPool(errors);
  const open = browsers.open;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({
      databaseUrl: db.url,
      env: {
        ADMIN_EMAIL,
        ADMIN_PASSWORD: GOOD_PASSWORD,
        AUTH_THROTTLE_IP_PER_MINUTE: '10000',
        AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
      },
    });
    client = new ApiClient(api.url);
  }, 120_000);

  afterAll(async () => {
    await browsers.closeAll();
    await api?.stop();
    await db?.drop();
  });

  afterEach(() => {
    // The only console errors allowed are the refused calls these journeys provoke on purpose.
    const unexpected = errors.filter((e) => !e.includes('Failed to load resource'));
    errors.length = 0;
    expect(unexpected).toEqual([]);
  });

  it('resets a forgotten password from the mail and signs the person in', async () => {
    const person = await client.signUp({ displayName: 'Noa Oublieuse' });
    const page = await open('forgetful');
    await page.goto(`${api.url}/sign-in`);
    await page.getByTestId('sign-in-forgot').click();
    await page.waitForURL('**/forgot-password**');
    await expectAccessible(page);

    const before = readOutbox(api.dataDir).length;
    await page.getByTestId('forgot-email').fill(person.email);
    await page.getByTestId('forgot-submit').click();
    await page.getByTestId('forgot-sent').waitFor();
    await expectAccessible(page);

    const mail = await waitForMail(api.dataDir, (m) => m.to.includes(person.email), { after: before });
    const link = /\/reset-password\/[A-Za-z0-9_\-.~%]+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    await page.goto(`${api.url}${link}`);
    await page.getByTestId('reset-password').waitFor();
    await expectAccessible(page);

    // The confirmation must match before anything is sent.
    await page.getByTestId('reset-password').fill(NEW_PASSWORD);
    await page.getByTestId('reset-password-confirmation').fill(`${NEW_PASSWORD}!`);
    await page.getByTestId('reset-submit').click();
    await page.locator('mat-error').first().waitFor();
    await page.getByTestId('reset-password-confirmation').fill(NEW_PASSWORD);
    await page.getByTestId('reset-submit').click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByTestId('user-menu').waitFor();
    await screenshot(page, 'accounts-reset-signed-in');

    // The link worked once; the new password opens the account from now on.
    const login = await client.post('/api/auth/login', { email: person.email, password: NEW_PASSWORD });
    expect(login.status).toBe(200);
    const old = await client.post('/api/auth/login', { email: person.email, password: person.password });
    expect(old.status).toBe(401);
  }, 90_000);

  it('turns on two-step sign-in from the account page, then signs in with a code and with a recovery code', async () => {
    const person = await client.signUp({ displayName: 'Lou Prudente' });
    const page = await open('careful');
    await signIn(page, api.url, person, '/account');
    await page.getByTestId('totp-enable').waitFor();
    await expectAccessible(page);

    await page.getByTestId('totp-enable').click();
    await page.getByTestId('totp-qr').waitFor();
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    expect(await page.getByTestId('totp-qr').getAttribute('alt')).toBeTruthy();
    await expectAccessible(page);

    // A wrong code is refused with its message, then the right one turns it on.
    await page.getByTestId('totp-code').fill(totpCode(secret, Date.now() + 5 * 60_000));
    await page.getByTestId('totp-confirm').click();
    await page.getByTestId('totp-error').waitFor();
    await page.getByTestId('totp-code').fill(await freshTotpCode(secret));
    await page.getByTestId('totp-confirm').click();
    const codesList = page.getByTestId('recovery-codes');
    await codesList.waitFor();
    const recoveryCodes = (await codesList.locator('li').allTextContents()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    await expectAccessible(page);
    await screenshot(page, 'accounts-recovery-codes');
    await page.getByTestId('recovery-codes-done').click();
    await page.getByTestId('totp-status').filter({ hasText: 'Activée' }).waitFor();

    // Password, then the code of the app (a wrong one first: its message shows).
    await signOut(page);
    await firstStep(page, api.url, person);
    await expectAccessible(page);
    await screenshot(page, 'accounts-sign-in-second-step');
    await page.getByTestId('sign-in-mfa-code').fill(totpCode(secret, Date.now() + 5 * 60_000));
    await page.getByTestId('sign-in-mfa-submit').click();
    await page.getByTestId('sign-in-error').waitFor();
    expect(await page.getByTestId('sign-in-error').textContent()).toContain('code');
    await answerSecondStep(page, { ...person, totpSecret: secret });
    await page.waitForURL((url) => url.pathname === '/account');

    // Password, then a recovery code instead.
    await signOut(page);
    await firstStep(page, api.url, person);
    await page.getByTestId('sign-in-mfa-recovery-toggle').click();
    await page.getByTestId('sign-in-mfa-code').fill(recoveryCodes[0]);
    await page.getByTestId('sign-in-mfa-submit').click();
    await page.waitForURL((url) => url.pathname === '/account');
    await page.getByTestId('totp-status').filter({ hasText: '9' }).waitFor();
  }, 150_000);

  it('lists the signed-in devices and signs another one out', async () => {
    const person = await client.signUp({ displayName: 'Sam Méfiant' });
    // Two other devices: sessions opened through the API.
    const other = await client.login(person.email, GOOD_PASSWORD);
    const another = await client.login(person.email, GOOD_PASSWORD);
    const page = await open('wary');
    await signIn(page, api.url, person, '/account');
    const sessions = page.getByTestId('session');
    await page.getByTestId('session-current').waitFor();
    await expect(sessions.count()).resolves.toBeGreaterThanOrEqual(3);
    await expectAccessible(page);
    const before = await sessions.count();

    await page.getByTestId('session-revoke').first().click();
    await page.getByTestId('sessions-message').waitFor();
    await expect(sessions.count()).resolves.toBe(before - 1);

    // Once every other device is signed out, only this one stays.
    await page.getByTestId('sessions-revoke-others').click();
    await page.getByTestId('sessions-message').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="session"]').length === 1);
    for (const device of [other, another]) {
      const refreshed = await client.post('/api/auth/refresh', undefined, { cookie: device.refreshCookie });
      expect(refreshed.status).toBe(401);
    }
    await screenshot(page, 'accounts-sessions');
  }, 90_000);

  it('changes the address through the link mailed to the new one', async () => {
    const person = await client.signUp({ displayName: 'Eden Nomade' });
    const newEmail = `nouvelle.${person.email}`;
    const page = await open('mover');
    await signIn(page, api.url, person, '/account');
    const before = readOutbox(api.dataDir).length;
    await page.getByTestId('email-change-new').fill(newEmail);
    await page.getByTestId('email-change-password').fill(person.password);
    await page.getByTestId('email-change-submit').click();
    await page.getByTestId('email-change-sent').waitFor();
    await page.getByTestId('account-pending-email').filter({ hasText: newEmail }).waitFor();
    await expectAccessible(page);

    const mail = await waitForMail(api.dataDir, (m) => m.to.includes(newEmail), { after: before });
    const link = /\/confirm-email\/[A-Za-z0-9_\-.~%]+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    await page.goto(`${api.url}${link}`);
    await page.getByTestId('confirm-email-done').filter({ hasText: newEmail }).waitFor();
    await expectAccessible(page);
    await page.goto(`${api.url}/account`);
    await page.getByTestId('account-email').filter({ hasText: newEmail }).waitFor();
  }, 90_000);

  it("lets an organisation's admin require two-step sign-in, then sets it up before going on", async () => {
    const admin = await client.login(ADMIN_EMAIL);
    const person = await client.signUp({ displayName: 'Alix Exigeante' });
    const organisation = await client.applyOrganisation(person, { name: 'Ressourcerie du Plateau' });
    await client.approveOrganisation(admin, organisation.id);
    const home = `/organisations/${organisation.id}`;

    const page = await open('rule');
    await signIn(page, api.url, person, home);
    const toggle = page.getByTestId('org-require-2fa');
    await toggle.waitFor();
    await toggle.locator('button').click();
    await page.getByTestId('org-require-2fa-saved').waitFor();
    await expectAccessible(page);

    // The next sign-in is restricted: the app sends the person to set it up, then on to where they were going.
    await signOut(page);
    await page.goto(`${api.url}/sign-in?returnUrl=${encodeURIComponent(home)}`);
    await page.getByTestId('sign-in-email').fill(person.email);
    await page.getByTestId('sign-in-password').fill(person.password);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('two-factor-setup-required').waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    // It says why: the organisation's rule, by name.
    await expect(page.getByTestId('totp-required-by').textContent()).resolves.toContain('Ressourcerie du Plateau');
    await expectAccessible(page);
    // Other pages lead back here until it is done.
    await page.goto(`${api.url}/organisations`);
    await page.getByTestId('two-factor-setup-required').waitFor();

    await page.getByTestId('totp-enable').click();
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
    await page.getByTestId('totp-code').fill(await freshTotpCode(secret));
    await page.getByTestId('totp-confirm').click();
    await page.getByTestId('recovery-codes').waitFor();
    await page.getByTestId('two-factor-continue').click();
    await page.waitForURL((url) => url.pathname !== '/account');
    await page.getByTestId('user-menu').waitFor();
    expect(new URL(page.url()).pathname).not.toBe('/account');
  }, 120_000);
});
