import {
  ApiClient,
  GOOD_PASSWORD,
  createTestDatabase,
  startApiProcess,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import type { Page } from 'playwright-core';
import { openBrowser, screenshot, seriousAccessibilityViolations, type Browser } from './support/browser';

const ENV = {
  ADMIN_EMAIL: 'admin@observatory-web.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};

/** Six alliances of the same two organisations in Lyon (Auvergne-Rhône-Alpes), mécénat, half in health and half in food. */
const ALLIANCES = [
  { name: 'Santé des aidants 1', domain: 'health' },
  { name: 'Santé des aidants 2', domain: 'health' },
  { name: 'Santé des aidants 3', domain: 'health' },
  { name: 'Paniers solidaires 1', domain: 'food' },
  { name: 'Paniers solidaires 2', domain: 'food' },
  { name: 'Paniers solidaires 3', domain: 'food' },
];

describe('observatory of alliances in Chromium', () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let browser: Browser;
  let leadAdmin: Session;
  let partnerAdmin: Session;
  let partnerOrg: string;
  /** The last alliance: the lead opts it in and the partner consents through the browser. */
  let lastId: string;
  let lastCampaign: string;
  const logs: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    api = new ApiClient(proc.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    [leadAdmin, partnerAdmin] = await Promise.all([
      api.signUp({ displayName: 'Camille Pilote' }),
      api.signUp({ displayName: 'Sacha Partenaire' }),
    ]);
    const leadOrg = (await api.applyOrganisation(leadAdmin, { name: 'Les Jardins Partagés' })).id as string;
    partnerOrg = (await api.applyOrganisation(partnerAdmin, { name: 'Mutuelle Solidaire' })).id as string;
    await api.approveOrganisation(admin, leadOrg);
    await api.approveOrganisation(admin, partnerOrg);
    // Three respondents in each organisation.
    const leads = [leadAdmin];
    const partners = [partnerAdmin];
    for (let i = 0; i < 2; i++) {
      leads.push(await api.addMember(leadAdmin, leadOrg, 'member', proc.dataDir));
      partners.push(await api.addMember(partnerAdmin, partnerOrg, 'member', proc.dataDir));
    }
    for (const [n, a] of ALLIANCES.entries()) {
      const created = await api.post(
        '/api/alliances',
        {
          name: a.name,
          purpose: 'Des services de proximité pour les familles.',
          category: 'philanthropy',
          collectiveObjectives: ['engagement'],
          domains: [a.domain],
          scale: 'local',
          territoryCodes: ['69123'],
          organisationId: leadOrg,
        },
        { token: leadAdmin.accessToken },
      );
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      const A = `/api/alliances/${id}`;
      expect(
        (await api.post(`${A}/members`, { organisationId: partnerOrg, role: 'partner' }, { token: leadAdmin.accessToken })).status,
      ).toBe(201);
      expect((await api.post(`${A}/members/${partnerOrg}/accept`, undefined, { token: partnerAdmin.accessToken })).status).toBe(200);
      const launched = await api.post(
        `${A}/evaluations`,
        { title: 'Évaluation 2026', closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
        { token: leadAdmin.accessToken },
      );
      expect(launched.status).toBe(201);
      for (const [i, s] of [...leads, ...partners].entries()) {
        const answers = launched.body.questions.map((q: { id: string }, j: number) => ({ questionId: q.id, score: 2 + ((i + j + n) % 4) }));
        const res = await api.call('PUT', `/api/evaluations/${launched.body.id}/responses/me`, {
          token: s.accessToken,
          body: { answers, submit: true },
        });
        expect(res.status).toBe(200);
      }
      expect((await api.post(`/api/evaluations/${launched.body.id}/close`, undefined, { token: leadAdmin.accessToken })).status).toBe(200);
      if (n < ALLIANCES.length - 1) {
        // Opted in with both organisations' consent, through the API.
        expect((await api.call('PUT', `${A}/observatory`, { token: leadAdmin.accessToken, body: { optIn: true } })).status).toBe(200);
        for (const [s, org] of [
          [leadAdmin, leadOrg],
          [partnerAdmin, partnerOrg],
        ] as const) {
          const res = await api.post(`${A}/observatory/consents`, { organisationId: org }, { token: s.accessToken });
          expect([200, 201]).toContain(res.status);
        }
        expect((await api.get(`${A}/observatory`, { token: leadAdmin.accessToken })).body.status).toBe('in');
      } else {
        lastId = id;
        lastCampaign = launched.body.id;
      }
    }
    browser = await openBrowser();
    browser.page.on('console', (m) => logs.push(m.text()));
    browser.page.on('response', (r) => r.status() >= 400 && logs.push(`${r.status()} ${r.url()}`));
  }, 240_000);

  afterAll(async () => {
    if (logs.length) console.log(logs.slice(-30).join('\n'));
    await browser?.close();
    await proc?.stop();
    await db?.drop();
  });

  async function signIn(page: Page, s: Session): Promise<void> {
    await page.context().clearCookies();
    await page.goto(`${proc.url}/sign-in`);
    await page.getByTestId('sign-in-email').fill(s.email);
    await page.getByTestId('sign-in-password').fill(s.password);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  }

  it('lets the lead take the alliance into the observatory and the partner consent', async () => {
    const { page } = browser;
    await signIn(page, leadAdmin);
    await page.goto(`${proc.url}/alliances/${lastId}`);
    await page.getByTestId('link-observatory').click();
    await page.waitForURL((url) => url.pathname.endsWith('/observatory'));
    const status = page.getByTestId('participation-status');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('off');
    expect((await status.textContent())?.trim()).toBe('Ne participe pas');
    // The toggle answers the keyboard.
    await page.getByTestId('participation-toggle').locator('button').focus();
    await page.keyboard.press('Space');
    await page.locator('[data-testid="participation-status"][data-status="awaiting_consent"]').waitFor();
    expect(await page.getByTestId('participation-message').textContent()).toContain('chaque organisation partenaire');
    const rows = page.getByTestId('observatory-consent-row');
    expect(await rows.count()).toBe(2);
    // The lead's admin consents for the lead organisation; the partner's row waits on its admin.
    await rows.filter({ hasText: 'Les Jardins Partagés' }).getByTestId('observatory-consent').click();
    await page
      .locator('[data-testid="observatory-consent-row"][data-organisation="Les Jardins Partagés"][data-consented="true"]')
      .waitFor();
    expect(await rows.filter({ hasText: 'Mutuelle Solidaire' }).getByTestId('observatory-consent').count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await signIn(page, partnerAdmin);
    await page.goto(`${proc.url}/alliances/${lastId}/observatory`);
    await page.getByTestId('observatory-consent').click();
    await page.locator('[data-testid="participation-status"][data-status="in"]').waitFor();
    expect((await page.getByTestId('participation-status').textContent())?.trim()).toBe('Participe à l’observatoire');
    expect(await page.getByTestId('participation-message').textContent()).toContain('Tous les partenaires ont consenti');
    // The partner cannot turn the participation off; it can withdraw its own consent.
    expect(await page.getByTestId('participation-toggle').count()).toBe(0);
    expect(await page.getByTestId('observatory-withdraw').count()).toBe(1);
    await screenshot(page, 'observatory-participation');
  }, 90_000);

  it('shows the région with its six alliances, and withholds what narrows to fewer than five', async () => {
    const { page } = browser;
    await page.getByTestId('nav-observatory').click();
    await page.waitForURL((url) => url.pathname === '/observatory');
    const row = page.getByTestId('observatory-group-row').filter({ hasText: 'Auvergne-Rhône-Alpes' });
    await row.waitFor();
    expect((await row.getByTestId('observatory-group-count').textContent())?.trim()).toBe('6');
    expect(await page.getByTestId('observatory-total').textContent()).toContain('6 alliances, dont 6 évaluées');
    await page.getByTestId('observatory-status-chart').locator('canvas').waitFor();
    await page.getByTestId('observatory-means-chart').locator('canvas').waitFor();
    expect(await page.getByTestId('observatory-licence').textContent()).toContain('Licence Ouverte');
    expect(await page.getByTestId('observatory-csv').getAttribute('href')).toBe('/api/public/observatory.csv');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'observatory');

    // Health only: three alliances, too few to show anything.
    await page.getByTestId('observatory-filter-domain').click();
    await page.getByRole('option', { name: 'Santé' }).click();
    await page.getByTestId('observatory-total-withheld').waitFor();
    expect(await page.getByTestId('observatory-withheld').textContent()).toMatch(/1 groupes masqués \(moins de 5 alliances/);
    expect(await page.getByTestId('observatory-group-row').count()).toBe(0);
    expect(await page.getByTestId('observatory-no-group').isVisible()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }, 90_000);

  it('compares the alliance with similar ones on its results page', async () => {
    const { page } = browser;
    await signIn(page, leadAdmin);
    await page.goto(`${proc.url}/evaluations/${lastCampaign}/results`);
    const peers = page.getByTestId('benchmark-peers');
    await peers.waitFor({ timeout: 15_000 });
    const text = (await peers.textContent()) ?? '';
    expect(text).toMatch(/Comparé à \d+ alliances de la même catégorie \(Mécénat\)/);
    expect(Number(/Comparé à (\d+)/.exec(text)?.[1])).toBeGreaterThanOrEqual(5);
    await page.getByTestId('benchmark-chart').locator('canvas').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'observatory-benchmark');
  }, 60_000);
});
