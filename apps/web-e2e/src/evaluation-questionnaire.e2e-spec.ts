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
  ADMIN_EMAIL: 'admin@questionnaire-web.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};

interface Question {
  id: string;
  block?: string;
}

describe('evaluation questionnaire in Chromium: objective blocks, the magic-square question, the schedule', () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let browser: Browser;
  let lead: Session;
  let partner: Session[];
  let allianceId: string;
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
    const leadOrg = await approve(leadAdmin, 'Les Ateliers du Lien');
    const partnerOrg = await approve(partnerAdmin, 'Énergies Solidaires');
    lead = leadAdmin;
    partner = [partnerAdmin];
    for (let i = 0; i < 2; i++) partner.push(await api.addMember(partnerAdmin, partnerOrg, 'member', proc.dataDir));
    allianceId = (
      await api.post(
        '/api/alliances',
        {
          name: 'Alliance des ateliers solaires',
          purpose: 'Des ateliers de réparation éclairés au solaire.',
          category: 'societal_innovation',
          collectiveObjectives: ['innovation', 'performance'],
          domains: [],
          scale: 'local',
          territoryCodes: [],
          organisationId: leadOrg,
        },
        { token: leadAdmin.accessToken },
      )
    ).body.id;
    await api.post(
      `/api/alliances/${allianceId}/members`,
      { organisationId: partnerOrg, role: 'partner' },
      { token: leadAdmin.accessToken },
    );
    expect(
      (await api.post(`/api/alliances/${allianceId}/members/${partnerOrg}/accept`, undefined, { token: partnerAdmin.accessToken })).status,
    ).toBe(200);
    const objective = await api.call('PUT', `/api/alliances/${allianceId}/members/${partnerOrg}/objective`, {
      token: partnerAdmin.accessToken,
      body: { square: ['value_proposition'], expectations: 'De nouveaux services', contributions: {} },
    });
    expect(objective.status).toBe(200);
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

  it('the lead unticks a block at launch and schedules the next evaluation; a partner answers the blocks and the square question, then reads what the alliance brings it', async () => {
    const { page } = browser;
    page.on('console', (m) => logs.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && logs.push(`${r.status()} ${r.url()}`));

    // The lead launches, leaving the performance block out.
    await signIn(page, lead);
    await page.goto(`${proc.url}/alliances/${allianceId}/evaluations`);
    await page.getByTestId('launch-evaluation').click();
    await page.getByTestId('launch-blocks').waitFor();
    expect(await page.getByTestId('launch-blocks').textContent()).toContain('innovation sociétale');
    await page.getByTestId('launch-block-performance').locator('input').uncheck();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByTestId('launch-submit').click();
    await page.getByTestId('campaigns-feedback').waitFor();
    const [summary] = (await api.get(`/api/alliances/${allianceId}/evaluations`, { token: lead.accessToken })).body as { id: string }[];
    const campaignId = summary.id;

    // The scheduled evaluation: suggested yearly until the lead saves it.
    const schedule = page.getByTestId('evaluation-schedule');
    expect(await schedule.getByTestId('schedule-suggestion').textContent()).toContain('une évaluation par an');
    await page.getByTestId('schedule-rhythm').selectOption('half_yearly');
    const next = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('schedule-next').fill(next);
    await page.getByTestId('schedule-save').click();
    await page.getByTestId('schedule-feedback').filter({ hasText: 'planning est enregistré' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const saved = (await api.get(`/api/alliances/${allianceId}/evaluation-schedule`, { token: partner[0].accessToken })).body;
    expect(saved).toMatchObject({ configured: true, rhythm: 'half_yearly', nextLaunchOn: next });

    // A partner answers: the innovation block under its heading, no performance block, the square question with its objective.
    await signIn(page, partner[0]);
    await page.goto(`${proc.url}/evaluations/${campaignId}`);
    await page
      .getByTestId('block-innovation')
      .waitFor({ timeout: 10_000 })
      .catch(async (e) => {
        console.log(page.url(), await page.locator('body').innerText(), logs.join('\n'));
        throw e;
      });
    expect(await page.getByTestId('block-innovation').locator('legend').textContent()).toContain(
      'Objectif collectif : innovation sociétale',
    );
    expect(await page.getByTestId('block-performance').count()).toBe(0);
    const square = page.getByTestId('block-magic_square');
    expect(await square.locator('legend').textContent()).toContain('carré magique');
    expect(await square.locator('.question-text').textContent()).toContain(
      'L’alliance sert l’objectif de notre organisation : enrichir notre proposition de valeur.',
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'evaluation-questionnaire-blocks');

    const questions = (await api.get(`/api/evaluations/${campaignId}`, { token: partner[0].accessToken })).body.questions as Question[];
    const squareIndex = questions.findIndex((q) => q.block === 'magic_square');
    for (let i = 0; i < questions.length; i++) await page.getByTestId(`score-${i}-${i === squareIndex ? 5 : 4}`).check();
    await page.getByTestId('submit-answers').click();
    await page.getByTestId('questionnaire-feedback').filter({ hasText: 'vos réponses sont envoyées' }).waitFor();

    // Two colleagues answer through the API (3 for the threshold), the lead closes.
    for (const [i, s] of partner.slice(1).entries()) {
      const res = await api.call('PUT', `/api/evaluations/${campaignId}/responses/me`, {
        token: s.accessToken,
        body: { answers: questions.map((q) => ({ questionId: q.id, score: q.block === 'magic_square' ? 3 + i : 3 })), submit: true },
      });
      expect(res.status).toBe(200);
    }
    expect((await api.post(`/api/evaluations/${campaignId}/close`, undefined, { token: lead.accessToken })).status).toBe(200);

    await page.goto(`${proc.url}/evaluations/${campaignId}/results`);
    const served = page.getByTestId('square-served');
    await served.waitFor();
    expect(await served.locator('h2').textContent()).toContain("Ce que l'alliance apporte à chaque partenaire");
    expect(await served.textContent()).toContain('à partir de 3 répondants');
    const row = served.getByTestId('square-served-row');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('Énergies Solidaires');
    expect(await row.textContent()).toContain('Proposition de valeur');
    // (5 + 3 + 4) / 3 = 4
    expect(await row.getByTestId('square-served-mean').textContent()).toContain('4');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'evaluation-square-served');
  }, 120_000);
});
