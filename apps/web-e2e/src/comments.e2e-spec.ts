import {
  ApiClient,
  createTestDatabase,
  GOOD_PASSWORD,
  startApiProcess,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import type { Page } from 'playwright-core';
import { openBrowser, screenshot, seriousAccessibilityViolations, type Browser } from './support/browser';
import { allianceOfTwo } from './support/alliance-of-two';

const ADMIN_EMAIL = 'admin@comments-web.test';

/** Signs in through the UI and opens the alliance discussion. */
async function openDiscussion(page: Page, baseUrl: string, who: Session, allianceId: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByTestId('sign-in-email').fill(who.email);
  await page.getByTestId('sign-in-password').fill(who.password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.goto(`${baseUrl}/alliances/${allianceId}/discussion`);
  await page.getByTestId('comment-input').waitFor();
}

describe('the live discussion in Chromium', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let a: Browser;
  let b: Browser;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({
      databaseUrl: db.url,
      env: { ADMIN_EMAIL, ADMIN_PASSWORD: GOOD_PASSWORD, AUTH_THROTTLE_IP_PER_MINUTE: '10000', AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000' },
    });
    [a, b] = await Promise.all([openBrowser(), openBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await api?.stop();
    await db?.drop();
  });

  it('a comment and a reply with a mention arrive live on the other side, with the notification badge', async () => {
    const client = new ApiClient(api.url);
    const { camille, sacha, allianceId } = await allianceOfTwo(client, ADMIN_EMAIL);

    await Promise.all([openDiscussion(a.page, api.url, camille, allianceId), openDiscussion(b.page, api.url, sacha, allianceId)]);
    // Both are in the room: each sees the other among the viewers.
    await a.page.getByTestId('presence-list').getByText('Sacha Petit').waitFor();
    await b.page.getByTestId('presence-list').getByText('Camille Martin').waitFor();

    // A posts; B sees it without reloading.
    await a.page.getByTestId('comment-input').fill('Bienvenue à toutes et tous dans l’alliance **des aidants** !');
    await a.page.getByTestId('comment-submit').click();
    const onB = b.page.getByTestId('comment-item').filter({ hasText: 'Bienvenue à toutes et tous' });
    await onB.waitFor();
    expect(await onB.locator('strong').textContent()).toBe('des aidants');

    // B replies and mentions A with the @ autocomplete.
    const badge = a.page.getByTestId('notifications-unread');
    const before = (await badge.count()) ? Number(await badge.textContent()) : 0;
    await onB.getByTestId('comment-reply').click();
    const reply = b.page.locator('.reply-form').getByTestId('comment-input');
    await reply.click();
    await reply.pressSequentially('Merci @Cam', { delay: 20 });
    await b.page.getByRole('option', { name: /Camille Martin \(Les Jardins Partagés\)/ }).click();
    await reply.pressSequentially('on s’organise jeudi ?', { delay: 5 });
    expect(await reply.inputValue()).toBe('Merci @Camille Martin on s’organise jeudi ?');
    await b.page.locator('.reply-form').getByTestId('comment-submit').click();

    // A sees the reply arrive and the bell count go up.
    await a.page.getByTestId('comment-item').filter({ hasText: 'on s’organise jeudi' }).waitFor();
    await a.page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="notifications-unread"]')?.textContent ?? '0') > n,
      before,
    );
    const label = await a.page.getByTestId('notifications-bell').getAttribute('aria-label');
    expect(label).toMatch(/^Notifications, 1 non lue/);

    // The notification leads back to the discussion and is marked read.
    await a.page.getByTestId('notifications-bell').click();
    await a.page.getByTestId('notification-item').first().waitFor();
    expect(await a.page.getByTestId('notification-item').first().textContent()).toMatch(/Sacha Petit vous a mentionné/);
    await a.page.keyboard.press('Escape');

    expect(await seriousAccessibilityViolations(a.page)).toEqual([]);
    await screenshot(a.page, 'discussion');
  }, 90_000);
});
