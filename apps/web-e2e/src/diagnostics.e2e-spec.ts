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
import type { DiagnosticQuestionnaire } from '@alliances/shared/contracts';
import { openBrowser, screenshot, seriousAccessibilityViolations, type Browser } from './support/browser';

const ENV = {
  ADMIN_EMAIL: 'admin@diagnostics-web.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};

describe('self-diagnostic in Chromium', () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let browser: Browser;
  let owner: Session;
  let orgId: string;
  let questionnaire: DiagnosticQuestionnaire;

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    api = new ApiClient(proc.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    owner = await api.signUp({ displayName: 'Camille Association' });
    orgId = (await api.applyOrganisation(owner, { name: 'Les Jardins Partagés' })).id;
    await api.approveOrganisation(admin, orgId);
    questionnaire = (await api.get('/api/diagnostics/questionnaire?profile=association&lang=fr', { token: owner.accessToken })).body;
    browser = await openBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await proc?.stop();
    await db?.drop();
  });

  it('lets a member answer the self-diagnostic by clicking, then see levels, suggestions, history and the PDF', async () => {
    const { page } = browser;
    await page.goto(`${proc.url}/sign-in`);
    await page.getByTestId('sign-in-email').fill(owner.email);
    await page.getByTestId('sign-in-password').fill(owner.password);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

    // From the organisation's page to the introduction.
    await page.goto(`${proc.url}/organisations/${orgId}`);
    await page.getByTestId('link-diagnostic').filter({ hasText: 'autodiagnostic' }).click();
    await page.waitForURL(`**/organisations/${orgId}/diagnostic`);
    await page.getByTestId('diagnostic-duration').filter({ hasText: 'Comptez 10 à 15 minutes.' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByTestId('diagnostic-start').click();
    await page.getByTestId('diagnostic-step').filter({ hasText: 'Étape 1 sur 4 : Vos objectifs' }).waitFor();
    const total = questionnaire.axes.flatMap((a) => a.questions).length;
    await page
      .getByTestId('diagnostic-progress')
      .filter({ hasText: `0 questions répondues sur ${total}` })
      .waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Going on with nothing answered says what is missing and stays on the step.
    await page.getByTestId('diagnostic-next').click();
    await page.locator('.field-error').first().filter({ hasText: 'sans réponse' }).waitFor();

    let answered = 0;
    for (const [i, axis] of questionnaire.axes.entries()) {
      await page
        .getByTestId('diagnostic-step')
        .filter({ hasText: `Étape ${i + 1} sur 4 : ${axis.title}` })
        .waitFor();
      for (const [qi, q] of axis.questions.entries()) {
        const last = q.options[q.options.length - 1].id;
        if (i === 0 && qi === 0) {
          // The keyboard works too: focus an option, select it with the space bar.
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
      await page.getByTestId('diagnostic-next').click();
    }

    // The result: levels per axis as a radar and as a table, the suggestions and their reasons.
    await page.getByTestId('diagnostic-feedback').filter({ hasText: 'Votre autodiagnostic est enregistré.' }).waitFor();
    await page.getByTestId('axis-maturity').filter({ hasText: '100 / 100 (avancé)' }).waitFor();
    await page.getByTestId('diagnostic-radar').locator('canvas').waitFor();
    expect(await page.getByTestId('category-societal_innovation').textContent()).toContain('Innovation sociétale');
    expect(await page.getByTestId('category-societal_innovation').textContent()).toContain('Vos réponses cherchent des réponses nouvelles');
    expect(await page.getByTestId('suggested-square').locator('li').allTextContents()).toEqual([
      'Modèle économique',
      'Proposition de valeur',
      'Positionnement',
      'Processus',
    ]);
    expect(await page.getByTestId('diagnostic-history').locator('li').count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('diagnostic-pdf').click()]);
    const pdf = readFileSync((await download.path()) as string);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    // A second diagnostic later: the page compares it with the first one.
    const first = questionnaire.axes.flatMap((a) => a.questions.map((q) => ({ questionId: q.id, optionId: q.options[0].id })));
    expect((await api.post(`/api/organisations/${orgId}/diagnostics`, { answers: first }, { token: owner.accessToken })).status).toBe(201);
    await page.reload();
    await page.getByTestId('axis-maturity').filter({ hasText: '0 / 100 (émergent)' }).waitFor();
    expect(await page.getByTestId('axis-maturity').textContent()).toContain('-100');
    expect(await page.getByTestId('diagnostic-history').locator('li').count()).toBe(2);
    await page.getByTestId('diagnostic-radar').locator('canvas').waitFor();
    await screenshot(page, 'diagnostic-result');
  }, 180_000);
});
