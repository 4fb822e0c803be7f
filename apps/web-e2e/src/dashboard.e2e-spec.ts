import { ApiClient, createTestDatabase, GOOD_PASSWORD, startApiProcess, type ApiProcess, type TestDatabase } from '@alliances/e2e/support';
import { browserPool, expectAccessible, screenshot, signIn } from './support/browser';
import { allianceOfTwo } from './support/alliance-of-two';

const ADMIN_EMAIL = 'admin@dashboard-web.test';

describe('the signed-in person’s home page in Chromium', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let client: ApiClient;
  const errors: string[] = [];
  const browsers = browserPool(errors);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({
      databaseUrl: db.url,
      env: { ADMIN_EMAIL, ADMIN_PASSWORD: GOOD_PASSWORD, AUTH_THROTTLE_IP_PER_MINUTE: '10000', AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000' },
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

  it('a partner sees the charter to sign on the home page, follows the link, signs, and the item is gone when back home', async () => {
    const { camille, sacha, leadOrg, partnerOrg, allianceId } = await allianceOfTwo(client, ADMIN_EMAIL);
    const A = `/api/alliances/${allianceId}`;
    const version = await client.post(`${A}/charter/versions`, undefined, { token: camille.accessToken });
    expect(version.status).toBe(201);
    expect(
      (
        await client.post(
          `${A}/charter/versions/1/signatures`,
          { organisationId: leadOrg, sha256: version.body.sha256 },
          { token: camille.accessToken },
        )
      ).status,
    ).toBe(201);

    const page = await browsers.open('partner');
    await signIn(page, api.url, sacha, '/');
    const todo = page.getByTestId('dashboard-todo');
    const toSign = todo.getByRole('link', { name: 'Signer la version 1 de la charte' });
    await toSign.waitFor();
    await expect(todo.locator('[data-testid="todo-item"][data-kind="sign_charter"]').innerText()).resolves.toContain(
      'Alliance des aidants',
    );
    const card = page.getByTestId('dashboard-alliance').filter({ hasText: 'Alliance des aidants' });
    await card.getByText('Version proposée à la signature').waitFor();
    await card.getByText('1 signature(s) attendue(s)').waitFor();
    await page.getByRole('heading', { level: 2, name: 'À faire' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Mes alliances' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'dashboard');

    await toSign.click();
    await page.waitForURL((url) => url.pathname === `/alliances/${allianceId}/charter/signatures`);
    await page.getByTestId(`sign-${partnerOrg}`).click();
    await page.getByTestId('confirm-accept').click();
    await page.getByTestId('signature-feedback').waitFor();

    await page.goto(`${api.url}/`);
    await page.getByTestId('dashboard-todo-empty').waitFor();
    expect(await page.getByRole('link', { name: 'Signer la version 1 de la charte' }).count()).toBe(0);
    await card.getByText('Version 1 en vigueur').waitFor();
    await expectAccessible(page);
  }, 120_000);

  it('a visitor still gets the public home page at /', async () => {
    const page = await browsers.open('visitor');
    await page.goto(`${api.url}/`);
    await page.getByTestId('home-title').waitFor();
    expect(await page.getByTestId('dashboard-todo').count()).toBe(0);
  }, 60_000);
});
