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
  ADMIN_EMAIL: 'admin@evaluations-web.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};

describe('partnership evaluation in Chromium', () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let browser: Browser;
  let lead: Session[];
  let partner: Session[];
  let campaignId: string;
  let questionCount: number;
  const logs: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    api = new ApiClient(proc.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    const [leadAdmin, partnerAdmin] = await Promise.all([
      api.signUp({ displayName: 'Camille Pilote' }),
      api.signUp({ displayName: 'Sacha Partenaire' }),
    ]);
    const approve = async (s: Session, name: string) => {
      const o = await api.applyOrganisation(s, { name });
      await api.approveOrganisation(admin, o.id);
      return o.id as string;
    };
    const leadOrg = await approve(leadAdmin, 'Les Jardins Partagés');
    const partnerOrg = await approve(partnerAdmin, 'Énergies Solidaires');
    lead = [leadAdmin];
    partner = [partnerAdmin];
    for (let i = 0; i < 2; i++) {
      lead.push(await api.addMember(leadAdmin, leadOrg, 'member', proc.dataDir));
      partner.push(await api.addMember(partnerAdmin, partnerOrg, 'member', proc.dataDir));
    }
    const alliance = await api.post(
      '/api/alliances',
      {
        name: 'Alliance des jardins solaires',
        purpose: 'Des jardins partagés éclairés au solaire.',
        category: 'societal_innovation',
        collectiveObjectives: ['territory'],
        domains: [],
        scale: 'local',
        territoryCodes: [],
        organisationId: leadOrg,
      },
      { token: leadAdmin.accessToken },
    );
    const allianceId = alliance.body.id as string;
    await api.post(
      `/api/alliances/${allianceId}/members`,
      { organisationId: partnerOrg, role: 'partner' },
      { token: leadAdmin.accessToken },
    );
    const accepted = await api.post(`/api/alliances/${allianceId}/members/${partnerOrg}/accept`, undefined, {
      token: partnerAdmin.accessToken,
    });
    expect(accepted.status).toBe(200);
    const launched = await api.post(
      `/api/alliances/${allianceId}/evaluations`,
      { title: 'Évaluation 2026', closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
      { token: leadAdmin.accessToken },
    );
    expect(launched.status).toBe(201);
    campaignId = launched.body.id;
    questionCount = launched.body.questions.length;
    // Two members of each organisation answer through the API; one of each through the browser.
    for (const [i, s] of [lead[1], lead[2], partner[1], partner[2]].entries()) {
      const answers = launched.body.questions.map((q: { id: string }) => ({ questionId: q.id, score: (i % 2) + 3 }));
      const res = await api.call('PUT', `/api/evaluations/${campaignId}/responses/me`, {
        token: s.accessToken,
        body: { answers, submit: true },
      });
      expect(res.status).toBe(200);
    }
    browser = await openBrowser();
  }, 120_000);

  afterAll(async () => {
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

  async function answer(page: Page, score: (i: number) => number): Promise<void> {
    await page.goto(`${proc.url}/evaluations/${campaignId}`);
    await page
      .getByTestId('score-0-1')
      .waitFor({ timeout: 10_000 })
      .catch(async (e) => {
        console.log(page.url(), await page.locator('body').innerText(), logs.join('\n'));
        throw e;
      });
    for (let i = 0; i < questionCount; i++) await page.getByTestId(`score-${i}-${score(i)}`).check();
    await page.getByTestId('comment-0').fill('Les comités mensuels nous ont beaucoup aidés.');
    await page.getByTestId('submit-answers').click();
    await page.getByTestId('questionnaire-feedback').waitFor();
    expect(await page.getByTestId('questionnaire-feedback').textContent()).toContain('vos réponses sont envoyées');
  }

  it('lets a member of each organisation answer, then the lead closes and reads the results', async () => {
    const { page } = browser;
    page.on('console', (m) => logs.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && logs.push(`${r.status()} ${r.url()}`));

    await signIn(page, partner[0]);
    await answer(page, (i) => (i % 2 ? 2 : 1));

    await signIn(page, lead[0]);
    await page.goto(`${proc.url}/evaluations/${campaignId}`);
    await page.getByTestId('score-0-1').waitFor();
    expect(await page.getByTestId('confidentiality').textContent()).toContain('confidentielles');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByTestId('score-0-5').check();
    await page.getByTestId('draft-status').filter({ hasText: 'Brouillon enregistré' }).waitFor();
    await answer(page, () => 5);

    await page.getByTestId('close-evaluation').click();
    await page.getByTestId('confirm-accept').click();
    await page.getByTestId('results-link').click();
    await page.waitForURL((url) => url.pathname.endsWith('/results'));
    // The summary comes first; the tables and each question stay closed until opened.
    await page.getByTestId('results-summary').waitFor();
    expect(await page.getByTestId('takeaway-strongest').textContent()).toContain('Point fort');
    await page.getByTestId('radar-chart').locator('canvas').waitFor();
    const questionHeaders = page.getByTestId('question-header');
    expect(await questionHeaders.count()).toBe(questionCount);
    expect(await questionHeaders.evaluateAll((headers) => headers.every((h) => h.getAttribute('aria-expanded') === 'false'))).toBe(true);
    const collapsedHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    await screenshot(page, 'evaluation-results-summary');

    // A question opens from the keyboard.
    await questionHeaders.first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="question-header"]')?.getAttribute('aria-expanded') === 'true');
    await page.getByTestId('question-result').first().getByText('Les comités mensuels nous ont beaucoup aidés.').first().waitFor();

    // Everything open, the page is the old long page: closed, it is a fraction of it.
    for (const panel of ['radar-table-panel', 'gap-table-panel', 'trend-table-panel'])
      if (await page.getByTestId(panel).count()) await page.getByTestId(panel).locator('mat-expansion-panel-header').click();
    for (const header of await questionHeaders.all()) if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    const expandedHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    process.stdout.write(`results page height: ${collapsedHeight} px closed, ${expandedHeight} px open\n`);
    expect(collapsedHeight).toBeLessThan(expandedHeight * 0.6);
    // It was about 7,500 px with every question laid out.
    expect(collapsedHeight).toBeLessThan(4500);
    await page.getByTestId('radar-table').waitFor();

    const series = (await page.getByTestId('radar-series').allTextContents()).map((s) => s.trim());
    expect(series).toEqual(expect.arrayContaining(['Les Jardins Partagés', 'Énergies Solidaires', 'Moyenne générale']));
    expect(series).toHaveLength(3);
    const gapRows = page.getByTestId('gap-row');
    expect(await gapRows.count()).toBe(13);
    expect(await gapRows.first().textContent()).toMatch(/\d/);
    expect(await page.getByText('Les comités mensuels nous ont beaucoup aidés.').count()).toBeGreaterThan(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'evaluation-results');
  }, 90_000);
});
