import { ApiClient, createTestDatabase, GOOD_PASSWORD, startApiProcess, type ApiProcess, type TestDatabase } from '@alliances/e2e/support';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { browserPool, expectAccessible, signIn } from './support/browser';
import { allianceOfTwo } from './support/alliance-of-two';
import { fundedByAFoundation } from './support/funder';

const ADMIN_EMAIL = 'admin@governance-journey.test';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

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
 * Issue 17's "done when", one journey: a steering meeting scheduled, its minutes written live by two partners,
 * a decision proposed from it and adopted by consent, an action assigned from it and closed, its .ics downloaded;
 * then a report PDF attached to a grant report by the partner and downloaded by the funder.
 */
describe('governance journey in Chromium', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  const errors: string[] = [];
  const pool = browserPool(errors);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({
      databaseUrl: db.url,
      env: {
        ADMIN_EMAIL,
        ADMIN_PASSWORD: GOOD_PASSWORD,
        AUTH_THROTTLE_IP_PER_MINUTE: '10000',
        AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
        // The .ics links point at PUBLIC_URL; its default with PORT=0 ("http://localhost:0") is refused by the ics package.
        PUBLIC_URL: 'http://alliances.test',
      },
    });
  }, 120_000);
  afterAll(async () => {
    await pool.closeAll();
    await api?.stop();
    await db?.drop();
  });

  it('a steering meeting: live minutes, a decision adopted by consent, an action done, its .ics; a report PDF for the funder', async () => {
    const started = Date.now();
    const client = new ApiClient(api.url);
    const { camille, sacha, allianceId } = await allianceOfTwo(client, ADMIN_EMAIL);
    const [lead, partner] = await Promise.all([pool.open('Camille'), pool.open('Sacha')]);

    // The lead schedules the steering meeting.
    await signIn(lead, api.url, camille, `/alliances/${allianceId}/meetings`);
    await lead.getByTestId('schedule-meeting').click();
    const form = lead.getByTestId('schedule-form');
    await form.getByTestId('meeting-title').fill('Comité de pilotage');
    await form.getByTestId('meeting-start-date').fill('2027-01-14');
    await form.getByTestId('meeting-start-time').fill('14:00');
    await form.getByTestId('meeting-end-date').fill('2027-01-14');
    await form.getByTestId('meeting-end-time').fill('16:00');
    await form.getByTestId('meeting-location').fill('Maison des associations, Lyon');
    await form.getByTestId('agenda-item').first().fill('Budget 2027');
    await form.getByTestId('schedule-submit').click();
    await lead.getByTestId('meeting-scheduled').waitFor();
    await lead.getByTestId('upcoming-meetings').getByTestId('meeting-link').filter({ hasText: 'Comité de pilotage' }).click();
    await lead.waitForURL((url) => /\/meetings\/[0-9a-f-]{36}$/.test(url.pathname));
    const meetingPath = new URL(lead.url()).pathname;
    const meetingId = meetingPath.split('/').pop() as string;
    const meetingUrl = `${api.url}${meetingPath}`;

    // Two partners write the minutes live, each seeing the other's words.
    await signIn(partner, api.url, sacha, meetingPath);
    await Promise.all([openMinutes(lead, meetingUrl), openMinutes(partner, meetingUrl)]);
    await write(lead, 'Le comité valide le budget 2027.');
    await partner.getByTestId('minutes-editor').getByText('Le comité valide le budget 2027.').waitFor({ timeout: 10_000 });
    await write(partner, 'La Coopérative Solaire anime le prochain atelier.');
    await lead.getByTestId('minutes-editor').getByText('La Coopérative Solaire anime le prochain atelier.').waitFor({ timeout: 10_000 });
    await lead.getByTestId('meeting-outcomes').getByText('Aucune décision issue de cette réunion pour le moment.').waitFor();
    await expectAccessible(lead);

    // From the meeting, a decision by consent.
    await lead.getByTestId('meeting-propose-decision').click();
    await lead.getByTestId('decision-title').fill('Réunir le comité chaque trimestre');
    await lead.getByTestId('decision-proposal').fill('Un représentant de chaque partenaire, quatre fois par an.');
    await lead.getByTestId('rule-consent').click();
    await expectAccessible(lead);
    await lead.getByTestId('decision-submit').click();
    const listed = lead.getByTestId('meeting-decision').filter({ hasText: 'Réunir le comité chaque trimestre' });
    await listed.getByText('Ouverte').waitFor();
    await listed.getByRole('link').click();
    await lead.waitForURL(/\/decisions\/[0-9a-f-]{36}$/);
    const decisionPath = new URL(lead.url()).pathname;
    await lead.getByTestId('position-agree').click();
    await lead.getByTestId('position-save').click();
    await lead.getByText('Position enregistrée.').waitFor();

    await partner.goto(`${api.url}${decisionPath}`);
    await partner.getByTestId('position-agree').click();
    await partner.getByTestId('position-save').click();
    await partner.getByText('Position enregistrée.').waitFor();

    await lead.reload();
    await lead.getByTestId('positions-table').getByText('Coopérative Solaire').waitFor();
    await lead.getByTestId('decision-close').click();
    await lead.getByTestId('decision-status').filter({ hasText: 'Adoptée' }).waitFor();
    await expectAccessible(lead);

    // The register filtered on the meeting shows it, with a chip to clear the filter.
    await lead.goto(`${api.url}/alliances/${allianceId}/decisions?meetingId=${meetingId}`);
    await lead.getByTestId('meeting-filter').getByText('Réunion : Comité de pilotage').waitFor();
    await lead.getByTestId('decisions-table').getByText('Réunir le comité chaque trimestre').waitFor();
    await expectAccessible(lead);

    // Back on the meeting: the decision is adopted; an action is assigned to Sacha from there.
    await lead.goto(meetingUrl);
    await lead.getByTestId('meeting-decision').filter({ hasText: 'Réunir le comité chaque trimestre' }).getByText('Adoptée').waitFor();
    await lead.getByTestId('meeting-new-action').click();
    await lead.getByTestId('action-title').fill('Préparer l’ordre du jour du prochain comité');
    await lead.getByTestId('action-assignee').click();
    await lead.locator('mat-option').filter({ hasText: 'Sacha Petit' }).click();
    await lead.locator('mat-option').first().waitFor({ state: 'detached' });
    await lead.getByTestId('action-due').fill('2027-03-01');
    await expectAccessible(lead);
    await lead.getByTestId('action-submit').click();
    const action = lead.getByTestId('meeting-action').filter({ hasText: 'Préparer l’ordre du jour du prochain comité' });
    await action.getByText('Sacha Petit').waitFor();
    await action.getByText('À faire').waitFor();

    // Sacha marks it done from the meeting's actions.
    await partner.goto(meetingUrl);
    await partner.getByTestId('meeting-actions').click();
    await partner.waitForURL((url) => url.pathname.endsWith('/actions') && url.searchParams.get('meetingId') === meetingId);
    await partner.getByTestId('meeting-filter').getByText('Réunion : Comité de pilotage').waitFor();
    const row = partner.getByTestId('action-row').filter({ hasText: 'Préparer l’ordre du jour du prochain comité' });
    await row.getByText('Sacha Petit').waitFor();
    await expectAccessible(partner);
    await row.getByRole('checkbox', { name: 'Marquer « Préparer l’ordre du jour du prochain comité » comme faite' }).check();
    await partner.getByText('Action mise à jour.').waitFor();
    await partner.getByTestId('meeting-filter-clear').click();
    await partner.waitForURL((url) => url.pathname.endsWith('/actions') && !url.searchParams.has('meetingId'));

    await lead.reload();
    await lead
      .getByTestId('meeting-action')
      .filter({ hasText: 'Préparer l’ordre du jour du prochain comité' })
      .getByText('Faite', { exact: true })
      .waitFor();
    await expectAccessible(lead);

    // The meeting as an iCalendar file.
    const downloaded = lead.waitForEvent('download');
    const [response] = await Promise.all([
      lead.waitForResponse((r) => r.url().endsWith(`/api/meetings/${meetingId}/ics`)),
      lead.getByTestId('meeting-ics').click(),
    ]);
    expect({ status: response.status(), type: response.headers()['content-type'] }).toEqual({
      status: 200,
      type: expect.stringContaining('text/calendar'),
    });
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe('comite-de-pilotage.ics');
    const ics = readFileSync((await download.path()) as string, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('SUMMARY:Comité de pilotage');

    // A report PDF attached to the grant report by the partner, downloaded by the funder: the same bytes.
    const { foundation } = await fundedByAFoundation(client, ADMIN_EMAIL, allianceId, camille);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(200_000), Buffer.from('\n%%EOF\n')]);
    await partner.goto(`${api.url}/alliances/${allianceId}/funding`);
    const panel = partner.getByTestId('report-item').filter({ hasText: 'Rapport intermédiaire' }).getByTestId('documents-panel');
    await panel.getByTestId('documents-empty').waitFor();
    await panel.getByTestId('document-file').setInputFiles({ name: 'rapport-comite.pdf', mimeType: 'application/pdf', buffer: pdf });
    expect(await panel.getByTestId('document-visibility').textContent()).toContain('Aussi les financeurs');
    await panel.getByTestId('document-send').click();
    await panel.getByTestId('documents-message').filter({ hasText: 'rapport-comite.pdf' }).waitFor();
    await expectAccessible(partner);

    const funder = await pool.open('Dominique');
    await signIn(funder, api.url, foundation, `/alliances/${allianceId}/funding`);
    const file = funder.getByTestId('document-row').filter({ hasText: 'rapport-comite.pdf' });
    await file.waitFor();
    await expectAccessible(funder);
    const [pdfDownload] = await Promise.all([funder.waitForEvent('download'), file.getByTestId('document-download').click()]);
    expect(pdfDownload.suggestedFilename()).toBe('rapport-comite.pdf');
    expect(sha256(readFileSync((await pdfDownload.path()) as string))).toBe(sha256(pdf));

    expect(errors).toEqual([]);
    console.log(`governance journey browser test: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 300_000);
});
