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
import { openBrowser, passFirstStep, screenshot, seriousAccessibilityViolations, type Browser } from './support/browser';

const ADMIN_EMAIL = 'admin.console@alliances.test';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Collects the pages' uncaught errors and logged errors (refused requests are expected here: a disabled account gets 401s). */
function watchConsole(page: Page, who: string, errors: string[]): void {
  page.on('pageerror', (e) => errors.push(`${who}: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(`${who}: ${m.text()}`));
}

async function expectAccessible(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  // A button just clicked still shows its ripple; axe would measure the contrast of a passing animation.
  await page.mouse.move(0, 0);
  await page
    .locator('.mat-ripple-element')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

/** Signs in through the form (in a context that may hold another session) and waits to leave the sign-in page. */
async function signIn(page: Page, baseUrl: string, who: { email: string; password: string }, then = '/alliances'): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/sign-in?returnUrl=${encodeURIComponent(then)}`);
  await page.getByTestId('sign-in-email').fill(who.email);
  await page.getByTestId('sign-in-password').fill(who.password);
  await page.getByTestId('sign-in-submit').click();
  // Fails at once with the form's error (a refusal) rather than with a bare timeout; platform admins
  // must use two-step sign-in, answered with the code of the secret ApiClient.login enrolled.
  await passFirstStep(page, who);
}

/** Answers the confirmation dialog, then waits for it to close (axe must not see a half-closed dialog). */
async function confirm(page: Page): Promise<void> {
  await page.getByTestId('confirm-accept').click();
  await page.locator('mat-dialog-container').waitFor({ state: 'detached' });
}

describe('platform console and case-study library in Chromium', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let client: ApiClient;
  let admin: Session;
  let victim: Session;
  let lead: Session;
  let partner: Session;
  let allianceId: string;
  const browsers: Browser[] = [];
  const errors: string[] = [];

  const open = async (who: string): Promise<Page> => {
    const browser = await openBrowser();
    browsers.push(browser);
    watchConsole(browser.page, who, errors);
    return browser.page;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({
      databaseUrl: db.url,
      // Scheduled jobs run every second, so the console has runs to show.
      env: {
        ADMIN_EMAIL,
        ADMIN_PASSWORD: GOOD_PASSWORD,
        AUTH_THROTTLE_IP_PER_MINUTE: '10000',
        AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
        SCHEDULER_INTERVAL_MS: '1000',
      },
    });
    client = new ApiClient(api.url);
    admin = await client.login(ADMIN_EMAIL);
    [victim, lead, partner] = await Promise.all([
      client.signUp({ displayName: 'Maëlle Désactivée' }),
      client.signUp({ displayName: 'Camille Pilote' }),
      client.signUp({ displayName: 'Sacha Partenaire' }),
    ]);
    const leadOrg = await client.applyOrganisation(lead, { name: 'Collectivité de Lyon', profile: 'local_authority' });
    const partnerOrg = await client.applyOrganisation(partner, { name: 'Entreprise locale', profile: 'company', siren: '552100554' });
    await client.approveOrganisation(admin, leadOrg.id);
    await client.approveOrganisation(admin, partnerOrg.id);
    const token = { token: lead.accessToken };
    const alliance = await client.post(
      '/api/alliances',
      {
        name: 'Mobilité des aidants',
        purpose: 'Transport solidaire pour les aidants familiaux.',
        category: 'societal_innovation',
        collectiveObjectives: ['territory'],
        domains: ['mobility', 'carers'],
        scale: 'intercommunal',
        territoryCodes: ['69123'],
        organisationId: leadOrg.id,
      },
      token,
    );
    expect(alliance.status).toBe(201);
    allianceId = alliance.body.id;
    expect(
      (await client.post(`/api/alliances/${allianceId}/members`, { organisationId: partnerOrg.id, role: 'partner' }, token)).status,
    ).toBe(201);
    expect([200, 201]).toContain(
      (await client.post(`/api/alliances/${allianceId}/members/${partnerOrg.id}/accept`, undefined, { token: partner.accessToken })).status,
    );
    const objective = await client.post(
      `/api/alliances/${allianceId}/objectives`,
      { title: 'Transporter les aidants', collectiveObjective: 'territory', description: 'Avec les entreprises du territoire.' },
      token,
    );
    const indicator = await client.post(
      `/api/objectives/${objective.body.id}/indicators`,
      {
        name: 'Trajets partagés',
        unit: 'trajets',
        baseline: 0,
        target: 400,
        startDate: day(-100),
        targetDate: day(100),
        direction: 'increase',
        ownerOrganisationId: leadOrg.id,
      },
      token,
    );
    expect(indicator.status).toBe(201);
    expect((await client.post(`/api/indicators/${indicator.body.id}/checkins`, { value: 240, date: day(-1) }, token)).status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    await api?.stop();
    await db?.drop();
  });

  afterEach(() => expect(errors).toEqual([]));

  it('disables a person, whose open page is signed out at once and who cannot sign in again until enabled', async () => {
    // The person is signed in and reading the library in their own browser.
    const victimPage = await open('victim');
    await signIn(victimPage, api.url, victim, '/library');
    await victimPage.getByTestId('library-count').waitFor();

    const page = await open('admin');
    await signIn(page, api.url, { email: ADMIN_EMAIL, password: GOOD_PASSWORD }, '/organisations');
    await page.getByTestId('nav-admin').click();
    await page.waitForURL((url) => url.pathname === '/admin');
    await page.getByTestId('tile-users').waitFor();
    expect(Number(await page.getByTestId('tile-active').textContent())).toBeGreaterThanOrEqual(4);
    expect(await page.getByTestId('figure-profiles-table').textContent()).toContain('Collectivité territoriale');
    await page.locator('[data-testid="figure-categories-chart"] canvas').first().waitFor();
    // The bars have the card's width to themselves (the table sits below): not squeezed beside it.
    const chart = await page.getByTestId('figure-profiles-chart').boundingBox();
    const table = await page.getByTestId('figure-profiles-table').boundingBox();
    expect(chart && table && chart.width).toBeGreaterThanOrEqual((table?.width ?? 0) - 1);
    expect(table && chart && table.y).toBeGreaterThanOrEqual((chart?.y ?? 0) + (chart?.height ?? 0));
    await expectAccessible(page);
    await screenshot(page, 'admin-overview');

    await page.getByTestId('admin-tab-users').click();
    await page.getByTestId('users-search').fill('désactiv');
    const row = page.getByTestId('user-row').filter({ hasText: victim.email });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="user-row"]').length === 1);
    await row.waitFor();
    expect(page.url()).toContain('q=d%C3%A9sactiv');
    await expectAccessible(page);

    await row.getByTestId('user-toggle').click();
    await page.locator('mat-dialog-container').filter({ hasText: 'Maëlle Désactivée' }).waitFor();
    await confirm(page);
    await row.getByTestId('user-state').filter({ hasText: 'Désactivé' }).waitFor();
    await page.getByTestId('users-feedback').filter({ hasText: 'sessions sont fermées' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-users');

    // Their next request is refused: the page takes them to the sign-in form, which refuses them too.
    await victimPage.getByTestId('library-search').fill('aidants');
    await victimPage.getByTestId('library-search-submit').click();
    await victimPage.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(victimPage.url()).searchParams.get('returnUrl')).toContain('/library');
    await victimPage.getByTestId('sign-in-email').fill(victim.email);
    await victimPage.getByTestId('sign-in-password').fill(victim.password);
    await victimPage.getByTestId('sign-in-submit').click();
    await victimPage.getByTestId('sign-in-error').filter({ hasText: 'désactivé' }).waitFor();
    await expectAccessible(victimPage);

    // The audit log shows who did it.
    await page.getByTestId('admin-tab-audit').click();
    await page.getByTestId('audit-action').fill('user.disabled');
    await page.getByTestId('audit-from').fill(day(-1));
    await page.getByTestId('audit-apply').click();
    const entry = page.getByTestId('audit-row').filter({ hasText: 'Compte désactivé' });
    await entry.waitFor();
    expect(await page.getByTestId('audit-row').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'admin-audit');

    await page.getByTestId('admin-tab-organisations').click();
    await page.getByTestId('organisation-row').filter({ hasText: 'Entreprise locale' }).waitFor();
    await expectAccessible(page);

    // Enabled again, the person signs in.
    await page.getByTestId('admin-tab-users').click();
    await page.getByTestId('users-search').fill('désactiv');
    await row.getByTestId('user-state').filter({ hasText: 'Désactivé' }).waitFor();
    await row.getByTestId('user-toggle').click();
    await confirm(page);
    await row.getByTestId('user-state').filter({ hasText: 'Actif' }).waitFor();
    await victimPage.getByTestId('sign-in-submit').click();
    await victimPage.waitForURL((url) => url.pathname === '/library');
  }, 90_000);

  it('shows the scheduled jobs, each with its runs, in an accessible table', async () => {
    const page = await open('jobs');
    await signIn(page, api.url, { email: ADMIN_EMAIL, password: GOOD_PASSWORD }, '/admin');
    await page.getByTestId('admin-tab-jobs').click();
    await page.waitForURL((url) => url.pathname === '/admin/jobs');
    const rows = page.getByTestId('job-row');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-job')))).toEqual([
      'notification_digests',
      'evaluation_closing',
      'evaluation_reminders',
      'evaluation_scheduled_launch',
      'decision_closing',
      'action_reminders',
      'grant_report_reminders',
      'observatory_refresh',
    ]);
    expect(await rows.filter({ hasText: 'Rappels avant la clôture des évaluations' }).count()).toBe(1);
    // Each queue has run by now (every second here); a refresh reads the latest counts.
    const completed = () => page.getByTestId('job-completed').allTextContents();
    for (let attempt = 0; attempt < 20 && !(await completed()).every((n) => Number(n) > 0); attempt++) {
      await page.waitForTimeout(500);
      await page.getByTestId('jobs-refresh').click();
    }
    expect((await completed()).map(Number).every((n) => n > 0)).toBe(true);
    expect(await page.getByTestId('job-failed').allTextContents()).toEqual(['0', '0', '0', '0', '0', '0', '0', '0']);
    await expectAccessible(page);
    await screenshot(page, 'admin-jobs');
  }, 60_000);

  it('lets the lead publish a case study that partners consent to, found by a French search without accents', async () => {
    const page = await open('lead');
    await signIn(page, api.url, lead, `/alliances/${allianceId}`);
    await page.getByTestId('link-case-study').click();
    await page.waitForURL((url) => url.pathname.endsWith('/case-study'));
    await page.getByTestId('case-study-state').filter({ hasText: 'pas encore de fiche' }).waitFor();
    await expectAccessible(page);

    await page.getByTestId('case-study-title-input').fill('Des transports solidaires pour les aidants');
    await page
      .getByTestId('case-study-summary-input')
      .fill(
        'Les collectivités et les entreprises locales organisent ensemble des trajets partagés pour les aidants familiaux du territoire.',
      );
    await page.getByTestId('case-study-indicator').filter({ hasText: 'Trajets partagés' }).locator('input').check();
    await page.getByTestId('case-study-submit').click();
    await page.getByTestId('case-study-message').filter({ hasText: 'La fiche est envoyée' }).waitFor();
    expect(await page.getByTestId('case-study-state').getAttribute('data-state')).toBe('awaiting_consent');
    expect(await page.getByTestId('consent-row').count()).toBe(2);
    // The lead's own organisation consents too; the partner's admin answers for the partner.
    const leadRow = page.getByTestId('consent-row').filter({ hasText: 'Collectivité de Lyon' });
    await leadRow.getByTestId('consent-give').click();
    await leadRow.filter({ hasText: 'Donné le' }).waitFor();
    expect(await page.getByTestId('consent-row').filter({ hasText: 'Entreprise locale' }).getByTestId('consent-give').count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'case-study-lead');

    // Not in the library until every partner consents.
    expect((await client.get('/api/case-studies?q=aidants', { token: admin.accessToken })).body).toEqual([]);

    await signIn(page, api.url, partner, `/alliances/${allianceId}/case-study`);
    const partnerRow = page.getByTestId('consent-row').filter({ hasText: 'Entreprise locale' });
    await partnerRow.getByTestId('consent-give').click();
    await page.getByTestId('case-study-message').filter({ hasText: 'la fiche est publiée' }).waitFor();
    expect(await page.getByTestId('case-study-state').getAttribute('data-state')).toBe('published');

    // Anyone signed in finds it, without typing the accents.
    await page.getByTestId('nav-library').click();
    await page.waitForURL((url) => url.pathname === '/library');
    await page.getByTestId('library-count').waitFor();
    await expectAccessible(page);
    await page.getByTestId('library-search').fill('collectivite aidant');
    await page.getByTestId('library-search-submit').click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'collectivite aidant');
    const card = page.getByTestId('library-card').filter({ hasText: 'Des transports solidaires pour les aidants' });
    await card.waitFor();
    expect(await page.getByTestId('library-card').count()).toBe(1);
    expect(await card.textContent()).toContain('Innovation sociétale');
    await page.getByTestId('library-search').fill('énergie');
    await page.getByTestId('library-search-submit').click();
    await page.getByTestId('library-empty').waitFor();
    await page.getByTestId('library-search').fill('collectivite');
    await page.getByTestId('library-search-submit').click();
    await card.waitFor();
    await expectAccessible(page);
    await screenshot(page, 'library-search');

    await card.getByRole('link').click();
    await page.getByTestId('case-study-title').filter({ hasText: 'Des transports solidaires' }).waitFor();
    await page.getByTestId('facts-territories').filter({ hasText: 'Lyon' }).waitFor();
    expect(await page.getByTestId('result-row').textContent()).toContain('60');
    expect(await page.getByTestId('facts-profiles').textContent()).toContain('Entreprise');
    await expectAccessible(page);
    await screenshot(page, 'library-case-study');

    // The partner withdraws its consent: the card leaves the library.
    await page.goto(`${api.url}/alliances/${allianceId}/case-study`);
    await partnerRow.getByTestId('consent-withdraw').click();
    await confirm(page);
    await page.getByTestId('case-study-message').filter({ hasText: 'plus visible' }).waitFor();
    expect(await page.getByTestId('case-study-state').getAttribute('data-state')).toBe('awaiting_consent');
    await page.goto(`${api.url}/library?q=aidants`);
    await page.getByTestId('library-empty').waitFor();
  }, 90_000);

  it('shows the review queue a page at a time, oldest application first, and more on demand', async () => {
    const applicant = await client.signUp({ displayName: 'Dominique Demandeuse' });
    for (let i = 1; i <= 53; i++)
      await client.applyOrganisation(applicant, { name: `Association en attente ${String(i).padStart(2, '0')}` });

    const page = await open('reviewer');
    await signIn(page, api.url, { email: ADMIN_EMAIL, password: GOOD_PASSWORD }, '/admin/organisations');
    const rows = page.getByTestId('review-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(50);
    expect(await rows.first().getAttribute('data-organisation')).toBe('Association en attente 01');
    const more = page.getByTestId('review-more');
    expect((await more.textContent())?.trim()).toBe('Afficher plus de demandes');
    await expectAccessible(page);

    await more.click();
    await page.locator('[data-testid="review-row"][data-organisation="Association en attente 53"]').waitFor();
    expect(await rows.count()).toBe(53);
    await more.waitFor({ state: 'detached' });
    await expectAccessible(page);
  }, 90_000);
});
