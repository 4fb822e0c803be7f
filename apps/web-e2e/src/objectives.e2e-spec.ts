import {
  ApiClient,
  GOOD_PASSWORD,
  createTestDatabase,
  startApiProcess,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import { openBrowser, screenshot, seriousAccessibilityViolations, type Browser } from './support/browser';

const ADMIN_EMAIL = 'admin.objectives@alliances.test';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('shared objectives in Chromium', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let browser: Browser;
  let client: ApiClient;
  let partner: Session;
  let allianceId: string;
  let indicatorId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({
      databaseUrl: db.url,
      env: { ADMIN_EMAIL, ADMIN_PASSWORD: GOOD_PASSWORD, AUTH_THROTTLE_IP_PER_MINUTE: '10000', AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000' },
    });
    client = new ApiClient(api.url);
    const admin = await client.login(ADMIN_EMAIL);
    const lead = await client.signUp({ displayName: 'Camille Pilote' });
    partner = await client.signUp({ displayName: 'Sacha Partenaire' });
    const leadOrg = await client.applyOrganisation(lead, { name: 'Les Jardins Partagés' });
    const partnerOrg = await client.applyOrganisation(partner, { name: 'Entraide Val de Saône' });
    await client.approveOrganisation(admin, leadOrg.id);
    await client.approveOrganisation(admin, partnerOrg.id);
    const token = { token: lead.accessToken };
    const alliance = await client.post(
      '/api/alliances',
      {
        name: 'Emploi en Val de Saône',
        purpose: 'Ramener vers l’emploi les habitants du territoire.',
        category: 'economic_cooperation',
        collectiveObjectives: ['territory'],
        domains: ['employment'],
        scale: 'local',
        territoryCodes: [],
        organisationId: leadOrg.id,
      },
      token,
    );
    expect(alliance.status).toBe(201);
    allianceId = alliance.body.id;
    expect(
      (await client.post(`/api/alliances/${allianceId}/members`, { organisationId: partnerOrg.id, role: 'partner' }, token)).status,
    ).toBe(201);
    const accepted = await client.post(`/api/alliances/${allianceId}/members/${partnerOrg.id}/accept`, undefined, {
      token: partner.accessToken,
    });
    expect([200, 201]).toContain(accepted.status);
    const objective = await client.post(
      `/api/alliances/${allianceId}/objectives`,
      {
        title: 'Accompagner 200 personnes vers l’emploi',
        collectiveObjective: 'territory',
        description: 'Avec les entreprises du territoire.',
      },
      token,
    );
    expect(objective.status).toBe(201);
    const indicator = await client.post(
      `/api/objectives/${objective.body.id}/indicators`,
      {
        name: 'Personnes accompagnées',
        unit: 'personnes',
        baseline: 0,
        target: 200,
        startDate: day(-100),
        targetDate: day(100),
        direction: 'increase',
        ownerOrganisationId: leadOrg.id,
      },
      token,
    );
    expect(indicator.status).toBe(201);
    indicatorId = indicator.body.id;
    browser = await openBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await db?.drop();
  });

  it('lets a partner record a check-in that updates the status, the chart and the board', async () => {
    const { page } = browser;
    await page.goto(`${api.url}/sign-in`);
    await page.getByTestId('sign-in-email').fill(partner.email);
    await page.getByTestId('sign-in-password').fill(partner.password);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

    await page.goto(`${api.url}/alliances/${allianceId}/indicators/${indicatorId}`);
    await page.getByTestId('indicator-title').waitFor();
    expect(await page.getByTestId('indicator-status').getAttribute('data-status')).toBe('no_data');
    expect((await page.getByTestId('indicator-status').textContent())?.trim()).toContain('Pas de donnée');
    await expect(page.locator('[data-testid="chart-actual-row"]').count()).resolves.toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByTestId('checkin-value').fill('120');
    await page.getByTestId('checkin-confidence').fill('4');
    await page.getByTestId('checkin-note').fill('Après le forum de l’emploi');
    await page.getByTestId('checkin-submit').click();
    await page.locator('[data-testid="indicator-status"]:not([data-status="no_data"])').waitFor();
    const status = await page.getByTestId('indicator-status').getAttribute('data-status');
    expect(['on_track', 'achieved']).toContain(status);
    expect(await page.getByTestId('indicator-progress').textContent()).toContain('60 %');
    await expect(page.locator('[data-testid="chart-actual-row"]').count()).resolves.toBe(1);
    expect(await page.locator('[data-testid="chart-actual-row"]').textContent()).toContain('120');
    await expect(page.locator('[data-testid="checkin-row"]').count()).resolves.toBe(1);
    await page.locator('[data-testid="indicator-chart"] canvas').first().waitFor();

    await page.goto(`${api.url}/alliances/${allianceId}/objectives`);
    await page.getByTestId('objective-card').first().waitFor();
    const row = page.getByTestId('indicator-row').first();
    expect(await row.locator('[data-testid="status-chip"]').getAttribute('data-status')).toBe(status);
    expect(await page.getByTestId('objective-progress').first().textContent()).toContain('60 %');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'objectives-board');
  }, 60_000);
});
