import { ApiClient, GOOD_PASSWORD, createTestDatabase, startApiProcess, type ApiProcess, type TestDatabase } from '@alliances/e2e/support';
import { browserPool, expectAccessible, signIn } from './support/browser';

describe('calendar feed on the account page, in Chromium', () => {
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
        ADMIN_EMAIL: 'admin.calendar@alliances.test',
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

  it('shows the secret address, copies it, regenerates it (the old one then answers 404) and turns it off', async () => {
    const person = await client.signUp({ displayName: 'Agathe Agenda' });
    const page = await browsers.open('person');
    await signIn(page, api.url, person, '/account');
    const section = page.getByTestId('calendar-section');
    await section.getByRole('heading', { name: 'Calendrier' }).waitFor();
    await expect(section.textContent()).resolves.toContain('Google Agenda');

    await page.getByTestId('calendar-show').click();
    const field = page.getByTestId('calendar-url');
    await field.waitFor();
    await expectAccessible(page);
    const first = await field.inputValue();
    expect(first).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await field.getAttribute('readonly')).not.toBeNull();
    // The field is labelled, and focusing it selects the whole address.
    await page.getByLabel('Lien d’abonnement (iCalendar)').focus();
    expect(await field.evaluate((input: HTMLInputElement) => input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0))).toBe(
      first,
    );
    await page.getByTestId('calendar-copy').click();
    await page.getByText(/Lien copié\.|La copie a échoué/).waitFor();

    const path = (url: string) => new URL(url).pathname;
    expect((await client.get(path(first))).status).toBe(200);

    await page.getByTestId('calendar-regenerate').click();
    await page.getByRole('alertdialog').waitFor();
    await expectAccessible(page);
    await page.getByTestId('confirm-accept').click();
    await page.getByTestId('calendar-message').getByText('Nouveau lien créé', { exact: false }).waitFor();
    const second = await field.inputValue();
    expect(second).not.toBe(first);
    expect((await client.get(path(first))).status).toBe(404);
    expect((await client.get(path(second))).status).toBe(200);

    // Turned off with the keyboard, after confirming.
    await page.getByTestId('calendar-revoke').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog').waitFor();
    await page.getByTestId('confirm-accept').press('Enter');
    await page.getByTestId('calendar-show').waitFor();
    expect((await client.get(path(second))).status).toBe(404);
    await expectAccessible(page);
  });
});
