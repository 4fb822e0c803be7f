import { ApiClient, createTestDatabase, GOOD_PASSWORD, startApiProcess, type ApiProcess, type TestDatabase } from '@alliances/e2e/support';
import { browserPool, expectAccessible, signIn } from './support/browser';
import { allianceOfTwo } from './support/alliance-of-two';

const ADMIN_EMAIL = 'admin@governance-web.test';

describe('decisions and actions in Chromium', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  const errors: string[] = [];
  const pool = browserPool(errors);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({
      databaseUrl: db.url,
      env: { ADMIN_EMAIL, ADMIN_PASSWORD: GOOD_PASSWORD, AUTH_THROTTLE_IP_PER_MINUTE: '10000', AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000' },
    });
  }, 120_000);
  afterAll(async () => {
    await pool.closeAll();
    await api?.stop();
    await db?.drop();
  });

  it('the lead proposes a decision by consent, both organisations agree, it is closed early and adopted; an action is assigned and done', async () => {
    const client = new ApiClient(api.url);
    const { camille, sacha, allianceId } = await allianceOfTwo(client, ADMIN_EMAIL);
    const [lead, partner] = await Promise.all([pool.open('camille'), pool.open('sacha')]);

    // The lead goes from the alliance's home to the register and proposes a decision by consent.
    await signIn(lead, api.url, camille, `/alliances/${allianceId}`);
    await lead.getByTestId('link-decisions').click();
    await lead.waitForURL(`**/alliances/${allianceId}/decisions`);
    await lead.getByText('Aucune décision pour le moment.').waitFor();
    await expectAccessible(lead);
    await lead.getByTestId('propose-decision').click();
    await lead.getByTestId('decision-title').fill('Réunir le comité de pilotage chaque trimestre');
    await lead.getByTestId('decision-proposal').fill('Un représentant de chaque partenaire, quatre fois par an.');
    await lead.getByText('Adoptée sauf si une organisation bloque.', { exact: false }).waitFor();
    await lead.getByTestId('rule-consent').click();
    await expectAccessible(lead);
    const [proposed] = await Promise.all([
      lead.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/alliances/${allianceId}/decisions`)),
      lead.getByTestId('decision-submit').click(),
    ]);
    expect(proposed.status()).toBe(201);
    await lead.waitForURL(/\/decisions\/[0-9a-f-]{36}$/);
    const decisionPath = new URL(lead.url()).pathname;
    await lead.getByTestId('decision-status').filter({ hasText: 'Ouverte' }).waitFor();
    await lead.getByTestId('position-agree').click();
    await lead.getByTestId('position-save').click();
    await lead.getByText('Position enregistrée.').waitFor();
    await expectAccessible(lead);

    // The partner gives its organisation's position.
    await signIn(partner, api.url, sacha, decisionPath);
    await partner.getByTestId('position-agree').click();
    await partner.getByTestId('position-save').click();
    await partner.getByText('Position enregistrée.').waitFor();

    // The lead closes it now: adopted, with the counts.
    await lead.reload();
    await lead.getByTestId('positions-table').getByText('Coopérative Solaire').waitFor();
    await lead.getByTestId('decision-close').click();
    await lead.getByTestId('decision-status').filter({ hasText: 'Adoptée' }).waitFor();
    await lead.getByTestId('decision-outcome').filter({ hasText: '2 d’accord' }).waitFor();
    await expectAccessible(lead);

    // An action for the partner's person, who marks it done.
    await lead.goto(`${api.url}/alliances/${allianceId}/actions`);
    await lead.getByTestId('actions-empty').waitFor();
    await expectAccessible(lead);
    await lead.getByTestId('new-action').click();
    await lead.getByTestId('action-title').fill('Préparer l’ordre du jour du comité');
    await lead.getByTestId('action-assignee').click();
    await lead.locator('mat-option').filter({ hasText: 'Sacha Petit' }).click();
    await lead.locator('mat-option').first().waitFor({ state: 'detached' });
    await lead.getByTestId('action-due').fill('2027-03-01');
    await expectAccessible(lead);
    await lead.getByTestId('action-submit').click();
    await lead.getByTestId('actions-table').getByText('Préparer l’ordre du jour du comité').waitFor();

    await partner.goto(`${api.url}/alliances/${allianceId}/actions`);
    await partner.getByTestId('actions-mine').click();
    const row = partner.getByTestId('action-row').filter({ hasText: 'Préparer l’ordre du jour du comité' });
    await row.getByText('Sacha Petit').waitFor();
    await expectAccessible(partner);
    await row.getByRole('checkbox', { name: 'Marquer « Préparer l’ordre du jour du comité » comme faite' }).check();
    await partner.getByText('Action mise à jour.').waitFor();
    await partner.getByTestId('actions-empty').waitFor();
    await partner.getByTestId('actions-done').click();
    await partner.getByTestId('action-row').filter({ hasText: 'Préparer l’ordre du jour du comité' }).waitFor();
    expect(errors).toEqual([]);
  }, 240_000);
});
