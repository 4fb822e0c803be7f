import { ApiClient, createTestDatabase, GOOD_PASSWORD, startApiProcess, type ApiProcess, type TestDatabase } from '@alliances/e2e/support';
import type { Locator, Page } from 'playwright-core';
import { browserPool, expectAccessible, screenshot, signIn } from './support/browser';
import { allianceOfTwo } from './support/alliance-of-two';

const ADMIN_EMAIL = 'admin@meetings-web.test';

/** Opens a meeting's page and waits for its live minutes to be ready to type in. */
async function openMinutes(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor();
  await page.locator('[data-testid="minutes-editor"] .ProseMirror').waitFor();
}

/** Types a new paragraph at the end of the minutes. */
async function write(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid="minutes-editor"] .ProseMirror').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

/**
 * Selects `word`, which ends the minutes just before their final full stop, and asks to comment on it.
 * ProseMirror reads a keyboard selection from the browser's `selectionchange` event, which arrives a
 * task later: the button is pressed once the page's selection is the word and that event has run, and
 * the selection is made again if the composer still quoted an older one.
 */
async function commentOnLastWord(page: Page, word: string, composer: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.locator('[data-testid="minutes-editor"] .ProseMirror').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < word.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    await page.waitForFunction((w) => window.getSelection()?.toString() === w, word);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    await page.getByTestId('comment-selection').click();
    try {
      await composer.getByText(`« ${word} »`).waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

describe('steering meetings in Chromium', () => {
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

  it('the lead schedules a steering meeting; two partners write its minutes live, comment on a passage, mark them final and both approve them', async () => {
    const started = Date.now();
    const client = new ApiClient(api.url);
    const { camille, sacha, leadOrg, partnerOrg, allianceId } = await allianceOfTwo(client, ADMIN_EMAIL);
    const [lead, partner] = await Promise.all([browsers.open('Camille'), browsers.open('Sacha')]);

    // From the alliance's home to its meetings.
    await signIn(lead, api.url, camille, `/alliances/${allianceId}`);
    await lead.getByTestId('link-meetings').click();
    await lead.waitForURL((url) => url.pathname === `/alliances/${allianceId}/meetings`);
    await lead.getByTestId('schedule-meeting').click();

    const dialog = lead.getByTestId('schedule-form');
    await dialog.getByTestId('meeting-title').fill('Comité de pilotage');
    await dialog.getByTestId('meeting-start-date').fill('2027-01-14');
    await dialog.getByTestId('meeting-start-time').fill('14:00');
    await dialog.getByTestId('meeting-end-date').fill('2027-01-14');
    await dialog.getByTestId('meeting-end-time').fill('13:00');
    await dialog.getByTestId('meeting-location').fill('Maison des associations, Lyon');
    await dialog.getByTestId('schedule-submit').click();
    // Ending before it starts: said on the end time, nothing sent.
    await dialog.getByTestId('meeting-end-error').getByText('La fin doit venir après le début.').waitFor();
    await dialog.getByTestId('meeting-end-time').fill('16:00');
    await dialog.getByTestId('agenda-item').first().fill('Budget 2027');
    await dialog.getByTestId('agenda-add').click();
    await dialog.getByTestId('agenda-item').nth(1).fill('Bilan du trimestre');
    await dialog.getByTestId('agenda-up').nth(1).click();
    expect(await dialog.getByTestId(`invite-${partnerOrg}`).locator('input').isChecked()).toBe(true);
    await expectAccessible(lead);
    await dialog.getByTestId('schedule-submit').click();

    await lead.getByTestId('meeting-scheduled').waitFor();
    const row = lead.getByTestId('upcoming-meetings').getByTestId('meeting-link').filter({ hasText: 'Comité de pilotage' });
    await row.waitFor();
    await expectAccessible(lead);
    await screenshot(lead, 'meetings-list');
    await row.click();
    await lead.waitForURL((url) => url.pathname.startsWith(`/alliances/${allianceId}/meetings/`));
    const meetingUrl = lead.url();
    await lead.getByTestId('meeting-agenda').getByText('Bilan du trimestre').waitFor();
    expect(await lead.getByTestId('meeting-agenda').locator('li').allInnerTexts()).toEqual(['Bilan du trimestre', 'Budget 2027']);
    expect(await lead.getByTestId('meeting-place').innerText()).toBe('Maison des associations, Lyon');

    // Both write the minutes; each sees the other's words appear.
    await signIn(partner, api.url, sacha, new URL(meetingUrl).pathname);
    await Promise.all([openMinutes(lead, meetingUrl), openMinutes(partner, meetingUrl)]);
    await write(lead, 'Le comité valide le budget 2027.');
    await partner.getByTestId('minutes-editor').getByText('Le comité valide le budget 2027.').waitFor({ timeout: 10_000 });
    await write(partner, 'La Coopérative Solaire anime le prochain atelier.');
    await lead.getByTestId('minutes-editor').getByText('La Coopérative Solaire anime le prochain atelier.').waitFor({ timeout: 10_000 });
    await lead.getByTestId('presence').getByText('Sacha Petit').waitFor();

    // Sacha comments on a passage of the minutes ("atelier"); Camille sees it highlighted and opens its thread.
    const composer = partner.getByTestId('new-passage');
    await commentOnLastWord(partner, 'atelier', composer);
    await composer.getByTestId('comment-input').fill('Lequel : celui de février ?');
    await composer.getByTestId('comment-submit').click();
    await partner.getByTestId('comment-item').filter({ hasText: 'Lequel : celui de février ?' }).waitFor();
    const highlight = lead.locator('[data-testid="minutes-editor"] .comment-anchor').filter({ hasText: /^atelier$/ });
    await highlight.waitFor({ timeout: 10_000 });
    await highlight.click();
    await lead.getByTestId('comment-thread').filter({ hasText: 'Lequel : celui de février ?' }).waitFor();

    // Sacha says who of the Coopérative Solaire was there; Camille reads it.
    await partner.getByTestId(`present-${sacha.user.id}`).locator('input').check();
    await partner.getByTestId(`save-attendance-${partnerOrg}`).click();
    await partner.getByTestId(`attendance-${partnerOrg}`).getByRole('status').waitFor();
    await expectAccessible(partner);
    await screenshot(partner, 'meeting-minutes-live');

    // Marked final: a frozen version with its fingerprint, approved by each organisation.
    await lead.getByTestId('finalise-minutes').click();
    await lead.getByTestId('confirm-accept').click();
    await lead.locator('[data-testid="minutes-approval"][data-status="final"]').waitFor();
    const hash = await lead.getByTestId('minutes-sha256').innerText();
    expect(hash).toMatch(/^[0-9a-f]{12}$/);
    await lead.getByTestId(`approve-${leadOrg}`).click();
    await lead.getByTestId(`approval-${leadOrg}`).waitFor();

    await partner.reload();
    await partner.getByTestId(`attendance-${leadOrg}`).waitFor();
    expect(await partner.getByTestId(`attendance-${partnerOrg}`).innerText()).toContain('Sacha Petit');
    expect(await partner.getByTestId('minutes-sha256').innerText()).toBe(hash);
    await partner.getByTestId(`approve-${partnerOrg}`).click();
    await partner.locator('[data-testid="minutes-approval"][data-status="approved"]').waitFor();

    // Approved: read only for everyone, with who approved and when.
    await lead.reload();
    await lead.locator('[data-testid="minutes-approval"][data-status="approved"]').waitFor();
    const frozen = lead.getByTestId('minutes-frozen');
    await frozen.getByText('Le comité valide le budget 2027.').waitFor();
    await frozen.getByText('La Coopérative Solaire anime le prochain atelier.').waitFor();
    expect(await lead.locator('[data-testid="minutes-editor"]').count()).toBe(0);
    expect(await lead.getByTestId(`approval-${partnerOrg}`).innerText()).toContain('Sacha Petit');
    expect(await lead.getByTestId(`approval-${leadOrg}`).innerText()).toContain('Camille Martin');
    await expectAccessible(lead);
    await screenshot(lead, 'meeting-minutes-approved');

    expect(errors).toEqual([]);
    console.log(`meetings browser test: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 180_000);
});
