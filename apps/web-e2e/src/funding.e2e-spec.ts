import { readFileSync } from 'node:fs';
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

const ENV = {
  ADMIN_EMAIL: 'admin@funding-web.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};
/** Amounts as the French interface writes them, whatever the kind of space between the thousands. */
const euros = (digits: string) => new RegExp(`${digits.replace(/ /g, '\\s')}\\s€`);

describe('funders in Chromium', () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let browser: Browser;
  let foundation: Session;
  let lead: Session;
  let funderOrg: string;
  let allianceId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    api = new ApiClient(proc.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    lead = await api.signUp({ displayName: 'Camille Pilote' });
    foundation = await api.signUp({ displayName: 'Dominique Fondation' });
    const leadOrg = (await api.applyOrganisation(lead, { name: 'Association des Aidants' })).id;
    funderOrg = (await api.applyOrganisation(foundation, { name: 'Fondation Solidaire', profile: 'foundation' })).id;
    await api.approveOrganisation(admin, leadOrg);
    await api.approveOrganisation(admin, funderOrg);
    const alliance = await api.post(
      '/api/alliances',
      {
        name: 'Aidants du Rhône',
        purpose: 'Soutenir les aidants familiaux.',
        category: 'philanthropy',
        collectiveObjectives: ['engagement'],
        domains: ['carers'],
        scale: 'local',
        territoryCodes: ['69123'],
        organisationId: leadOrg,
      },
      { token: lead.accessToken },
    );
    expect(alliance.status).toBe(201);
    allianceId = alliance.body.id;
    expect(
      (await api.post(`/api/alliances/${allianceId}/members`, { organisationId: funderOrg, role: 'funder' }, { token: lead.accessToken }))
        .status,
    ).toBe(201);
    expect(
      (await api.post(`/api/alliances/${allianceId}/members/${funderOrg}/accept`, undefined, { token: foundation.accessToken })).status,
    ).toBe(200);
    browser = await openBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await proc?.stop();
    await db?.drop();
  });

  it('lets a foundation’s admin record a grant with a tranche, then find it in the portfolio', async () => {
    const { page } = browser;
    await page.goto(`${proc.url}/sign-in`);
    await page.getByTestId('sign-in-email').fill(foundation.email);
    await page.getByTestId('sign-in-password').fill(foundation.password);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

    // From the alliance's home to its funding space.
    await page.goto(`${proc.url}/alliances/${allianceId}`);
    await page.getByTestId('link-funding').filter({ hasText: 'Financements' }).click();
    await page.waitForURL(`**/alliances/${allianceId}/funding`);
    await page.getByTestId('funding-title').filter({ hasText: 'Aidants du Rhône' }).waitFor();
    await page.getByTestId('record-grant').filter({ hasText: 'Enregistrer une subvention' }).waitFor();
    await page.getByTestId('grants-empty').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByTestId('record-grant').click();
    await page.getByTestId('grant-amount').fill('50000');
    await page.getByTestId('grant-starts').fill('2026-01-01');
    await page.getByTestId('grant-ends').fill('2027-12-31');
    await page.getByTestId('grant-conditions').fill('Rapport annuel et mention du financeur');
    await page.getByTestId('add-report').click();
    await page.getByTestId('report-title').fill('Rapport intermédiaire');
    await page.getByTestId('report-due').fill('2026-06-30');
    await page.getByTestId('add-tranche').click();
    // The first tranche proposes the whole grant; more than the grant is refused on the tranches.
    expect(await page.getByTestId('tranche-amount').inputValue()).toBe('50000');
    await page.getByTestId('tranche-amount').fill('60000');
    await page.getByTestId('tranche-due').fill('2026-02-01');
    await page.getByTestId('grant-submit').click();
    await page.getByTestId('tranches-error').filter({ hasText: 'Les tranches dépassent le montant de la subvention.' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByTestId('tranche-amount').fill('20000');
    await page
      .getByTestId('tranche-allocation')
      .filter({ hasText: /reste 30\s000\s€ à répartir/ })
      .waitFor();
    await page.getByTestId('grant-submit').click();

    await page.getByTestId('funding-feedback').filter({ hasText: 'Subvention de Fondation Solidaire enregistrée.' }).waitFor();
    const card = page.getByTestId('grant-card');
    expect(await card.locator('h3').textContent()).toMatch(euros('50 000'));
    expect(await page.getByTestId('tranche-line').count()).toBe(1);
    expect(await page.getByTestId('tranche-line').getAttribute('data-status')).toBe('planned');
    expect(await page.getByTestId('summary-committed').textContent()).toMatch(euros('50 000'));

    // The foundation pays the tranche.
    await page.getByTestId('tranche-pay').click();
    await page.locator('[data-testid="tranche-line"][data-status="paid"]').waitFor();
    expect(await page.getByTestId('grant-paid').textContent()).toMatch(/20\s000\s€ sur 50\s000\s€ \(40\s%\)/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'funding-alliance');

    // From the organisation's page to its portfolio.
    // The top bar leads a funder's people to the portfolio.
    expect(await page.getByTestId('nav-portfolio').getAttribute('href')).toBe(`/organisations/${funderOrg}/portfolio`);
    await page.goto(`${proc.url}/organisations/${funderOrg}`);
    await page.getByTestId('link-portfolio').filter({ hasText: 'Portefeuille de financements' }).click();
    await page.waitForURL(`**/organisations/${funderOrg}/portfolio`);
    const row = page.getByTestId('portfolio-row').filter({ hasText: 'Aidants du Rhône' });
    await row.waitFor();
    expect(await row.getByTestId('portfolio-committed').textContent()).toMatch(euros('50 000'));
    expect(await row.getByTestId('portfolio-paid').textContent()).toMatch(euros('20 000'));
    expect(await row.getByTestId('portfolio-report').textContent()).toContain('Rapport intermédiaire');
    expect(await page.getByTestId('total-committed').textContent()).toMatch(euros('50 000'));
    await page.locator('[data-testid="portfolio-chart"] canvas').first().waitFor();
    expect(await page.getByTestId('timeline-row').count()).toBeGreaterThan(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'funding-portfolio');

    // The CSV export downloads the same alliances.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('portfolio-export').click()]);
    expect(download.suggestedFilename()).toBe('portefeuille.csv');
    expect(readFileSync(await download.path(), 'utf8')).toContain('Aidants du Rhône');

    // A filter that matches nothing says so, and clearing it brings the alliance back.
    await page.goto(`${proc.url}/organisations/${funderOrg}/portfolio?domain=energy`);
    await page.getByTestId('portfolio-empty').filter({ hasText: 'Aucune alliance financée ne correspond à ces filtres.' }).waitFor();
    await page.getByTestId('clear-filters').click();
    await row.waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }, 90_000);

  it('shows a funder the charter in force, never the draft or the live editor', async () => {
    const { page } = browser;
    // Still signed in as the foundation's admin: before any version is in force, nothing of the draft.
    await page.goto(`${proc.url}/alliances/${allianceId}/charter`);
    await page
      .getByTestId('no-version-in-force')
      .filter({ hasText: /Aucune version de la charte/ })
      .waitFor();
    expect(await page.locator('.ProseMirror').count()).toBe(0);
    expect(await page.getByTestId('charter-comments').count()).toBe(0);

    // The lead proposes the draft and signs it: it comes into force, and the funder reads it.
    const token = { token: lead.accessToken };
    const version = await api.post(`/api/alliances/${allianceId}/charter/versions`, undefined, token);
    expect(version.status).toBe(201);
    const leadOrg = (await api.get(`/api/alliances/${allianceId}`, token)).body.members.find(
      (m: { role: string }) => m.role === 'lead',
    ).organisationId;
    const signed = await api.post(
      `/api/alliances/${allianceId}/charter/versions/1/signatures`,
      { organisationId: leadOrg, sha256: version.body.sha256 },
      token,
    );
    expect(signed.body.status).toBe('in_force');
    await page.reload();
    const text = page.getByTestId('charter-in-force-text');
    await text.getByRole('heading', { name: /Texte en vigueur/ }).waitFor();
    expect(await text.locator('h3').count()).toBe(9);
    expect(await page.locator('.ProseMirror').count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'funder-charter');
  }, 60_000);
});
