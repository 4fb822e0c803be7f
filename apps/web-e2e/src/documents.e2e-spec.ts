import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
import { browserPool, expectAccessible, signIn } from './support/browser';

const ENV = {
  ADMIN_EMAIL: 'admin@documents-web.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Issue 17: a partner attaches the report's PDF to a grant report (the progress bar shows), and the
 * funder finds it under the report and downloads the same bytes.
 */
describe('documents in Chromium', () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let partner: Session;
  let foundation: Session;
  let allianceId: string;
  const errors: string[] = [];
  const pool = browserPool(errors);

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    const api = new ApiClient(proc.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    const lead = await api.signUp({ displayName: 'Camille Pilote' });
    partner = await api.signUp({ displayName: 'Pascale Partenaire' });
    foundation = await api.signUp({ displayName: 'Dominique Fondation' });
    const leadOrg = (await api.applyOrganisation(lead, { name: 'Association des Aidants' })).id;
    const partnerOrg = (
      await api.applyOrganisation(partner, { name: 'Entreprise Solidaire', profile: 'company', rna: undefined, siren: randomSiren() })
    ).id;
    const funderOrg = (await api.applyOrganisation(foundation, { name: 'Fondation Solidaire', profile: 'foundation' })).id;
    for (const o of [leadOrg, partnerOrg, funderOrg]) await api.approveOrganisation(admin, o);
    const alliance = await api.post(
      '/api/alliances',
      {
        name: 'Aidants du Rhône',
        purpose: 'Soutenir les aidants familiaux.',
        category: 'philanthropy',
        collectiveObjectives: ['engagement'],
        domains: ['carers'],
        scale: 'local',
        territoryCodes: ['69123'],
        organisationId: leadOrg,
      },
      { token: lead.accessToken },
    );
    allianceId = alliance.body.id;
    for (const [o, role, s] of [
      [partnerOrg, 'partner', partner],
      [funderOrg, 'funder', foundation],
    ] as const) {
      expect(
        (await api.post(`/api/alliances/${allianceId}/members`, { organisationId: o, role }, { token: lead.accessToken })).status,
      ).toBe(201);
      expect((await api.post(`/api/alliances/${allianceId}/members/${o}/accept`, undefined, { token: s.accessToken })).status).toBe(200);
    }
    const grant = await api.post(
      `/api/alliances/${allianceId}/grants`,
      {
        funderOrganisationId: funderOrg,
        amount: 40_000,
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
        reports: [{ title: 'Rapport intermédiaire', dueOn: '2026-06-30' }],
        tranches: [{ amount: 40_000, dueOn: '2026-02-01' }],
      },
      { token: foundation.accessToken },
    );
    expect(grant.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await pool.closeAll();
    await proc?.stop();
    await db?.drop();
  });

  it('lets a partner attach a PDF to a grant report and the funder download it', async () => {
    // About 3 MB, so the upload reports its progress.
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(3_000_000), Buffer.from('\n%%EOF\n')]);
    const page = await pool.open('partner');
    await signIn(page, proc.url, partner, `/alliances/${allianceId}/funding`);
    const panel = page.getByTestId('documents-panel');
    await panel.getByTestId('documents-empty').waitFor();
    await expectAccessible(page);
    await panel.getByTestId('document-file').setInputFiles({ name: 'rapport-intermediaire.pdf', mimeType: 'application/pdf', buffer: pdf });
    // The report's documents default to "also the funders".
    expect(await panel.getByTestId('document-visibility').textContent()).toContain('Aussi les financeurs');
    await panel.getByTestId('document-send').click();
    await panel.getByTestId('document-progress').waitFor();
    await panel.getByTestId('documents-message').filter({ hasText: 'rapport-intermediaire.pdf' }).waitFor();
    expect(await panel.getByTestId('document-name').textContent()).toBe('rapport-intermediaire.pdf');
    await expectAccessible(page);

    // A file that is not what its name says is refused in words.
    await panel
      .getByTestId('document-file')
      .setInputFiles({ name: 'faux.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\u0090\u0000binaire') });
    await panel.getByTestId('document-send').click();
    await panel.getByTestId('documents-error').filter({ hasText: 'Ce type de fichier n’est pas accepté' }).waitFor();

    const funder = await pool.open('funder');
    await signIn(funder, proc.url, foundation, `/alliances/${allianceId}/funding`);
    const row = funder.getByTestId('document-row').filter({ hasText: 'rapport-intermediaire.pdf' });
    await row.waitFor();
    expect(await funder.getByTestId('document-upload-form').count()).toBe(0);
    await expectAccessible(funder);
    const [download] = await Promise.all([funder.waitForEvent('download'), row.getByTestId('document-download').click()]);
    expect(download.suggestedFilename()).toBe('rapport-intermediaire.pdf');
    const path = await download.path();
    expect(sha256(readFileSync(path as string))).toBe(sha256(pdf));
    expect(errors.filter((e) => !/status of 415/.test(e))).toEqual([]);
  }, 180_000);
});
