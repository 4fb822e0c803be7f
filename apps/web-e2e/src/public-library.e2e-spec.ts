import { ApiClient, GOOD_PASSWORD, createTestDatabase, startApiProcess, type ApiProcess, type TestDatabase } from '@alliances/e2e/support';
import { allianceOfTwo } from './support/alliance-of-two';
import { expectAccessible, openBrowser, screenshot, watchConsole, type Browser } from './support/browser';

const ADMIN_EMAIL = 'admin.public-library@alliances.test';
const TITLE = 'Café des aidants "Lyon" <b>ensemble</b>';
const SUMMARY = 'Chaque semaine, un café où les aidants salariés se retrouvent, tenu par le jardin partagé et la coopérative.';

/** The content attribute of a `<meta property|name="key">` of the raw HTML, entities decoded. */
function metaOf(html: string, key: string): string | null {
  const tag = (html.match(/<meta\b[^>]*>/gi) ?? []).find((t) => t.includes(`property="${key}"`) || t.includes(`name="${key}"`));
  const value = tag ? /\scontent="([^"]*)"/.exec(tag)?.[1] : undefined;
  return value === undefined
    ? null
    : value
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
}

describe('public library in Chromium: a visitor without an account reads a case study and its link preview', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let slug: string;
  const browsers: Browser[] = [];
  const errors: string[] = [];

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
    const client = new ApiClient(api.url);
    const { camille, sacha, leadOrg, partnerOrg, allianceId } = await allianceOfTwo(client, ADMIN_EMAIL);
    const alliance = await client.get(`/api/alliances/${allianceId}`, { token: camille.accessToken });
    const tagged = await client.patch(
      `/api/alliances/${allianceId}`,
      { sdgs: ['3', '17.17'], version: alliance.body.version },
      { token: camille.accessToken },
    );
    expect(tagged.status).toBe(200);
    const card = await client.call('PUT', `/api/alliances/${allianceId}/case-study`, {
      token: camille.accessToken,
      body: { title: TITLE, summary: SUMMARY, indicatorIds: [] },
    });
    expect(card.status).toBe(200);
    slug = card.body.slug;
    for (const [s, o] of [
      [camille, leadOrg],
      [sacha, partnerOrg],
    ] as const) {
      expect(
        (await client.post(`/api/case-studies/${card.body.id}/consents`, { organisationId: o }, { token: s.accessToken })).status,
      ).toBe(200);
    }
  }, 120_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await api?.stop();
    await db?.drop();
  });

  it('opens the library without signing in, clicks a case study and reads it with its SDGs', async () => {
    const browser = await openBrowser();
    browsers.push(browser);
    const { page } = browser;
    watchConsole(page, 'visitor', errors);
    await page.goto(`${api.url}/public/library`);
    const card = page.getByTestId('library-card').filter({ hasText: 'Café des aidants' });
    await card.waitFor();
    // No detour through the sign-in page: the library is public.
    expect(new URL(page.url()).pathname).toBe('/public/library');
    expect(await card.getByTestId('sdg-chips').textContent()).toContain('ODD 17.17');
    await expectAccessible(page);
    await screenshot(page, 'public-library');

    await card.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(`**/public/library/${slug}`);
    await page.getByTestId('case-study-title').waitFor();
    expect((await page.getByTestId('case-study-title').textContent())?.trim()).toBe(TITLE);
    expect(await page.getByTestId('case-study-summary').textContent()).toContain('les aidants salariés');
    const chips = await page.getByTestId('sdg-chips').textContent();
    expect(chips).toContain('ODD 3 — Bonne santé et bien-être');
    expect(chips).toContain('ODD 17.17');
    // The head follows the page in the app too (a preview taken of the address in the bar is right).
    await page.waitForFunction(
      (title) => document.querySelector('meta[property="og:title"]')?.getAttribute('content')?.startsWith(title),
      TITLE,
    );
    expect(await page.locator('meta[property="og:url"]').getAttribute('content')).toMatch(new RegExp(`/public/library/${slug}$`));
    expect(await page.locator('meta[property="og:type"]').getAttribute('content')).toBe('article');
    expect(await page.title()).toContain(TITLE);
    await expectAccessible(page);
    await screenshot(page, 'public-case-study');
    expect(errors).toEqual([]);
  }, 90_000);

  it('gives the Open Graph tags in the first response and in the page opened from a link', async () => {
    const browser = await openBrowser();
    browsers.push(browser);
    const { page } = browser;
    // What a link preview fetches: the HTML of the first response, no script run.
    const first = await page.request.get(`${api.url}/public/library/${slug}`);
    expect(first.status()).toBe(200);
    const html = await first.text();
    expect(html).not.toContain('<b>ensemble</b>');
    expect(metaOf(html, 'og:title')).toBe(`${TITLE} · Bibliothèque des alliances`);
    expect(metaOf(html, 'og:description')).toBe(SUMMARY);
    expect(metaOf(html, 'og:type')).toBe('article');
    expect(metaOf(html, 'og:url')).toMatch(new RegExp(`/public/library/${slug}$`));
    expect(metaOf(html, 'twitter:card')).toBe('summary');
    expect(html).toContain('<html lang="fr">');

    // A visitor following the shared link: the same tags in the DOM, and the app renders the card.
    watchConsole(page, 'link', errors);
    await page.goto(`${api.url}/public/library/${slug}`);
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(`${TITLE} · Bibliothèque des alliances`);
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe(SUMMARY);
    expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href')).toMatch(
      /\/public\/library\/feed\.atom$/,
    );
    await page.getByTestId('case-study-title').waitFor();
    expect((await page.getByTestId('case-study-title').textContent())?.trim()).toBe(TITLE);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await expectAccessible(page);

    // An address that is not a published card: the app's error, not a sign-in page.
    const missing = await page.request.get(`${api.url}/public/library/pas-de-fiche-ici`);
    expect(missing.status()).toBe(404);
    expect(await missing.text()).toContain('Page introuvable');
    expect(errors).toEqual([]);
  }, 90_000);
});
