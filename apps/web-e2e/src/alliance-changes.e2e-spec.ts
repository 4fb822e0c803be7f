import {
  ApiClient,
  GOOD_PASSWORD,
  createTestDatabase,
  startApiProcess,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import { browserPool, expectAccessible, screenshot, signIn } from './support/browser';

const ENV = {
  ADMIN_EMAIL: 'admin@alliance-changes-web.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};

/** Alliances that change (issue 16, point 2), as people do it: a partner leaves, the lead closes with a final note. */
describe('alliances that change, in Chromium', () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let lead: Session;
  let partner: Session;
  let allianceId: string;
  const errors: string[] = [];
  const browsers = browserPool(errors);

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    api = new ApiClient(proc.url);
    const admin = await api.login(ENV.ADMIN_EMAIL);
    lead = await api.signUp({ displayName: 'Camille Pilote' });
    partner = await api.signUp({ displayName: 'Paul Partenaire' });
    const leadOrg = (await api.applyOrganisation(lead, { name: 'Association des Aidants' })).id;
    const partnerOrg = (await api.applyOrganisation(partner, { name: 'Transports Solidaires' })).id;
    await api.approveOrganisation(admin, leadOrg);
    await api.approveOrganisation(admin, partnerOrg);
    const alliance = await api.post(
      '/api/alliances',
      {
        name: 'Aidants en mouvement',
        purpose: 'Aider les aidants à se déplacer.',
        category: 'economic_cooperation',
        collectiveObjectives: ['territory'],
        domains: ['mobility'],
        scale: 'local',
        territoryCodes: ['69123'],
        organisationId: leadOrg,
      },
      { token: lead.accessToken },
    );
    expect(alliance.status).toBe(201);
    allianceId = alliance.body.id;
    const A = `/api/alliances/${allianceId}`;
    expect((await api.post(`${A}/members`, { organisationId: partnerOrg, role: 'partner' }, { token: lead.accessToken })).status).toBe(201);
    expect((await api.post(`${A}/members/${partnerOrg}/accept`, undefined, { token: partner.accessToken })).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await browsers.closeAll();
    await proc?.stop();
    await db?.drop();
  });

  it('lets a partner’s admin leave the alliance: it is gone from their list', async () => {
    const page = await browsers.open('partner');
    await signIn(page, proc.url, partner, `/alliances/${allianceId}`);
    await page.getByTestId('alliance-title').filter({ hasText: 'Aidants en mouvement' }).waitFor();
    // Only their own organisation's row offers to leave; they cannot remove the lead.
    expect(await page.getByTestId('remove-member').count()).toBe(0);
    const leave = page.getByTestId('leave-alliance');
    await leave.filter({ hasText: "Quitter l'alliance" }).waitFor();
    await expectAccessible(page);

    await leave.click();
    await page.getByRole('alertdialog').filter({ hasText: 'Transports Solidaires quitte l' }).waitFor();
    await expectAccessible(page);
    await page.getByTestId('confirm-accept').click();

    await page.waitForURL((url) => url.pathname === '/alliances');
    await page.getByTestId('alliances-empty').waitFor();
    expect(await page.getByTestId('alliance-card').count()).toBe(0);
    await screenshot(page, 'alliance-changes-partner-left');
    expect((await api.get(`/api/alliances/${allianceId}`, { token: partner.accessToken })).status).toBe(404);
  });

  it('lets the lead close the alliance with a final note, then shows it read-only with the note', async () => {
    const page = await browsers.open('lead');
    await signIn(page, proc.url, lead, `/alliances/${allianceId}`);
    await page.getByTestId('alliance-title').filter({ hasText: 'Aidants en mouvement' }).waitFor();
    await page.getByTestId('partner-row').filter({ hasText: 'Transports Solidaires' }).filter({ hasText: 'A quitté l' }).waitFor();

    await page.getByTestId('close-alliance').click();
    await page.getByRole('dialog').filter({ hasText: 'Note finale' }).waitFor();
    await expectAccessible(page);
    await page.getByTestId('closing-note').fill('Mission accomplie : 120 aidants accompagnés. Merci à tous.');
    await page.getByTestId('close-alliance-confirm').click();

    const banner = page.getByTestId('alliance-closed-banner');
    await banner.filter({ hasText: 'Cette alliance est close' }).waitFor();
    await page.getByTestId('alliance-closing-note').filter({ hasText: 'Mission accomplie : 120 aidants accompagnés.' }).waitFor();
    for (const id of ['edit-alliance', 'close-alliance', 'hand-over-lead', 'invite-form', 'remove-member'])
      expect(await page.getByTestId(id).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'alliance-changes-closed');

    // After a reload too: the note is kept.
    await page.reload();
    await page.getByTestId('alliance-closing-note').filter({ hasText: 'Merci à tous.' }).waitFor();
    expect(errors).toEqual([]);
  });
});
