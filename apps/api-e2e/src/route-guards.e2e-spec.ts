import {
  ApiClient,
  createTestDatabase,
  fillPath,
  listOperations,
  operationKey,
  plausibleBody,
  startApiProcess,
  testServerName,
  type ApiProcess,
  type Operation,
  type TestDatabase,
} from '@alliances/e2e/support';
import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Every route of the OpenAPI document needs a token, except the public ones listed here. A route
 * added later without a guard makes this suite fail until it is listed — on purpose.
 */
const PUBLIC_ROUTES = new Set([
  'GET /api/health',
  'POST /api/auth/register',
  'POST /api/auth/login',
  'POST /api/auth/refresh',
  // The second step of a sign-in (issue 15): its challenge token stands for the first.
  'POST /api/auth/login/mfa',
  'GET /api/invitations/{token}',
  // The preview of an alliance's invitation of an organisation not yet on the platform (issue 14).
  'GET /api/alliance-invitations/{token}',
  // Single sign-on (issue 15): the button, and the browser's trips to and back from the provider.
  'GET /api/auth/providers',
  'GET /api/auth/oidc/login',
  'GET /api/auth/oidc/callback',
  // The links of the account mails (issue 15): the token is the capability.
  'POST /api/auth/password/forgot',
  'POST /api/auth/password/reset',
  'POST /api/auth/email/confirm',
  // The one-click unsubscribe of notification mails (issue 16, RFC 8058): the signed token is the capability.
  'GET /api/notifications/unsubscribe',
  'POST /api/notifications/unsubscribe',
  // The personal iCalendar feed (issue 17): calendar applications fetch it without a session; the secret address is the capability.
  'GET /api/calendar/{file}',
  // The public library (issue 18): published case studies and open alliance pages, for anyone; the HTML
  // pages, their feed and the sitemap live outside /api so that links and crawlers get them at once.
  'GET /api/public/case-studies',
  'GET /api/public/case-studies/{slug}',
  'GET /api/public/alliance-pages/{slug}',
  'GET /public/library',
  'GET /public/library/feed.atom',
  'GET /public/library/{slug}',
  'GET /public/alliances/{slug}',
  'GET /sitemap.xml',
  // The observatory's open data (issue 18): platform aggregates, k ≥ 5, Licence Ouverte; throttled per address.
  'GET /api/public/observatory.json',
  'GET /api/public/observatory.csv',
]);

/**
 * What a restricted session (a rule requires two-step sign-in and it is not set up) may call; every
 * other protected route answers it 403 auth.two_factor_setup_required.
 */
const DURING_TWO_FACTOR_SETUP = new Set([
  'GET /api/me',
  'GET /api/me/security',
  'POST /api/me/totp',
  'POST /api/me/totp/confirm',
  'DELETE /api/me/totp',
  'POST /api/me/totp/recovery-codes',
  'POST /api/auth/logout',
]);
const ADMIN_EMAIL = 'route.guards.admin@example.org';
const ADMIN_PASSWORD = 'Admin-Passphrase-2024!';

const paramValue = (name: string): string => (name === 'token' ? randomBytes(32).toString('base64url') : randomUUID());

describe(`route guards (${testServerName()})`, () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let client: ApiClient;
  let operations: Operation[];

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({ databaseUrl: db.url, env: { ADMIN_EMAIL, ADMIN_PASSWORD, AUTH_THROTTLE_IP_PER_MINUTE: '10000' } });
    client = new ApiClient(api.url);
    operations = await listOperations(api.url);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const urlOf = (op: Operation) => fillPath(op.path, Object.fromEntries(op.pathParams.map((p) => [p, paramValue(p)])));

  it('lists the routes it checks, public ones included', () => {
    expect(operations.length).toBeGreaterThanOrEqual(20);
    const keys = new Set(operations.map(operationKey));
    // The allow-list names real routes only: a renamed public route must be renamed here too.
    for (const route of PUBLIC_ROUTES) expect(keys).toContain(route);
  });

  it('protects the meetings routes (issue 17), which are in the document it checks', async () => {
    const keys = new Set(operations.map(operationKey));
    const meetings = [
      'POST /api/alliances/{id}/meetings',
      'GET /api/alliances/{id}/meetings',
      'GET /api/meetings/{id}',
      'PATCH /api/meetings/{id}',
      'POST /api/meetings/{id}/cancel',
      'POST /api/meetings/{id}/attendance',
      'GET /api/meetings/{id}/minutes',
      'POST /api/meetings/{id}/minutes/finalise',
      'POST /api/meetings/{id}/minutes/reopen',
      'POST /api/meetings/{id}/minutes/approve',
      // The meeting's `.ics` download (issue 17, calendar lib): a session is needed, unlike the personal feed.
      'GET /api/meetings/{id}/ics',
    ];
    for (const route of meetings) {
      expect(keys).toContain(route);
      expect(PUBLIC_ROUTES.has(route)).toBe(false);
      const op = operations.find((o) => operationKey(o) === route) as Operation;
      expect((await client.call(op.method, urlOf(op), { body: op.bodySchema ? {} : undefined })).status).toBe(401);
    }
  });

  it('protects the evaluation schedule routes (issue 18)', async () => {
    const keys = new Set(operations.map(operationKey));
    for (const route of ['GET /api/alliances/{id}/evaluation-schedule', 'PUT /api/alliances/{id}/evaluation-schedule']) {
      expect(keys).toContain(route);
      expect(PUBLIC_ROUTES.has(route)).toBe(false);
      const op = operations.find((o) => operationKey(o) === route) as Operation;
      expect((await client.call(op.method, urlOf(op), { body: op.bodySchema ? {} : undefined })).status).toBe(401);
    }
  });

  it('answers 401 to every non-public route called without a token', async () => {
    const outcomes: Record<string, number> = {};
    for (const op of operations.filter((o) => !PUBLIC_ROUTES.has(operationKey(o)))) {
      const res = await client.call(op.method, urlOf(op), { body: op.bodySchema ? (plausibleBody(op.bodySchema, {}) ?? {}) : undefined });
      outcomes[operationKey(op)] = res.status;
      if (res.status === 401) expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    }
    console.log(`route guards: ${Object.keys(outcomes).length} protected routes checked, ${PUBLIC_ROUTES.size} public`);
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(outcomes).map((k) => [k, 401])));
    expect(Object.keys(outcomes).length).toBeGreaterThanOrEqual(15);
  });

  it('answers 401 to a malformed or foreign token the same way', async () => {
    const bad = ['Bearer not-a-token', 'Bearer ', 'Basic dXNlcjpwYXNz', `Bearer ${'e30'}.${'e30'}.`];
    const outcomes: Record<string, number[]> = {};
    for (const op of operations.filter((o) => !PUBLIC_ROUTES.has(operationKey(o)))) {
      const url = urlOf(op);
      outcomes[operationKey(op)] = [];
      for (const authorization of bad) {
        const res = await client.call(op.method, url, { headers: { authorization }, body: op.bodySchema ? {} : undefined });
        outcomes[operationKey(op)].push(res.status);
      }
    }
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(outcomes).map((k) => [k, bad.map(() => 401)])));
  });

  it('answers 403 auth.two_factor_setup_required to a restricted session on every route but setting two-step sign-in up', async () => {
    // A platform administrator without two-step sign-in signs in with a restricted session.
    const login = await client.post('/api/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    expect(login.body.twoFactorSetupRequired).toBe(true);
    const token: string = login.body.accessToken;
    const outcomes: Record<string, string> = {};
    const protectedOps = operations.filter((o) => !PUBLIC_ROUTES.has(operationKey(o)));
    for (const op of protectedOps.filter((o) => !DURING_TWO_FACTOR_SETUP.has(operationKey(o)))) {
      const res = await client.call(op.method, urlOf(op), {
        token,
        body: op.bodySchema ? (plausibleBody(op.bodySchema, {}) ?? {}) : undefined,
      });
      outcomes[operationKey(op)] = `${res.status} ${res.body?.code}`;
    }
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(outcomes).map((k) => [k, '403 auth.two_factor_setup_required'])));
    const keys = new Set(protectedOps.map(operationKey));
    for (const route of DURING_TWO_FACTOR_SETUP) expect(keys).toContain(route);
    expect((await client.get('/api/me', { token })).status).toBe(200);
    expect((await client.get('/api/me/security', { token })).status).toBe(200);
  });

  it('serves the public routes without a token', async () => {
    expect((await client.get('/api/health')).status).toBe(200);
    expect((await client.get('/api/docs-json')).status).toBe(200);
    expect((await client.get('/api/docs')).status).toBe(200);
    expect((await client.get(`/api/invitations/${randomBytes(32).toString('base64url')}`)).status).toBe(404);
    expect((await client.get(`/api/alliance-invitations/${randomBytes(32).toString('base64url')}`)).status).toBe(404);
    expect((await client.post('/api/auth/login', { email: 'nobody@example.org', password: 'Whatever-password-1' })).status).toBe(401);
    expect((await client.post('/api/auth/refresh')).status).toBe(401);
    expect((await client.post('/api/auth/login/mfa', { mfaToken: randomBytes(32).toString('base64url'), code: '123456' })).status).toBe(
      401,
    );
    expect((await client.post('/api/auth/register', {})).status).toBe(400);
    // This process has no OIDC_ISSUER: no button, and the single sign-on routes say so.
    expect((await client.get('/api/auth/providers')).body).toEqual({ oidc: null });
    expect((await client.get('/api/auth/oidc/login')).status).toBe(404);
    expect((await client.get('/api/auth/oidc/callback')).status).toBe(404);
    expect(
      (await client.post(`/api/notifications/unsubscribe?token=${randomUUID()}.all.${randomBytes(32).toString('base64url')}`)).status,
    ).toBe(400);
    expect((await client.get(`/api/calendar/${randomBytes(32).toString('base64url')}.ics`)).status).toBe(404);
    expect((await client.get('/api/public/case-studies')).status).toBe(200);
    expect((await client.get('/api/public/case-studies/no-such-card')).status).toBe(404);
    expect((await client.get('/public/library')).status).toBe(200);
    expect((await client.get('/public/library/no-such-card')).status).toBe(404);
    expect((await client.get('/sitemap.xml')).status).toBe(200);
    expect((await client.get('/api/public/observatory.json')).status).toBe(200);
    expect((await client.get('/api/public/observatory.csv')).status).toBe(200);
  });

  it('protects the observatory and benchmark routes (issue 18); only the open data is public', async () => {
    const keys = new Set(operations.map(operationKey));
    for (const route of [
      'GET /api/observatory',
      'GET /api/alliances/{id}/observatory',
      'PUT /api/alliances/{id}/observatory',
      'POST /api/alliances/{id}/observatory/consents',
      'DELETE /api/alliances/{id}/observatory/consents/{organisationId}',
      'GET /api/alliances/{id}/benchmark',
    ]) {
      expect(keys).toContain(route);
      expect(PUBLIC_ROUTES.has(route)).toBe(false);
      const op = operations.find((o) => operationKey(o) === route) as Operation;
      expect((await client.call(op.method, urlOf(op), { body: op.bodySchema ? {} : undefined })).status).toBe(401);
    }
  });

  it('guards the routes of alliances that change (issue 16): leaving or removing a member, handing over the lead', async () => {
    const keys = new Set(operations.map(operationKey));
    for (const route of ['DELETE /api/alliances/{id}/members/{organisationId}', 'POST /api/alliances/{id}/lead']) {
      expect(keys).toContain(route);
      expect(PUBLIC_ROUTES.has(route)).toBe(false);
    }
    const [id, organisationId] = [randomUUID(), randomUUID()];
    expect((await client.delete(`/api/alliances/${id}/members/${organisationId}`)).status).toBe(401);
    expect((await client.post(`/api/alliances/${id}/lead`, { organisationId })).status).toBe(401);
  });

  it('guards the results routes of issue 18: the multi-year trend and the value created', async () => {
    const keys = new Set(operations.map(operationKey));
    for (const route of ['GET /api/alliances/{id}/evaluation-trend', 'GET /api/alliances/{id}/value-created']) {
      expect(keys).toContain(route);
      expect(PUBLIC_ROUTES.has(route)).toBe(false);
      const op = operations.find((o) => operationKey(o) === route) as Operation;
      expect((await client.call(op.method, urlOf(op))).status).toBe(401);
    }
  });
});
