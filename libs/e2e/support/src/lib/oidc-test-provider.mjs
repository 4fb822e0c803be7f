// An OpenID Connect provider for the specs (oidc-provider, an ES module), run as a child process of
// the test runner: Jest's CommonJS sandbox cannot `import()` an ES module. Driven over IPC by
// oidc-test-provider.ts. Accounts are registered by the specs; the login page takes the `sub`.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const { clientId, clientSecret, redirectUris, port: wantedPort } = JSON.parse(process.env.OIDC_TEST_PROVIDER_OPTIONS ?? '{}');

/** sub → { sub, email, emailVerified, name, givenName, familyName, locale } */
const accounts = new Map();
/** Used when the login page is opened without a `sub`: a browser spec signs in as this person. */
let defaultSub = null;

const claimsOf = (account) => ({
  sub: account.sub,
  ...(account.email !== undefined ? { email: account.email } : {}),
  ...(account.emailVerified !== undefined ? { email_verified: account.emailVerified } : {}),
  ...(account.name !== undefined ? { name: account.name } : {}),
  ...(account.givenName !== undefined ? { given_name: account.givenName } : {}),
  ...(account.familyName !== undefined ? { family_name: account.familyName } : {}),
  ...(account.locale !== undefined ? { locale: account.locale } : {}),
});

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

const server = createServer();
server.listen(wantedPort ?? 0, '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris?.length ? redirectUris : ['http://127.0.0.1/api/auth/oidc/callback'],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', 'locale'],
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => claimsOf(account) };
    },
    // The client is first-party: every scope it asks for is granted without a consent page.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    renderError(ctx, out) {
      ctx.type = 'text/plain';
      ctx.body = `${out.error}: ${out.error_description ?? ''}`;
    },
  });
  provider.proxy = false;
  // The API under test listens on a port chosen at start: any loopback callback of the API is accepted.
  const loopbackCallback = /^http:\/\/(127\.0\.0\.1|localhost):\d+\/api\/auth\/oidc\/callback$/;
  const registered = provider.Client.prototype.redirectUriAllowed;
  provider.Client.prototype.redirectUriAllowed = function (value) {
    return loopbackCallback.test(value) || registered.call(this, value);
  };
  // Errors are answered to the caller; printing them would only clutter the spec output.
  provider.on('server_error', () => undefined);
  if (process.env.OIDC_TEST_PROVIDER_DEBUG) {
    for (const event of ['grant.error', 'server_error', 'authorization.error', 'userinfo.error']) {
      provider.on(event, (_ctx, error) => console.error(`[oidc-test-provider] ${event}: ${error.message} ${error.error_detail ?? ''}`));
    }
  }

  const callback = provider.callback();
  server.on('request', async (req, res) => {
    const url = new URL(req.url, issuer);
    const match = /^\/interaction\/([^/]+)$/.exec(url.pathname);
    if (!match) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      const sub = url.searchParams.get('sub') || defaultSub;
      if (!sub) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(
          `<!doctype html><title>Test provider</title><form method="get"><label>Subject <input name="sub"></label><button type="submit">Sign in</button></form>`,
        );
        return;
      }
      if (!accounts.has(sub)) {
        res.writeHead(400, { 'content-type': 'text/plain' });
        res.end(`unknown account ${sub}`);
        return;
      }
      if (details.prompt.name !== 'login') {
        res.writeHead(400, { 'content-type': 'text/plain' });
        res.end(`unexpected prompt ${details.prompt.name}`);
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
    } catch (error) {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(String(error?.message ?? error));
    }
  });

  process.on('message', (message) => {
    if (message?.type === 'addAccount') accounts.set(message.account.sub, message.account);
    else if (message?.type === 'setDefaultSub') defaultSub = message.sub ?? null;
    else if (message?.type === 'stop') server.close(() => process.exit(0));
    process.send?.({ type: 'ack', id: message?.id });
  });
  // The test runner went away without stopping the provider: do not outlive it.
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready', issuer });
});
