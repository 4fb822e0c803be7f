import { ApiClient, createTestDatabase, GOOD_PASSWORD, startApiProcess, type ApiProcess, type Session, type TestDatabase } from '@alliances/e2e/support';
import type { Page } from 'playwright-core';
import { openBrowser, screenshot, seriousAccessibilityViolations, type Browser } from './support/browser';

const ADMIN_EMAIL = 'admin@charter-web.test';

/** Signs in through the UI and opens the live charter. */
async function openCharter(page: Page, baseUrl: string, who: Session, allianceId: string): Promise<void> {
  page.on('console', (m) => m.type() === 'error' && console.log(`[${who.email}] ${m.text()}`));
  page.on('response', (r) => r.status() >= 400 && console.log(`[${who.email}] ${r.status()} ${r.url()}`));
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByTestId('sign-in-email').fill(who.email);
  await page.getByTestId('sign-in-password').fill(who.password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.goto(`${baseUrl}/alliances/${allianceId}/charter`);
  await page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor().catch(async (e) => {
    console.log(await page.locator('main').innerText());
    throw e;
  });
  await page.locator('[data-testid="section-editor-governance"] .ProseMirror').waitFor();
}

describe('the live charter in Chromium', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let lead: Browser;
  let partner: Browser;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({
      databaseUrl: db.url,
      env: { ADMIN_EMAIL, ADMIN_PASSWORD: GOOD_PASSWORD, AUTH_THROTTLE_IP_PER_MINUTE: '10000', AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000' },
    });
    [lead, partner] = await Promise.all([openBrowser(), openBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await lead?.close();
    await partner?.close();
    await api?.stop();
    await db?.drop();
  });

  it('two partners write the same section together, propose it and both sign: the version comes into force', async () => {
    const started = Date.now();
    const client = new ApiClient(api.url);
    const admin = await client.login(ADMIN_EMAIL);
    const [camille, sacha] = await Promise.all([
      client.signUp({ displayName: 'Camille Martin' }),
      client.signUp({ displayName: 'Sacha Petit' }),
    ]);
    const leadOrg = (await client.applyOrganisation(camille, { name: 'Les Jardins Partagés' })).id as string;
    const partnerOrg = (await client.applyOrganisation(sacha, { name: 'Coopérative Solaire' })).id as string;
    await client.approveOrganisation(admin, leadOrg);
    await client.approveOrganisation(admin, partnerOrg);
    const created = await client.post(
      '/api/alliances',
      { name: 'Alliance des aidants', purpose: 'Soutenir les aidants salariés', category: 'societal_innovation', collectiveObjectives: ['engagement'], domains: ['carers'], scale: 'local', territoryCodes: ['69123'], organisationId: leadOrg },
      { token: camille.accessToken },
    );
    expect(created.status).toBe(201);
    const allianceId = created.body.id as string;
    expect((await client.post(`/api/alliances/${allianceId}/members`, { organisationId: partnerOrg, role: 'partner' }, { token: camille.accessToken })).status).toBe(201);
    expect((await client.post(`/api/alliances/${allianceId}/members/${partnerOrg}/accept`, undefined, { token: sacha.accessToken })).status).toBe(200);

    await Promise.all([openCharter(lead.page, api.url, camille, allianceId), openCharter(partner.page, api.url, sacha, allianceId)]);

    // Both write at the end of the same section; each sees the other's words.
    const leadEditor = lead.page.locator('[data-testid="section-editor-governance"] .ProseMirror');
    const partnerEditor = partner.page.locator('[data-testid="section-editor-governance"] .ProseMirror');
    await leadEditor.click();
    await lead.page.keyboard.press('Control+End');
    await lead.page.keyboard.press('Enter');
    await lead.page.keyboard.type('Un comité de pilotage se réunit chaque trimestre.');
    await partnerEditor.getByText('Un comité de pilotage se réunit chaque trimestre.').waitFor({ timeout: 10_000 });
    await partnerEditor.click();
    await partner.page.keyboard.press('Control+End');
    await partner.page.keyboard.press('Enter');
    await partner.page.keyboard.type('Chaque partenaire désigne un référent.');
    await leadEditor.getByText('Chaque partenaire désigne un référent.').waitFor({ timeout: 10_000 });
    await lead.page.getByTestId('presence').getByText('Sacha Petit').waitFor();

    expect(await seriousAccessibilityViolations(lead.page)).toEqual([]);
    await screenshot(lead.page, 'charter-editor');

    await lead.page.getByTestId('propose-version').click();
    await lead.page.getByTestId('confirm-accept').click();
    await lead.page.getByTestId('proposed-notice').waitFor();

    for (const [browser, org] of [[lead, leadOrg], [partner, partnerOrg]] as const) {
      const page = browser.page;
      await page.goto(`${api.url}/alliances/${allianceId}/charter/signatures`);
      await page.getByTestId('version-sha256').waitFor().catch(async (e) => {
        console.log(await page.locator('main').innerText());
        throw e;
      });
      await page.getByTestId(`sign-${org}`).click();
      await page.getByTestId('confirm-accept').click();
      await page.locator('[data-testid="signature-feedback"]').waitFor();
    }

    const board = partner.page;
    await board.reload();
    await board.getByTestId('in-force').getByText(/Version 1 en vigueur/).waitFor();
    expect(await seriousAccessibilityViolations(board)).toEqual([]);
    await screenshot(board, 'charter-signatures');

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`charter browser test: ${seconds} s`);
  }, 120_000);
});
