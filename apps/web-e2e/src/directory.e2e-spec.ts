import {
  ApiClient,
  GOOD_PASSWORD,
  createTestDatabase,
  startApiProcess,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import { openBrowser, screenshot, seriousAccessibilityViolations, signIn, type Browser } from './support/browser';

const ADMIN_EMAIL = 'admin.directory@alliances.test';
const LYON = '69123';
const PARIS = '75056';
const AUVERGNE_RHONE_ALPES = 'R84';
const NAME = 'Épicerie Solidaire du Rhône';

describe('partner directory in Chromium: an admin lists the profile, another organisation finds it', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let client: ApiClient;
  let owner: Session;
  let searcher: Session;
  let organisationId: string;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({
      databaseUrl: db.url,
      env: { ADMIN_EMAIL, ADMIN_PASSWORD: GOOD_PASSWORD, AUTH_THROTTLE_IP_PER_MINUTE: '10000', AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000' },
    });
    client = new ApiClient(api.url);
    const admin = await client.login(ADMIN_EMAIL);
    owner = await client.signUp({ displayName: 'Dominique Épicière' });
    searcher = await client.signUp({ displayName: 'Alex Garagiste' });
    const organisation = await client.applyOrganisation(owner, { name: NAME, territoryCode: LYON });
    const other = await client.applyOrganisation(searcher, { name: 'Garage Numérique Parisien', territoryCode: PARIS });
    await client.approveOrganisation(admin, organisation.id);
    await client.approveOrganisation(admin, other.id);
    organisationId = organisation.id;
  }, 120_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await api?.stop();
    await db?.drop();
  });

  it('lets the admin describe the organisation and list it in the directory', async () => {
    const browser = await openBrowser();
    browsers.push(browser);
    const { page } = browser;
    await signIn(page, api.url, owner, `/organisations/${organisationId}`);
    await page.getByTestId('link-edit-profile').click();
    await page.waitForURL(`**/organisations/${organisationId}/profile`);
    await page.getByTestId('profile-description').fill('Une épicerie où chacun paie selon ses moyens, et un atelier de réemploi.');
    await page.getByTestId('profile-website').fill('https://epicerie-rhone.example.org');
    await page.getByTestId('domain-food').click();
    await page.getByTestId('seeks-financial').locator('input').check();
    await page.getByTestId('offers-skills').locator('input').check();
    await page.getByTestId('house-volunteers').fill('25');
    await page.getByTestId('profile-open').locator('button').click();
    await page.getByTestId('profile-listed').locator('button').click();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByTestId('profile-save').click();
    await page.getByTestId('profile-feedback').waitFor();
    expect((await page.getByTestId('profile-feedback').textContent())?.trim()).toContain("figure dans l'annuaire");
    await screenshot(page, 'directory-profile-edit');
  }, 90_000);

  it('lets another organisation find it by région and an accent-free search, on the map, and open its card', async () => {
    const browser = await openBrowser();
    browsers.push(browser);
    const { page } = browser;
    await signIn(page, api.url, searcher, '/annuaire');
    await page.getByTestId('directory-territory').pressSequentially('Auvergne');
    await page.getByTestId(`territory-${AUVERGNE_RHONE_ALPES}`).click();
    await page.waitForURL((url) => url.searchParams.get('territory') === AUVERGNE_RHONE_ALPES);
    await page.getByTestId('directory-q').fill('epicerie solidaire');
    await page.waitForURL((url) => url.searchParams.get('q') === 'epicerie solidaire');

    const card = page.getByTestId('directory-card').filter({ hasText: NAME });
    await card.waitFor();
    await expect(page.getByTestId('directory-card').count()).resolves.toBe(1);
    expect(await card.textContent()).toContain('Lyon');

    await page.getByText('Voir les chiffres par département').click();
    const rhone = page.locator('[data-testid="map-row"][data-code="69"]');
    await rhone.waitFor();
    expect((await rhone.getByTestId('map-count').textContent())?.trim()).toBe('1');
    await page.locator('[data-testid="directory-map"] canvas, [data-testid="directory-map"] svg').first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'directory-search');

    await card.getByTestId('directory-card-link').click();
    await page.waitForURL(`**/annuaire/${organisationId}`);
    expect((await page.getByTestId('directory-card-name').textContent())?.trim()).toBe(NAME);
    expect(await page.locator('main, body').first().textContent()).toContain('atelier de réemploi');
    await page.getByTestId('propose-open').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'directory-card');
  }, 90_000);
});
