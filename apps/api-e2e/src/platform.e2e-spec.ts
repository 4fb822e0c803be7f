import { request } from 'node:http';
import {
  ApiClient,
  createTestDatabase,
  sql,
  startApiProcess,
  testServerName,
  type ApiProcess,
  type TestDatabase,
} from '@alliances/e2e/support';

describe(`the API platform (${testServerName()})`, () => {
  let db: TestDatabase;
  let api: ApiProcess;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApiProcess({ databaseUrl: db.url });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('reports itself healthy with its database up', async () => {
    const res = await fetch(`${api.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('answers unknown API routes with the contract JSON 404, whatever the method', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const res = await fetch(`${api.url}/api/no-such-route/123`, { method });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(await res.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
    }
  });

  it('answers a malformed JSON body with 400, not 500', async () => {
    const res = await fetch(`${api.url}/api/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"broken": ',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('refuses a body nested thousands of levels deep with 400 on every kind of route, and keeps serving', async () => {
    const client = new ApiClient(api.url);
    const session = await client.signUp();
    const deepBodies = {
      arrays: '['.repeat(5000) + ']'.repeat(5000),
      objects: '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
      'a field': `{"email":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)},"password":"x"}`,
      'just too deep': `{"name":${'['.repeat(40)}${']'.repeat(40)}}`,
    };
    const routes = [
      { path: '/api/auth/login' },
      { path: '/api/auth/register' },
      { path: '/api/organisations', token: session.accessToken },
      { path: '/api/comments', token: session.accessToken },
      // Without a token: refused as malformed before anything walks the body.
      { path: '/api/organisations' },
    ];
    for (const route of routes) {
      for (const [kind, body] of Object.entries(deepBodies)) {
        const res = await client.post(route.path, body, { token: route.token });
        expect({ route: route.path, kind, status: res.status }).toEqual({ route: route.path, kind, status: 400 });
        expect(res.body).toMatchObject({
          statusCode: 400,
          error: 'Bad Request',
          code: 'validation.too_deep',
          details: [{ field: 'body', codes: ['maxDepth'] }],
        });
      }
    }
    // A body as deep as any real one still reaches validation.
    const shallow = await client.post(
      '/api/organisations',
      { name: 'A', profile: 'association', rna: [[['W751234567']]] },
      { token: session.accessToken },
    );
    expect(shallow.status).toBe(400);
    expect(shallow.body.code).not.toBe('validation.too_deep');

    expect((await fetch(`${api.url}/api/health`)).status).toBe(200);
    expect((await client.login(session.email)).accessToken).toEqual(expect.any(String));
    expect(api.output()).not.toContain('Maximum call stack size exceeded');
  });

  it('refuses an oversized body with 413 in the contract shape', async () => {
    // The server answers from the announced length alone: send only the headers, so no write can
    // race the server closing the connection (EPIPE), then read the answer.
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${api.url}/api/health`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': 2 * 1024 * 1024 } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body: text });
            req.destroy();
          });
        },
      );
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(status).toBe(413);
    expect(JSON.parse(body)).toMatchObject({ statusCode: 413 });
  });

  it('keeps no two indexes covering the same columns of a table the same way', async () => {
    // A plain index beside a unique one on the same columns only slows writes (comments had one).
    const duplicates = await sql(
      api,
      db,
      `SELECT tablename, string_agg(indexname, ', ' ORDER BY indexname) AS indexes
         FROM pg_indexes WHERE schemaname = 'public'
        GROUP BY tablename, regexp_replace(indexdef, '^CREATE (UNIQUE )?INDEX \\S+ ON ', '') HAVING count(*) > 1`,
    );
    expect(duplicates).toEqual([]);
  });

  it('serves the web app at / and falls back to index.html for client routes, never for /api', async () => {
    const home = await fetch(`${api.url}/`);
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toMatch(/<html lang="fr"/);
    expect(html).toMatch(/<all-root/);

    const deep = await fetch(`${api.url}/alliances/some/deep/route?x=1`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toBe(html);

    const missingAsset = await fetch(`${api.url}/missing-chunk-ABCDEFGH.js`);
    expect(missingAsset.status).toBe(404);
  });

  it('sends security headers with a CSP the web app satisfies', async () => {
    const res = await fetch(`${api.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    // No inline script may be needed by the page, or the CSP would break it.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son(load|error)=/);
  });

  it('publishes its OpenAPI document and the browsable docs', async () => {
    const doc = await fetch(`${api.url}/api/docs-json`);
    expect(doc.status).toBe(200);
    const json = (await doc.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(json.openapi).toMatch(/^3\./);
    expect(Object.keys(json.paths)).toContain('/api/health');
    const ui = await fetch(`${api.url}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toMatch(/swagger/i);
  });

  it('gives every request an id, echoed in the answer and in the logs', async () => {
    const res = await fetch(`${api.url}/api/no-such-route`, { headers: { 'x-request-id': 'trace-abc-12345' } });
    expect(((await res.json()) as { requestId: string }).requestId).toBe('trace-abc-12345');
    await new Promise((r) => setTimeout(r, 200));
    expect(api.output()).toContain('"requestId":"trace-abc-12345"');
  });
});
