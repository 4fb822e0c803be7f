import {
  ApiClient,
  createTestDatabase,
  GOOD_PASSWORD,
  startApiProcess,
  type ApiProcess,
  type Session,
  type TestDatabase,
} from '@alliances/e2e/support';
import { LiveClient } from './support/live-client';

const ENV = {
  ADMIN_EMAIL: 'admin@console.test',
  ADMIN_PASSWORD: GOOD_PASSWORD,
  AUTH_THROTTLE_IP_PER_MINUTE: '10000',
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN: '10000',
};

describe('platform console and case-study library', () => {
  let db: TestDatabase;
  let proc: ApiProcess;
  let api: ApiClient;
  let admin: Session;
  let lead: Session;
  let partner: Session;
  let reader: Session;
  let leadOrg: string;
  let partnerOrg: string;
  let allianceId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    proc = await startApiProcess({ databaseUrl: db.url, env: ENV });
    api = new ApiClient(proc.url);
    admin = await api.login(ENV.ADMIN_EMAIL);
    [lead, partner, reader] = await Promise.all([api.signUp({ displayName: 'Chloé Pilote' }), api.signUp(), api.signUp()]);
    leadOrg = (await api.applyOrganisation(lead, { name: 'Collectivité de Lyon', profile: 'local_authority' })).id;
    partnerOrg = (await api.applyOrganisation(partner, { name: 'Entreprise locale', profile: 'company', siren: '552100554' })).id;
    await api.approveOrganisation(admin, leadOrg);
    await api.approveOrganisation(admin, partnerOrg);
    allianceId = (
      await api.post(
        '/api/alliances',
        {
          name: 'Mobilité des aidants',
          purpose: 'Transport solidaire',
          category: 'societal_innovation',
          collectiveObjectives: ['territory'],
          domains: ['mobility', 'carers'],
          scale: 'intercommunal',
          territoryCodes: ['69123'],
          organisationId: leadOrg,
        },
        { token: lead.accessToken },
      )
    ).body.id;
    await api.post(`/api/alliances/${allianceId}/members`, { organisationId: partnerOrg, role: 'partner' }, { token: lead.accessToken });
    await api.post(`/api/alliances/${allianceId}/members/${partnerOrg}/accept`, undefined, { token: partner.accessToken });
  });
  afterAll(async () => {
    await proc?.stop();
    await db?.drop();
  });

  it('gives the platform figures and the user list to platform admins only', async () => {
    const figures = await api.get('/api/admin/figures', { token: admin.accessToken });
    expect(figures.status).toBe(200);
    expect(figures.body.organisationsByProfile).toEqual(
      expect.arrayContaining([
        { profile: 'local_authority', count: 1 },
        { profile: 'company', count: 1 },
      ]),
    );
    expect(figures.body.alliancesByCategory).toEqual([{ category: 'societal_innovation', count: 1 }]);
    expect(figures.body.activeUsersThisMonth).toBeGreaterThanOrEqual(4);
    const search = await api.get('/api/admin/users?q=chlo', { token: admin.accessToken });
    expect(search.body.items.map((u: { displayName: string }) => u.displayName)).toEqual(['Chloé Pilote']);
    // Accents and case are ignored, both ways (fold_accents: unaccent where the server has it).
    for (const q of ['chloe', 'CHLOÉ', 'chloé pi']) {
      const folded = await api.get(`/api/admin/users?q=${encodeURIComponent(q)}`, { token: admin.accessToken });
      expect({ q, names: folded.body.items.map((u: { displayName: string }) => u.displayName) }).toEqual({ q, names: ['Chloé Pilote'] });
    }
    const directory = await api.get(`/api/alliances/directory/organisations?q=${encodeURIComponent('collectivite de')}`, {
      token: lead.accessToken,
    });
    expect(directory.body.map((o: { name: string }) => o.name)).toEqual(['Collectivité de Lyon']);
    expect((await api.get('/api/admin/figures', { token: lead.accessToken })).status).toBe(404);
    expect((await api.get('/api/admin/users', { token: lead.accessToken })).status).toBe(404);
  });

  it('disables a user, who is signed out at once (their live connection too), and enables them again', async () => {
    const victim = await api.signUp();
    expect((await api.get('/api/me', { token: victim.accessToken })).status).toBe(200);
    const live = await LiveClient.connect(proc.url, victim.accessToken);
    const closed = new Promise<string>((resolve) => live.socket.once('disconnect', (reason) => resolve(reason)));
    expect((await api.post(`/api/admin/users/${victim.user.id}/disable`, undefined, { token: admin.accessToken })).status).toBe(204);
    expect(await closed).toBe('io server disconnect');
    expect((await api.get('/api/me', { token: victim.accessToken })).status).toBe(401);
    expect((await api.post('/api/auth/refresh', undefined, { cookie: victim.refreshCookie })).status).toBe(401);
    expect((await api.post('/api/auth/login', { email: victim.email, password: GOOD_PASSWORD })).status).toBe(401);
    await api.post(`/api/admin/users/${victim.user.id}/enable`, undefined, { token: admin.accessToken });
    expect((await api.post('/api/auth/login', { email: victim.email, password: GOOD_PASSWORD })).status).toBe(200);
    expect((await api.post(`/api/admin/users/${admin.user.id}/disable`, undefined, { token: admin.accessToken })).status).toBe(409);
  });

  it('publishes a case study only once every partner organisation consents', async () => {
    expect(
      (
        await api.call('PUT', `/api/alliances/${allianceId}/case-study`, {
          token: partner.accessToken,
          body: { title: 'x y z', summary: 'x'.repeat(30), indicatorIds: [] },
        })
      ).status,
    ).toBe(403);
    const prepared = await api.call('PUT', `/api/alliances/${allianceId}/case-study`, {
      token: lead.accessToken,
      body: {
        title: 'Des transports solidaires pour les aidants',
        summary:
          'Les collectivités et les entreprises locales organisent ensemble des trajets partagés pour les aidants familiaux du territoire.',
        indicatorIds: [],
      },
    });
    expect(prepared.status).toBe(200);
    expect(prepared.body).toMatchObject({
      status: 'awaiting_consent',
      partnerProfiles: ['company', 'local_authority'],
      domains: ['mobility', 'carers'],
    });
    const id = prepared.body.id;
    expect((await api.get('/api/case-studies', { token: reader.accessToken })).body).toEqual([]);
    expect((await api.get(`/api/case-studies/${id}`, { token: reader.accessToken })).status).toBe(404);
    await api.post(`/api/case-studies/${id}/consents`, { organisationId: leadOrg }, { token: lead.accessToken });
    expect((await api.post(`/api/case-studies/${id}/consents`, { organisationId: partnerOrg }, { token: lead.accessToken })).status).toBe(
      403,
    );
    const published = await api.post(`/api/case-studies/${id}/consents`, { organisationId: partnerOrg }, { token: partner.accessToken });
    expect(published.body.status).toBe('published');
    expect((await api.get(`/api/case-studies/${id}`, { token: reader.accessToken })).status).toBe(200);
  });

  it('searches the library in French: plurals, accents, and filters', async () => {
    const titles = async (query: string) =>
      (await api.get(`/api/case-studies?${query}`, { token: reader.accessToken })).body.map((c: { title: string }) => c.title);
    const expected = ['Des transports solidaires pour les aidants'];
    expect(await titles('q=aidant')).toEqual(expected); // singular finds the plural
    expect(await titles('q=collectivite')).toEqual(expected); // no accent finds "collectivités"
    expect(await titles('q=entreprises%20locales')).toEqual(expected);
    expect(await titles('q=énergie')).toEqual([]);
    expect(await titles('profile=company&scale=intercommunal&domain=carers&category=societal_innovation')).toEqual(expected);
    expect(await titles('profile=foundation')).toEqual([]);
    expect((await api.get('/api/case-studies?scale=galactic', { token: reader.accessToken })).status).toBe(400);
  });

  it('lets a partner’s admin withdraw its consent once the alliance is closed, but not consent again (409 alliance.closed)', async () => {
    const id = (await api.get(`/api/alliances/${allianceId}/case-study`, { token: lead.accessToken })).body.id;
    const { version } = (await api.get(`/api/alliances/${allianceId}`, { token: lead.accessToken })).body;
    expect((await api.patch(`/api/alliances/${allianceId}`, { status: 'closed', version }, { token: lead.accessToken })).status).toBe(200);
    expect((await api.get(`/api/case-studies/${id}`, { token: reader.accessToken })).status).toBe(200);

    const withdrawn = await api.delete(`/api/case-studies/${id}/consents/${partnerOrg}`, { token: partner.accessToken });
    expect([withdrawn.status, withdrawn.body.status]).toEqual([200, 'awaiting_consent']);
    expect((await api.get(`/api/case-studies/${id}`, { token: reader.accessToken })).status).toBe(404);
    expect((await api.get('/api/case-studies', { token: reader.accessToken })).body).toEqual([]);

    const again = await api.post(`/api/case-studies/${id}/consents`, { organisationId: partnerOrg }, { token: partner.accessToken });
    expect([again.status, again.body.code]).toEqual([409, 'alliance.closed']);
    expect((await api.get(`/api/case-studies/${id}`, { token: reader.accessToken })).status).toBe(404);
  });
});
