import { ApiClient, createTestDatabase, GOOD_PASSWORD, startApiProcess, type ApiProcess, type TestDatabase } from '@alliances/e2e/support';
import type { Page } from 'playwright-core';
import { browserPool, expectAccessible, screenshot, signIn } from './support/browser';

const ADMIN_EMAIL = 'admin.journal@alliances.test';

describe('the alliance journal in Chromium', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  const errors: string[] = [];
  const browsers = browserPool(errors);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({
      databaseUrl: db.url,
      env: { ADMIN_EMAIL, ADMIN_PASSWORD: GOOD_PASSWORD, AUTH_THROTTLE_IP_PER_MINUTE: '10000', AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000' },
    });
  }, 120_000);
  afterAll(async () => {
    await browsers.closeAll();
    await api?.stop();
    await db?.drop();
  });

  it('the lead changes the category and reads, in French, who changed it from what to what, grouped under today', async () => {
    const client = new ApiClient(api.url);
    const admin = await client.login(ADMIN_EMAIL);
    const lead = await client.signUp({ displayName: 'Marie Dupont' });
    const leadOrg = (await client.applyOrganisation(lead, { name: 'Les Jardins Partagés' })).id as string;
    await client.approveOrganisation(admin, leadOrg);
    const created = await client.post(
      '/api/alliances',
      {
        name: 'Alliance des aidants du Rhône',
        purpose: 'Mieux concilier emploi et aide à un proche.',
        category: 'philanthropy',
        collectiveObjectives: ['engagement'],
        domains: ['carers'],
        scale: 'local',
        territoryCodes: [],
        organisationId: leadOrg,
      },
      { token: lead.accessToken },
    );
    expect(created.status).toBe(201);
    const allianceId = created.body.id as string;

    const page: Page = await browsers.open('lead');
    await signIn(page, api.url, lead, `/alliances/${allianceId}`);
    const journal = page.getByTestId('alliance-journal');
    await journal.getByText("Marie Dupont a créé l'alliance.").waitFor();

    await page.getByTestId('edit-alliance').click();
    await page.getByTestId('edit-alliance-category').click();
    await page.getByRole('option', { name: 'Innovation sociétale' }).click();
    await page.locator('mat-option').first().waitFor({ state: 'detached' });
    await page.getByTestId('edit-alliance-save').click();

    const sentence = journal.getByText('Marie Dupont a changé la catégorie : Mécénat → Innovation sociétale');
    await sentence.waitFor();
    expect((await page.getByTestId('journal-day').first().textContent())?.trim()).toBe("Aujourd'hui");
    // Not a code anywhere.
    expect(await journal.textContent()).not.toMatch(/alliance\.(updated|created)/);

    // The charter kind shows none of it; the alliance kind shows it again.
    await journal.getByRole('radio', { name: 'Charte' }).click();
    await journal.getByText("Rien de ce type n'a encore été enregistré.").waitFor();
    expect(await sentence.count()).toBe(0);
    await journal.getByRole('radio', { name: 'Alliance et membres' }).click();
    await sentence.waitFor();

    await expectAccessible(page);
    await screenshot(page, 'journal-category-change');
    expect(errors).toEqual([]);
  }, 120_000);
});
