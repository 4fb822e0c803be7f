import {
  createTestDatabase,
  freeLoopbackPort,
  startApiProcess,
  startOidcTestProvider,
  uniqueEmail,
  type ApiProcess,
  type OidcTestProvider,
  type TestDatabase,
} from '@alliances/e2e/support';
import type { Page } from 'playwright-core';
import { browserPool, expectAccessible, screenshot } from './support/browser';

const DISPLAY_NAME = 'Annuaire de test';

describe('single sign-on in Chromium, through the test OpenID provider', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let provider: OidcTestProvider;
  const errors: string[] = [];
  const browsers = browserPool(errors);

  const open = async (who: string): Promise<Page> => {
    const page = await browsers.open(who);
    // The provider's test page has no favicon: only the app's own refused calls count.
    page.on('response', (response) => {
      if (response.status() >= 400 && response.url().startsWith(`${api.url}/api/`))
        errors.push(`${who}: ${response.status()} ${response.url()}`);
    });
    return page;
  };

  /** From the sign-in page to the provider's login form, signed in there as `sub`. */
  const throughProvider = async (page: Page, sub: string, returnUrl: string): Promise<void> => {
    await page.goto(`${api.url}/sign-in?returnUrl=${encodeURIComponent(returnUrl)}`);
    const button = page.getByTestId('sign-in-sso');
    await button.waitFor();
    expect((await button.textContent())?.trim()).toBe(`Se connecter avec ${DISPLAY_NAME}`);
    await button.click();
    await page.locator('input[name="sub"]').fill(sub);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await startOidcTestProvider();
    // The provider sends the browser back to PUBLIC_URL: the port is chosen before the API starts.
    const port = await freeLoopbackPort();
    api = await startApiProcess({
      databaseUrl: db.url,
      env: {
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        AUTH_THROTTLE_IP_PER_MINUTE: '10000',
        AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
        ...provider.apiEnv(DISPLAY_NAME),
      },
    });
  }, 120_000);

  afterAll(async () => {
    await browsers.closeAll();
    await api?.stop();
    await provider?.stop();
    await db?.drop();
  });

  it('signs a person in with the provider and brings them back where they were heading', async () => {
    const email = uniqueEmail('sso');
    await provider.addAccount({ sub: 'camille-sso', email, emailVerified: true, name: 'Camille Fédérée', locale: 'fr' });
    await provider.setDefaultSub(null);
    const page = await open('sso');
    await page.goto(`${api.url}/sign-in`);
    await page.getByTestId('sign-in-sso').waitFor();
    await expectAccessible(page);

    await throughProvider(page, 'camille-sso', '/account');
    await page.waitForURL((url) => url.pathname === '/account', { timeout: 30_000 });
    await page.getByTestId('account-email').filter({ hasText: email }).waitFor();
    await page.getByTestId('linked-identities').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'sso-signed-in');
    expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  }, 90_000);

  it('says why when the provider does not vouch for the address', async () => {
    await provider.addAccount({ sub: 'unverified-sso', email: uniqueEmail('sso'), emailVerified: false, name: 'Dominique Douteuse' });
    const page = await open('sso-unverified');
    await throughProvider(page, 'unverified-sso', '/account');
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.has('ssoError'), { timeout: 30_000 });
    const error = page.getByTestId('sign-in-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('adresse');
    await expectAccessible(page);
  }, 90_000);
});
