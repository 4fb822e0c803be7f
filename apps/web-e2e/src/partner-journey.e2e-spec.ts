import {
  ApiClient,
  GOOD_PASSWORD,
  createTestDatabase,
  randomSiren,
  startApiProcess,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import type { DiagnosticQuestionnaire } from '@alliances/shared/contracts';
import type { Page } from 'playwright-core';
import { expectAccessible, openBrowser, screenshot, signIn, watchConsole, type Browser } from './support/browser';

const ADMIN_EMAIL = 'admin@partner-journey.test';
const LYON = '69123';
const GRENOBLE = '38185';
const VILLEURBANNE = '69266';
const PARIS = '75056';
const AUVERGNE_RHONE_ALPES = 'R84';
const ASSOCIATION = 'Les Jardins du Rhône';
const COMPANY = 'Transports Alpins';
const UNLISTED = 'Transports Villeurbannais';
const ELSEWHERE = 'Transports Parisiens';
const MESSAGE = 'Mettons nos camions au service des jardins partagés de la région : vous transportez, nous cultivons.';

describe('the partner journey in Chromium: diagnose, find a company of the région, propose, accept, set up the alliance', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let client: ApiClient;
  let association: { id: string; owner: Session };
  let company: { id: string; owner: Session };
  let questionnaire: DiagnosticQuestionnaire;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({
      databaseUrl: db.url,
      env: { ADMIN_EMAIL, ADMIN_PASSWORD: GOOD_PASSWORD, AUTH_THROTTLE_IP_PER_MINUTE: '10000', AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000' },
    });
    client = new ApiClient(api.url);
    const admin = await client.login(ADMIN_EMAIL);

    /** An approved organisation; listed in the directory (through its profile's opt-in) when asked. */
    async function organisation(name: string, territoryCode: string, profile: 'association' | 'company', listed: boolean) {
      const owner = await client.signUp({ displayName: `Admin ${name}` });
      const org = await client.applyOrganisation(owner, {
        name,
        profile,
        territoryCode,
        ...(profile === 'company' ? { rna: undefined, siren: randomSiren() } : {}),
      });
      await client.approveOrganisation(admin, org.id);
      if (listed) {
        const res = await client.patch(
          `/api/organisations/${org.id}`,
          { listed: true, openToAlliances: true, description: `${name} : logistique et transport de proximité.` },
          { token: owner.accessToken },
        );
        expect(res.status).toBe(200);
      }
      return { id: org.id as string, owner };
    }

    association = await organisation(ASSOCIATION, LYON, 'association', false);
    company = await organisation(COMPANY, GRENOBLE, 'company', true);
    await organisation(UNLISTED, VILLEURBANNE, 'company', false);
    await organisation(ELSEWHERE, PARIS, 'company', true);
    questionnaire = (
      await client.get('/api/diagnostics/questionnaire?profile=association&lang=fr', { token: association.owner.accessToken })
    ).body;
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

  it('takes an association from its self-diagnostic to the alliance a company of its région accepted', async () => {
    const started = Date.now();
    const errors: string[] = [];

    // (1) The association's admin diagnoses the association, from its page, by clicking and with the keyboard.
    const page = await open();
    watchConsole(page, 'association', errors);
    await signIn(page, api.url, association.owner, `/organisations/${association.id}`);
    await page.getByTestId('link-diagnostic').filter({ hasText: 'autodiagnostic' }).click();
    await page.waitForURL(`**/organisations/${association.id}/diagnostic`);
    await page.getByTestId('diagnostic-start').click();
    const total = questionnaire.axes.flatMap((a) => a.questions).length;
    let answered = 0;
    for (const [i, axis] of questionnaire.axes.entries()) {
      await page
        .getByTestId('diagnostic-step')
        .filter({ hasText: `Étape ${i + 1} sur ${questionnaire.axes.length} : ${axis.title}` })
        .waitFor();
      for (const [qi, q] of axis.questions.entries()) {
        const last = q.options[q.options.length - 1].id;
        if (qi === 0) {
          await page.getByTestId(`option-${q.id}-${last}`).locator('input').focus();
          await page.keyboard.press('Space');
        } else {
          await page.getByTestId(`option-${q.id}-${last}`).locator('label').click();
        }
        answered += 1;
      }
      await page
        .getByTestId('diagnostic-progress')
        .filter({ hasText: `${answered} questions répondues sur ${total}` })
        .waitFor();
      if (i === 0) await expectAccessible(page);
      await page.getByTestId('diagnostic-next').click();
    }
    await page.getByTestId('diagnostic-feedback').filter({ hasText: 'Votre autodiagnostic est enregistré.' }).waitFor();
    await page.getByTestId('axis-maturity').filter({ hasText: '100 / 100 (avancé)' }).waitFor();
    expect(await page.getByTestId('diagnostic-history').locator('li').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'journey-diagnostic');

    // (2) It looks for a partner in the directory: both listed companies first, then only the one of its région.
    await page.goto(`${api.url}/annuaire`);
    const cards = page.getByTestId('directory-card');
    const wanted = cards.filter({ hasText: COMPANY });
    await cards.filter({ hasText: ELSEWHERE }).waitFor();
    await wanted.waitFor();
    await page.getByTestId('directory-territory').pressSequentially('Auvergne');
    await page.getByTestId(`territory-${AUVERGNE_RHONE_ALPES}`).click();
    await page.waitForURL((url) => url.searchParams.get('territory') === AUVERGNE_RHONE_ALPES);
    await page.getByTestId('directory-q').fill('transports');
    await page.waitForURL((url) => url.searchParams.get('q') === 'transports');
    await page.getByTestId('directory-count').filter({ hasText: '1 organisation(s) correspondent.' }).waitFor();
    await cards.filter({ hasText: ELSEWHERE }).waitFor({ state: 'detached' });
    expect(await cards.count()).toBe(1);
    expect(await wanted.textContent()).toContain('Grenoble');
    // The unlisted company of the same région, matching the same word, stays out of the directory.
    expect(await page.locator('main').textContent()).not.toContain(UNLISTED);
    await expectAccessible(page);
    await screenshot(page, 'journey-directory');

    // (3) It opens the company's card and proposes an alliance, with a message and a category.
    await wanted.getByTestId('directory-card-link').click();
    await page.waitForURL(`**/annuaire/${company.id}`);
    expect((await page.getByTestId('directory-card-name').textContent())?.trim()).toBe(COMPANY);
    await page.getByTestId('propose-open').click();
    await page.getByTestId('propose-message').fill(MESSAGE);
    // Where a user clicks: the empty field, its label lying over the select until it floats.
    await page
      .locator('mat-form-field')
      .filter({ has: page.getByTestId('propose-category') })
      .click();
    await page.getByRole('option', { name: 'Coopération économique' }).click();
    await page.getByRole('option').first().waitFor({ state: 'detached' });
    expect(await page.getByTestId('propose-from').textContent()).toContain(ASSOCIATION);
    await expectAccessible(page);
    await page.getByTestId('propose-send').click();
    await page
      .getByTestId('proposal-sent')
      .filter({ hasText: `les administrateurs de ${COMPANY} sont prévenus` })
      .waitFor();
    await screenshot(page, 'journey-proposed');

    // (4) The company's admin, in another browser, finds it in its inbox and accepts it.
    const other = await open();
    watchConsole(other, 'company', errors);
    await signIn(other, api.url, company.owner, `/organisations/${company.id}`);
    await other.getByTestId('link-proposals').click();
    await other.waitForURL((url) => url.pathname === `/organisations/${company.id}/proposals`);
    const received = other.getByTestId('proposal-card').filter({ hasText: ASSOCIATION });
    await received.waitFor();
    expect(await received.getByTestId('proposal-message').textContent()).toContain(MESSAGE);
    expect(await received.getByTestId('proposal-category').textContent()).toContain('Coopération économique');
    expect(await received.getByTestId('proposal-status').textContent()).toContain('En attente');
    await expectAccessible(other);
    await received.getByTestId('proposal-accept').click();
    await other.getByTestId('confirm-accept').click();

    // (5) It lands on the new alliance's wizard, filled from the proposal, waiting for the association (the lead).
    await other.waitForURL((url) => /^\/alliances\/[^/]+\/setup$/.test(url.pathname));
    const allianceId = new URL(other.url()).pathname.split('/')[2];
    await other
      .getByTestId('draft-waiting')
      .filter({ hasText: `En attente du chef de file : ${ASSOCIATION}` })
      .waitFor();
    const summary = (await other.getByTestId('draft-summary').textContent()) ?? '';
    for (const text of [MESSAGE, ASSOCIATION, COMPANY, 'Coopération économique']) expect(summary).toContain(text);
    await expectAccessible(other);
    await screenshot(other, 'journey-accepted');

    // (6) The association's admin finds the accepted proposal among those it sent and opens the alliance, as its lead.
    await page.goto(`${api.url}/organisations/${association.id}/proposals`);
    await page.getByRole('tab', { name: 'Envoyées' }).click();
    // (During the tabs' slide the old panel still shows: the list named after the box is the one to read.)
    const sent = page.getByRole('list', { name: 'Envoyées' }).getByTestId('proposal-card').filter({ hasText: COMPANY });
    await sent.getByTestId('proposal-status').filter({ hasText: 'Acceptée' }).waitFor();
    await sent.getByTestId('proposal-alliance').click();
    await page.waitForURL(`**/alliances/${allianceId}/setup`);
    await page.getByTestId('draft-intro').waitFor();
    await page
      .locator('h1')
      .filter({ hasText: `Alliance ${ASSOCIATION} – ${COMPANY}` })
      .waitFor();
    await expect(page.getByTestId('alliance-name').inputValue()).resolves.toBe(`Alliance ${ASSOCIATION} – ${COMPANY}`);
    await expect(page.getByTestId('alliance-purpose').inputValue()).resolves.toBe(MESSAGE);
    expect(await page.getByTestId('alliance-lead').textContent()).toContain(ASSOCIATION);
    await expect(page.getByTestId('category-economic_cooperation').locator('input').isChecked()).resolves.toBe(true);
    expect(await page.getByTestId('draft-waiting').count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'journey-lead-setup');

    // The alliance exists, a draft with both organisations: the association leads, the company is its partner.
    const alliance = await client.get(`/api/alliances/${allianceId}`, { token: association.owner.accessToken });
    expect(alliance.status).toBe(200);
    expect(alliance.body).toMatchObject({ status: 'draft', category: 'economic_cooperation', purpose: MESSAGE });
    expect(alliance.body.members.map((m: { organisationId: string; role: string }) => [m.organisationId, m.role]).sort()).toEqual(
      [
        [association.id, 'lead'],
        [company.id, 'partner'],
      ].sort(),
    );

    expect(errors).toEqual([]);
    console.log(`partner journey took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 240_000);
});
