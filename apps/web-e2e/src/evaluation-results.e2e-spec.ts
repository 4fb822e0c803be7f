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

const ENV = {
  ADMIN_EMAIL: 'admin@evaluation-results-web.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};

/** Results by focus, group and profile, the multi-year trend and the value created, as a partner reads them (issue 18). */
describe('evaluation results by focus and over the years in Chromium', () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let browser: Browser;
  let lead: Session[];
  let allianceId: string;
  const campaigns: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    api = new ApiClient(proc.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    const [leadAdmin, partnerAdmin] = await Promise.all([api.signUp({ displayName: 'Camille Pilote' }), api.signUp()]);
    const approve = async (s: Session, name: string, profile: string, ident: Record<string, unknown> = {}) => {
      const o = await api.applyOrganisation(s, { name, profile, ...ident });
      await api.approveOrganisation(admin, o.id);
      return o.id as string;
    };
    const leadOrg = await approve(leadAdmin, 'Les Jardins Partagés', 'association');
    const partnerOrg = await approve(partnerAdmin, 'Énergies Solidaires SA', 'company', { rna: undefined, siren: '732829320' });
    lead = [leadAdmin];
    const partner = [partnerAdmin];
    for (let i = 0; i < 2; i++) {
      lead.push(await api.addMember(leadAdmin, leadOrg, 'member', proc.dataDir));
      partner.push(await api.addMember(partnerAdmin, partnerOrg, 'member', proc.dataDir));
    }
    allianceId = (
      await api.post(
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
      )
    ).body.id;
    await api.post(
      `/api/alliances/${allianceId}/members`,
      { organisationId: partnerOrg, role: 'partner' },
      { token: leadAdmin.accessToken },
    );
    await api.post(`/api/alliances/${allianceId}/members/${partnerOrg}/accept`, undefined, { token: partnerAdmin.accessToken });
    // Two yearly campaigns of the default questionnaire, each answered by the six people and closed.
    for (const [title, leadScore, partnerScore] of [
      ['Évaluation 2025', 3, 2],
      ['Évaluation 2026', 4, 5],
    ] as const) {
      const launched = await api.post(
        `/api/alliances/${allianceId}/evaluations`,
        { title, closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
        { token: leadAdmin.accessToken },
      );
      if (launched.status !== 201) throw new Error(`launch ${launched.status} ${launched.text}`);
      for (const [people, score] of [
        [lead, leadScore],
        [partner, partnerScore],
      ] as const)
        for (const s of people) {
          const answers = launched.body.questions.map((q: { id: string }) => ({ questionId: q.id, score }));
          const res = await api.call('PUT', `/api/evaluations/${launched.body.id}/responses/me`, {
            token: s.accessToken,
            body: { answers, submit: true },
          });
          if (res.status !== 200) throw new Error(`answer ${res.status} ${res.text}`);
        }
      await api.post(`/api/evaluations/${launched.body.id}/close`, undefined, { token: leadAdmin.accessToken });
      campaigns.push(launched.body.id);
    }
    await api.post(
      `/api/alliances/${allianceId}/contributions`,
      { organisationId: partnerOrg, kind: 'skills', description: 'Mécénat de compétences', valuation: 2500 },
      { token: partnerAdmin.accessToken },
    );
    browser = await openBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await proc?.stop();
    await db?.drop();
  });

  it('shows the focus means, the profiles from 3 respondents and the trend across both campaigns, accessibly', async () => {
    const { page } = browser;
    await signIn(page, proc.url, lead[0], `/evaluations/${campaigns[1]}/results`);
    await page.getByTestId('focus-section').waitFor();
    expect(await page.locator('#focus-heading').textContent()).toContain('Produit, équilibre, valorisation');
    // Lead 4, partner 5 everywhere: every focus is 4,5 overall, 4,0 and 5,0 per organisation.
    await page.getByTestId('focus-chart').locator('canvas').waitFor();
    const openPanel = async (testId: string) => {
      await page.getByTestId(testId).locator('mat-expansion-panel-header').click();
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    };
    await openPanel('focus-table-panel');
    const focusRows = (await page.getByTestId('focus-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    expect(focusRows).toHaveLength(3);
    expect(focusRows[0]).toBe('Produit 4,5 4,0 5,0 1,0');
    // The groups, then the profiles, one tab each.
    const tabs = page.getByTestId('breakdown-tabs').getByRole('tab');
    await tabs.nth(1).click();
    await page.getByTestId('groups-chart').locator('canvas').waitFor();
    await openPanel('groups-table-panel');
    expect(await page.getByTestId('group-row').count()).toBe(4);
    await tabs.nth(2).click();
    // Three respondents of each profile: both shown, and the rule is said.
    expect(await page.getByTestId('profiles-threshold').textContent()).toContain('à partir de 3 répondants');
    await page.getByTestId('profiles-chart').locator('canvas').waitFor();
    await openPanel('profiles-table-panel');
    const profiles = await page.getByTestId('profile-row').allInnerTexts();
    expect(profiles.map((p) => p.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(/^Association 3 4,0/),
      expect.stringMatching(/^Entreprise 3 5,0/),
    ]);

    // The multi-year trend: one line per focus, both campaigns in order.
    await page.getByTestId('years-section').scrollIntoViewIfNeeded();
    await page.getByTestId('trend-chart').locator('canvas').waitFor();
    await openPanel('years-table-panel');
    const years = (await page.getByTestId('years-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    expect(years).toEqual([
      expect.stringMatching(/^Évaluation 2025 .* 2,5 2,5 2,5$/),
      expect.stringMatching(/^Évaluation 2026 .* 4,5 4,5 4,5$/),
    ]);
    await page.getByTestId('years-view').selectOption('groups');
    await page.getByTestId('years-table').getByText('La relation').waitFor();
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'evaluation-results-focus-trend');
  }, 90_000);

  it('shows the value created beside the campaigns', async () => {
    const { page } = browser;
    await page.goto(`${proc.url}/alliances/${allianceId}/evaluations`);
    await page.getByTestId('value-created').scrollIntoViewIfNeeded();
    await page.getByTestId('value-row').first().waitFor();
    expect((await page.getByTestId('value-contributions').textContent())?.replace(/\s/g, '')).toBe('2500€');
    expect(await page.getByTestId('value-row').count()).toBe(2);
    expect(await page.getByTestId('value-focuses').textContent()).toContain('Valorisation des participations');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'evaluation-value-created');
  }, 60_000);
});
