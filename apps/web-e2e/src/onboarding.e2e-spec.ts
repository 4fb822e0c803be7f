import {
  ApiClient,
  GOOD_PASSWORD,
  createTestDatabase,
  invitationTokenOf,
  readOutbox,
  startApiProcess,
  uniqueEmail,
  waitForMail,
  type ApiProcess,
  type TestDatabase,
} from '@alliances/e2e/support';
import type { Page } from 'playwright-core';
import { openBrowser, passFirstStep, screenshot, seriousAccessibilityViolations, type Browser } from './support/browser';

const ADMIN_EMAIL = 'admin@alliances.test';
const RNA = 'W751234567';
const LYON = '69123';
/** Nine digits whose Luhn check digit is wrong. */
const INVALID_SIREN = '123456789';

/** Fails with the page's own console errors as context, rather than a bare timeout. */
function watchConsole(page: Page, who: string, errors: string[]): void {
  page.on('console', (m) => m.type() === 'error' && errors.push(`${who}: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`${who}: ${e.message}`));
}

async function expectAccessible(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

/**
 * Waits for the app to reach `path`, or fails at once with the text of the error notice the page shows
 * instead (an API refusal), rather than with a bare timeout.
 */
async function arriveAt(page: Page, path: string | RegExp, errorTestId: string): Promise<void> {
  const matches = (url: URL) => (typeof path === 'string' ? url.pathname === path : path.test(url.pathname));
  const error = page.getByTestId(errorTestId);
  const outcome = await Promise.race([
    page.waitForURL(matches).then(() => 'arrived' as const),
    error.waitFor().then(() => 'refused' as const),
  ]);
  if (outcome === 'refused' && !matches(new URL(page.url()))) {
    throw new Error(`${errorTestId} instead of ${path}: ${(await error.textContent())?.trim()}`);
  }
}

/** Signs in through the form; `returnUrl` is where the app goes afterwards. */
async function signIn(page: Page, baseUrl: string, email: string, password: string, returnUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?returnUrl=${encodeURIComponent(returnUrl)}`);
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  // The platform admin answers the second step (two-step sign-in is required of admins).
  await passFirstStep(page, { email, password });
  await arriveAt(page, returnUrl, 'sign-in-error');
}

describe('onboarding in Chromium: sign-up, application, review, invitation', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  const browsers: Browser[] = [];

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
    // Platform admins must use two-step sign-in: ApiClient.login sets it up and remembers the secret.
    await new ApiClient(api.url).login(ADMIN_EMAIL);
  });
  afterAll(async () => {
    for (const browser of browsers) await browser.close().catch(() => undefined);
    await api?.stop();
    await db?.drop();
  });

  async function open(): Promise<Browser> {
    const browser = await openBrowser();
    browsers.push(browser);
    return browser;
  }

  it('takes a new organisation from sign-up to a second member, through the UI only', async () => {
    try {
      await onboarding();
    } catch (error) {
      console.error(`API output (last lines):\n${api.output().split('\n').slice(-40).join('\n')}`);
      throw error;
    }
  }, 90_000);

  async function onboarding(): Promise<void> {
    const started = Date.now();
    const errors: string[] = [];
    const applicant = { name: 'Camille Martin', email: uniqueEmail('camille') };
    const colleague = { name: 'Dominique Petit', email: uniqueEmail('dominique') };
    const organisationName = `Les Jardins partagés ${Date.now().toString(36)}`;

    // (1) The applicant signs up. ------------------------------------------------------------------
    const { page } = await open();
    watchConsole(page, 'applicant', errors);
    await page.goto(`${api.url}/sign-up`);
    await expectAccessible(page);
    await page.getByTestId('sign-up-display-name').fill(applicant.name);
    await page.getByTestId('sign-up-email').fill(applicant.email);
    await page.getByTestId('sign-up-password').fill(GOOD_PASSWORD);
    await page.getByTestId('sign-up-submit').click();
    await arriveAt(page, '/organisations', 'sign-up-error');

    // (2) ...and applies for an association. -----------------------------------------------------------
    await page.getByTestId('apply-organisation').click();
    await page.waitForURL((url) => url.pathname === '/organisations/apply');
    await page.getByTestId('apply-name').fill(organisationName);
    await page.getByTestId('apply-profile').click();
    await page.getByTestId('profile-association').click();
    await page.getByTestId('profile-association').waitFor({ state: 'detached' });

    // A SIREN with a wrong check digit is refused while typing, before any submit.
    const siren = page.getByTestId('apply-siren');
    await siren.pressSequentially(INVALID_SIREN);
    const sirenError = page.getByTestId('apply-siren-error');
    await sirenError.waitFor();
    expect((await sirenError.textContent())?.trim()).toBeTruthy();
    expect(await siren.getAttribute('aria-invalid')).toBe('true');
    await siren.fill('');
    await sirenError.waitFor({ state: 'detached' });

    await page.getByTestId('apply-rna').fill(RNA);
    await page.getByTestId('apply-territory').pressSequentially('Lyon');
    await page.getByTestId(`territory-${LYON}`).click();
    await expect(page.getByTestId('apply-territory').inputValue()).resolves.toContain(LYON);
    await page.getByTestId('apply-description').fill('Jardins partagés et ateliers de quartier, ouverts à toutes et tous.');
    await expectAccessible(page);
    await page.getByTestId('apply-submit').click();
    await arriveAt(page, /^\/organisations\/(?!apply$)[^/]+$/, 'apply-error');
    const organisationPath = new URL(page.url()).pathname;
    await page.getByTestId('pending-notice').waitFor();
    await expect(page.getByTestId('organisation-name').textContent()).resolves.toContain(organisationName);

    // (3) The platform admin approves it, in a second browser. ---------------------------------------
    const admin = (await open()).page;
    watchConsole(admin, 'admin', errors);
    await signIn(admin, api.url, ADMIN_EMAIL, GOOD_PASSWORD, '/admin/organisations');
    const row = admin.locator(`[data-testid="review-row"][data-organisation="${organisationName}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(RNA);
    await expect(row.textContent()).resolves.toContain(applicant.email);
    await expectAccessible(admin);
    await screenshot(admin, 'onboarding-review-queue');
    await row.getByTestId('approve').click();
    await row.waitFor({ state: 'detached' });
    await admin.getByTestId('review-feedback').waitFor();

    const approvalMail = await waitForMail(api.dataDir, (m) => m.to.includes(applicant.email));
    expect(approvalMail.subject).toContain(organisationName);
    expect(approvalMail.text).toContain(organisationPath);

    // (4) Back in the first browser: the organisation is approved; the applicant invites a colleague. --
    await page.goto(`${api.url}/organisations`);
    const item = page.getByTestId('organisation-item').filter({ hasText: organisationName });
    await expect(item.getByTestId('organisation-status').getAttribute('class')).resolves.toMatch(/\bapproved\b/);
    await item.getByRole('link', { name: organisationName }).click();
    await page.waitForURL((url) => url.pathname === organisationPath);
    await page.getByTestId('invite-email').fill(colleague.email);
    await page.getByTestId('invite-role').click();
    await page.getByTestId('invite-role-member').click();
    await page.getByTestId('invite-role-member').waitFor({ state: 'detached' });
    const before = readOutbox(api.dataDir).length;
    await page.getByTestId('invite-submit').click();
    await page.getByTestId('invite-feedback').waitFor();
    await page.getByTestId('invitation-row').filter({ hasText: colleague.email }).waitFor();
    await expectAccessible(page);

    // (5) The colleague follows the mailed link, creates an account there and accepts. ----------------
    const invitationMail = await waitForMail(api.dataDir, (m) => m.to.includes(colleague.email), { after: before });
    const token = invitationTokenOf(invitationMail);
    const guest = (await open()).page;
    watchConsole(guest, 'colleague', errors);
    await guest.goto(`${api.url}/invitations/${token}`);
    await guest.getByTestId('invitation-preview').waitFor();
    await expect(guest.getByTestId('invitation-preview').textContent()).resolves.toContain(organisationName);
    await guest.getByTestId('invitation-sign-up').waitFor();
    await expectAccessible(guest);
    await guest.getByTestId('invitation-sign-up').click();
    await guest.waitForURL((url) => url.pathname === '/sign-up');
    await expect(guest.getByTestId('sign-up-email').inputValue()).resolves.toBe(colleague.email);
    await guest.getByTestId('sign-up-display-name').fill(colleague.name);
    await guest.getByTestId('sign-up-password').fill(GOOD_PASSWORD);
    await guest.getByTestId('sign-up-submit').click();
    await arriveAt(guest, `/invitations/${token}`, 'sign-up-error');
    await guest.getByTestId('accept-invitation').click();
    await arriveAt(guest, organisationPath, 'invitation-error');

    const members = guest.getByTestId('member-row');
    await members.filter({ hasText: colleague.email }).waitFor();
    await expect(members.count()).resolves.toBe(2);
    const listed = (await members.allTextContents()).join('\n');
    expect(listed).toContain(applicant.name);
    expect(listed).toContain(colleague.name);
    await expectAccessible(guest);
    await screenshot(guest, 'onboarding-organisation');

    // The admin signs out through the user menu.
    await admin.getByTestId('user-menu').click();
    await admin.getByTestId('sign-out').click();
    await admin.waitForURL((url) => url.pathname !== '/admin/organisations');

    expect(errors).toEqual([]);
    console.log(`onboarding flow took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
});
