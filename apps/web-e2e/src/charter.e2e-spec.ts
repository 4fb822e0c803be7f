import {
  ApiClient,
  createTestDatabase,
  GOOD_PASSWORD,
  startApiProcess,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import type { Page } from 'playwright-core';
import { openBrowser, screenshot, seriousAccessibilityViolations, type Browser } from './support/browser';
import { allianceOfTwo } from './support/alliance-of-two';

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
  await page
    .locator('[data-testid="connection-status"][data-status="connected"]')
    .waitFor()
    .catch(async (e) => {
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
    const { camille, sacha, leadOrg, partnerOrg, allianceId } = await allianceOfTwo(client, ADMIN_EMAIL);

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

    for (const [browser, org] of [
      [lead, leadOrg],
      [partner, partnerOrg],
    ] as const) {
      const page = browser.page;
      await page.goto(`${api.url}/alliances/${allianceId}/charter/signatures`);
      await page
        .getByTestId('version-sha256')
        .waitFor()
        .catch(async (e) => {
          console.log(await page.locator('main').innerText());
          throw e;
        });
      await page.getByTestId(`sign-${org}`).click();
      await page.getByTestId('confirm-accept').click();
      await page.locator('[data-testid="signature-feedback"]').waitFor();
    }

    const board = partner.page;
    await board.reload();
    await board
      .getByTestId('in-force')
      .getByText(/Version 1 en vigueur/)
      .waitFor();
    expect(await seriousAccessibilityViolations(board)).toEqual([]);
    await screenshot(board, 'charter-signatures');

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`charter browser test: ${seconds} s`);
  }, 120_000);

  it('two partners comment on a charter passage: each sees the other appear live, the highlight follows edits and leads to its thread', async () => {
    const client = new ApiClient(api.url);
    const admin = await client.login(ADMIN_EMAIL);
    const [camille, sacha] = await Promise.all([
      client.signUp({ displayName: 'Camille Roux' }),
      client.signUp({ displayName: 'Sacha Blanc' }),
    ]);
    const leadOrg = (await client.applyOrganisation(camille, { name: 'Maison des Solidarités' })).id as string;
    const partnerOrg = (await client.applyOrganisation(sacha, { name: 'Fondation Terre Commune' })).id as string;
    await client.approveOrganisation(admin, leadOrg);
    await client.approveOrganisation(admin, partnerOrg);
    const created = await client.post(
      '/api/alliances',
      {
        name: 'Alliance du quartier',
        purpose: 'Rompre l’isolement des aînés',
        category: 'societal_innovation',
        collectiveObjectives: ['engagement'],
        domains: ['carers'],
        scale: 'local',
        territoryCodes: ['69123'],
        organisationId: leadOrg,
      },
      { token: camille.accessToken },
    );
    const allianceId = created.body.id as string;
    expect(
      (
        await client.post(
          `/api/alliances/${allianceId}/members`,
          { organisationId: partnerOrg, role: 'partner' },
          { token: camille.accessToken },
        )
      ).status,
    ).toBe(201);
    expect(
      (await client.post(`/api/alliances/${allianceId}/members/${partnerOrg}/accept`, undefined, { token: sacha.accessToken })).status,
    ).toBe(200);
    const [l, p] = await Promise.all([openBrowser(), openBrowser()]);
    try {
      await Promise.all([openCharter(l.page, api.url, camille, allianceId), openCharter(p.page, api.url, sacha, allianceId)]);

      const section = (page: Page) => page.locator('[data-testid="section-editor-values"] .ProseMirror');
      await section(l.page).click();
      await l.page.keyboard.press('Control+End');
      await l.page.keyboard.type('Nous agissons dans la confiance.');
      await section(p.page).getByText('Nous agissons dans la confiance.').waitFor({ timeout: 10_000 });

      // Sacha selects "confiance" (the last word before the full stop) and opens a thread on it.
      await section(p.page).click();
      await p.page.keyboard.press('Control+End');
      await p.page.keyboard.press('ArrowLeft');
      for (let i = 0; i < 'confiance'.length; i++) await p.page.keyboard.press('Shift+ArrowLeft');
      await p.page.getByTestId('comment-selection').click();
      const composer = p.page.getByTestId('new-passage');
      await composer.getByText('« confiance »').waitFor();
      await composer.getByTestId('comment-input').fill('Pouvons-nous définir la confiance ensemble ?');
      await composer.getByTestId('comment-submit').click();
      await p.page.getByTestId('comment-item').filter({ hasText: 'Pouvons-nous définir la confiance' }).waitFor();

      // Camille, without reloading, sees the passage highlighted in the text; clicking it opens the thread.
      const highlight = section(l.page).locator('.comment-anchor');
      await highlight.filter({ hasText: /^confiance$/ }).waitFor({ timeout: 10_000 });
      await highlight.click();
      const thread = l.page.getByTestId('comment-thread').filter({ hasText: 'Pouvons-nous définir la confiance' });
      await thread.waitFor();
      expect(await thread.getByTestId('thread-quote').textContent()).toContain('confiance');
      expect(await l.page.getByTestId('comment-section').inputValue()).toBe('values');

      // Camille replies; Sacha sees the reply arrive in the thread.
      await thread.getByTestId('comment-reply').click();
      await l.page.locator('.reply-form').getByTestId('comment-input').fill('Oui : proposons une définition jeudi.');
      await l.page.locator('.reply-form').getByTestId('comment-submit').click();
      await p.page.getByTestId('comment-item').filter({ hasText: 'proposons une définition jeudi' }).waitFor({ timeout: 10_000 });

      // Text written before the passage moves it: the highlight still covers the same word on both sides.
      await section(l.page)
        .getByText(/Nous agissons dans la/)
        .click();
      await l.page.keyboard.press('Home');
      await l.page.keyboard.type('En 2026, ');
      await section(p.page)
        .getByText(/^En 2026, /)
        .waitFor({ timeout: 10_000 });
      expect(await section(p.page).locator('.comment-anchor').textContent()).toBe('confiance');

      // "Show in the text" selects the passage where it now stands.
      await p.page.getByTestId('thread-jump').click();
      await p.page.waitForFunction(() => document.getSelection()?.toString() === 'confiance', undefined, { timeout: 10_000 });
      await section(p.page).locator('.comment-anchor.is-active').waitFor();

      expect(await seriousAccessibilityViolations(l.page)).toEqual([]);
      expect(await seriousAccessibilityViolations(p.page)).toEqual([]);
      await screenshot(l.page, 'charter-comments');
    } finally {
      await Promise.all([l.close(), p.close()]);
    }
  }, 120_000);
});
