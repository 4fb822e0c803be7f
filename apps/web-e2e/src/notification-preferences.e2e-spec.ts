import { ApiClient, GOOD_PASSWORD, createTestDatabase, startApiProcess, type ApiProcess, type TestDatabase } from '@alliances/e2e/support';
import { browserPool, expectAccessible, signIn } from './support/browser';

describe('notification preferences, in Chromium', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let client: ApiClient;
  const errors: string[] = [];
  const browsers = browserPool(errors);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({
      databaseUrl: db.url,
      env: {
        ADMIN_EMAIL: 'admin.preferences@alliances.test',
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
    const unexpected = [...errors];
    errors.length = 0;
    expect(unexpected).toEqual([]);
  });

  it('turns a kind off in the app and by mail from the account, and keeps it after a reload', async () => {
    const person = await client.signUp({ displayName: 'Inès Réglages' });
    const page = await browsers.open('person');
    await signIn(page, api.url, person, '/account');
    await page.getByTestId('account-notifications').click();
    await page.waitForURL((url) => url.pathname === '/account/notifications');
    const row = page.locator('tr[data-kind="reply"]');
    await row.waitFor();
    await expectAccessible(page);

    const toggle = row.getByRole('switch');
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await page.getByText('Préférences enregistrées.').first().waitFor();
    await row.getByTestId('mail-reply').click();
    await page.getByRole('option', { name: 'Jamais' }).click();
    await page.getByText('Préférences enregistrées.').first().waitFor();

    await page.reload();
    const kept = page.locator('tr[data-kind="reply"]');
    await kept.waitFor();
    expect(await kept.getByRole('switch').getAttribute('aria-checked')).toBe('false');
    await expect(kept.getByTestId('mail-reply').textContent()).resolves.toContain('Jamais');
    // Another kind keeps its default.
    await expect(page.locator('tr[data-kind="mention"]').getByTestId('mail-mention').textContent()).resolves.toContain('Tout de suite');
    await expectAccessible(page);

    const saved = (await client.get('/api/me/notification-preferences', { token: person.accessToken })).body;
    expect(saved.reply).toEqual({ inApp: false, mail: 'off' });
  });
});
