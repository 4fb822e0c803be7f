import { createTestDatabase, startApiProcess, type ApiProcess, type TestDatabase } from '@alliances/e2e/support';
import { openBrowser, screenshot, seriousAccessibilityViolations, type Browser } from './support/browser';

describe('the web app shell in Chromium', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let browser: Browser;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({ databaseUrl: db.url });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await db?.drop();
  });

  it('opens in French, switches to English and back, keeping <html lang> in step', async () => {
    const { page } = browser;
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(api.url);
    const title = page.getByTestId('home-title');
    // The heading exists before its dictionary has arrived: wait for the translated text.
    await title.filter({ hasText: /alliance/i }).waitFor();
    const french = (await title.textContent())?.trim();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');

    await page.getByTestId('lang-en').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    // <html lang> changes at the click; the text when the English dictionary has arrived.
    await page.waitForFunction((before) => document.querySelector('[data-testid="home-title"]')?.textContent?.trim() !== before, french);
    const english = (await title.textContent())?.trim();
    expect(english).not.toBe(french);
    expect(await page.getByTestId('lang-en').getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'shell-home-en');

    await page.getByTestId('lang-fr').click();
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await page.waitForFunction(
      (expected) => document.querySelector('[data-testid="home-title"]')?.textContent?.trim() === expected,
      french,
      { timeout: 10_000 },
    );
    expect((await title.textContent())?.trim()).toBe(french);
    expect(errors).toEqual([]);
  });

  it('keeps the chosen language after a reload', async () => {
    const { page } = browser;
    await page.goto(api.url);
    await page.getByTestId('lang-en').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByTestId('lang-fr').click();
  });

  it('serves client-side routes directly (deep link) and shows a translated 404 page', async () => {
    const { page } = browser;
    await page.goto(`${api.url}/sign-in`);
    await page.locator('h1').filter({ hasText: /\S/ }).waitFor();
    await page.goto(`${api.url}/this/page/does/not/exist`);
    // The 404 heading renders before its dictionary arrives: wait for the translated text.
    await page
      .locator('h1')
      .filter({ hasText: /introuvable|not found/i })
      .waitFor();
  });

  it.each(['/', '/sign-in', '/sign-up', '/nowhere'])('has no serious accessibility violation on %s', async (path) => {
    const { page } = browser;
    await page.goto(`${api.url}${path}`);
    await page.locator('h1').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('can be used with the keyboard: the skip link leads to the main content', async () => {
    const { page } = browser;
    await page.goto(api.url);
    await page.locator('h1').waitFor();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(focused).toBe('#main');
  });
});
