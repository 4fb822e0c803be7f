import {
  ApiClient,
  GOOD_PASSWORD,
  createTestDatabase,
  randomSiren,
  sql,
  startApiProcess,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import type { Page } from 'playwright-core';
import { expectAccessible, openBrowser, screenshot, signIn, watchConsole, type Browser } from './support/browser';

const ADMIN_EMAIL = 'admin@proposals-web.test';

describe('proposals in Chromium: the inbox, declining with a reason, accepting into the new alliance’s wizard', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let client: ApiClient;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({
      databaseUrl: db.url,
      env: { ADMIN_EMAIL, ADMIN_PASSWORD: GOOD_PASSWORD, AUTH_THROTTLE_IP_PER_MINUTE: '10000', AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000' },
    });
    client = new ApiClient(api.url);
  }, 120_000);
  afterAll(async () => {
    for (const browser of browsers) await browser.close().catch(() => undefined);
    await api?.stop();
    await db?.drop();
  });

  async function open(): Promise<Page> {
    const browser = await openBrowser();
    browsers.push(browser);
    return browser.page;
  }

  /** An approved organisation, listed in the directory (its opt-in, set here without the profile page). */
  async function organisation(admin: Session, name: string, profile: 'association' | 'company') {
    const owner = await client.signUp({ displayName: `Admin ${name}` });
    const org = await client.applyOrganisation(owner, {
      name,
      profile,
      ...(profile === 'company' ? { rna: undefined, siren: randomSiren() } : {}),
    });
    await client.approveOrganisation(admin, org.id);
    await sql(api, db, 'UPDATE organisations SET listed = true WHERE id = $1', [org.id]);
    return { id: org.id as string, name, owner };
  }

  it('the association declines one proposal with a reason, accepts the other and lands in the draft alliance; the company sets it up', async () => {
    const started = Date.now();
    const errors: string[] = [];
    const admin = await client.login(ADMIN_EMAIL);
    const asso = await organisation(admin, 'Les Jardins Partagés', 'association');
    const company = await organisation(admin, 'Transports Rhône', 'company');
    const other = await organisation(admin, 'Imprimerie Saône', 'company');
    for (const [from, message] of [
      [company, 'Faisons pousser des jardins sur les parkings de nos dépôts.'],
      [other, 'Imprimons ensemble vos affiches de quartier.'],
    ] as const) {
      const res = await client.post(
        '/api/proposals',
        { fromOrganisationId: from.id, toOrganisationId: asso.id, message, category: 'responsible_practices' },
        { token: from.owner.accessToken },
      );
      expect(res.status).toBe(201);
    }

    // (1) The association's admin opens its inbox: two proposals received.
    const page = await open();
    watchConsole(page, 'association', errors);
    await signIn(page, api.url, asso.owner, `/organisations/${asso.id}`);
    await page.getByTestId('link-proposals').click();
    await page.waitForURL((url) => url.pathname === `/organisations/${asso.id}/proposals`);
    const cards = page.getByTestId('proposal-card');
    await cards.nth(1).waitFor();
    await expect(cards.count()).resolves.toBe(2);
    await expectAccessible(page);
    await screenshot(page, 'proposals-inbox');

    // (2) It declines the printer's proposal, with a reason.
    const printer = cards.filter({ hasText: 'Imprimerie Saône' });
    await printer.getByTestId('proposal-decline').click();
    await page.getByTestId('decline-reason').fill('Nous avons déjà un imprimeur solidaire.');
    await expectAccessible(page);
    await page.getByTestId('decline-confirm').click();
    await printer.getByTestId('proposal-decline-reason').waitFor();
    await expect(printer.getByTestId('proposal-status').textContent()).resolves.toContain('Refusée');
    await expect(printer.getByTestId('proposal-decline-reason').textContent()).resolves.toContain('déjà un imprimeur solidaire');
    const sent = await client.get(`/api/proposals?organisationId=${other.id}&box=sent`, { token: other.owner.accessToken });
    expect(sent.body.items[0]).toMatchObject({ status: 'declined', declineReason: 'Nous avons déjà un imprimeur solidaire.' });

    // (3) It accepts the transport company's proposal and lands in the new alliance's wizard.
    const transport = cards.filter({ hasText: 'Transports Rhône' });
    await transport.getByTestId('proposal-accept').click();
    await page.getByTestId('confirm-accept').click();
    await page.waitForURL((url) => /^\/alliances\/[^/]+\/setup$/.test(url.pathname));
    const allianceId = new URL(page.url()).pathname.split('/')[2];
    // The partner waits for the lead (the proposer) to complete the draft.
    await page.getByTestId('draft-waiting').waitFor();
    await expect(page.getByTestId('draft-waiting').textContent()).resolves.toContain('Transports Rhône');
    await expectAccessible(page);
    await screenshot(page, 'proposals-accepted-partner');

    // (4) The company's admin opens the same page: the wizard, filled from the draft, to complete it.
    const lead = await open();
    watchConsole(lead, 'company', errors);
    await signIn(lead, api.url, company.owner, `/alliances/${allianceId}/setup`);
    await lead.getByTestId('draft-intro').waitFor();
    await expect(lead.getByTestId('alliance-name').inputValue()).resolves.toBeTruthy();
    await expectAccessible(lead);
    await screenshot(lead, 'proposals-draft-setup');

    expect(errors).toEqual([]);
    console.log(`proposals flow took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 120_000);
});
