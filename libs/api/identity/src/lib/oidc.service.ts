import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AuditService, DomainException, type AppConfig, type OidcConfig } from '@alliances/api/core';
import type { AuthProvidersResponse, ErrorCode } from '@alliances/shared/contracts';
import { createHash, randomBytes } from 'node:crypto';
import type * as OpenIdClient from 'openid-client';
import { DataSource } from 'typeorm';
import { OidcAccounts, type OidcClaims } from './oidc-accounts';
import { safeReturnUrl } from './oidc-return-url';
import type { UserEntity } from './user.entity';

export const OIDC_LOGIN_PATH = '/api/auth/oidc/login';
export const STATE_TTL_MINUTES = 10;

/** Why a callback is refused; the browser is sent to `/sign-in?ssoError=<code>`. */
export class OidcFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export interface OidcStart {
  /** The provider's authorization URL to redirect to. */
  target: URL;
  /** The secret of the browser that starts the sign-in, for its cookie: the callback needs it back. */
  browserSecret: string;
}

export interface OidcCompletion {
  user: UserEntity;
  returnUrl: string | null;
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/**
 * The key of a pending login: the state and the secret of the browser that started it, hashed together.
 * The callback finds the login only with both, so a callback URL finished elsewhere (login CSRF) finds nothing.
 */
const loginKey = (state: string, browserSecret: string): string => sha256(`${state}.${browserSecret}`);

/** The library's error and its causes: the provider's error code, or the ID token claim that failed its check (nonce, aud…). */
function describe(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const {
      message,
      error: code,
      error_description: description,
      cause,
    } = current as {
      message?: string;
      error?: string;
      error_description?: string;
      cause?: unknown;
    };
    parts.push(...[message, code, description].filter((p): p is string => typeof p === 'string' && p !== ''));
    current = cause instanceof Error ? cause : undefined;
  }
  return parts.join(': ') || String(error);
}

const isLoopback = (issuer: string): boolean => {
  const { protocol, hostname } = new URL(issuer);
  return protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
};

/**
 * Single sign-on with an OpenID Connect provider: authorization code flow with PKCE (S256), state
 * and nonce kept server-side in `oidc_login_states`, bound to the browser's sign-in cookie
 * (docs/decisions/0018-oidc-sign-in.md).
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('Oidc');
  /** The provider's metadata, discovered once; forgotten on failure so the next sign-in retries. */
  private discovered: Promise<OpenIdClient.Configuration> | undefined;

  constructor(
    private readonly accounts: OidcAccounts,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  providers(): AuthProvidersResponse {
    const oidc = this.config.oidc;
    return { oidc: oidc ? { displayName: oidc.displayName, loginUrl: OIDC_LOGIN_PATH } : null };
  }

  /** The configuration, or 404 `oidc.disabled` when single sign-on is off. */
  settings(): OidcConfig {
    if (!this.config.oidc) throw new DomainException('oidc.disabled', 'Single sign-on is not configured');
    return this.config.oidc;
  }

  /** Starts a sign-in: a pending login row bound to this browser, and the provider's authorization URL. */
  async start(returnUrl: unknown): Promise<OidcStart> {
    const settings = this.settings();
    const [client, configuration] = await Promise.all([this.library(), this.configuration()]);
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const browserSecret = randomBytes(32).toString('base64url');
    await this.dataSource.query(`DELETE FROM oidc_login_states WHERE expires_at < now() - interval '1 day'`);
    await this.dataSource.query(
      `INSERT INTO oidc_login_states (state_hash, nonce, code_verifier, return_url, expires_at)
       VALUES ($1, $2, $3, $4, now() + interval '${STATE_TTL_MINUTES} minutes')`,
      [loginKey(state, browserSecret), nonce, codeVerifier, safeReturnUrl(returnUrl)],
    );
    const target = client.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { target, browserSecret };
  }

  /**
   * The provider's callback in the browser that started the sign-in (`browserSecret`, from its cookie):
   * consumes the pending login (single use), exchanges the code, checks the ID token (signature,
   * issuer, audience, nonce) and finds the account. Throws `OidcFailure`.
   */
  async complete(query: string, browserSecret: string | undefined, ip: string | null): Promise<OidcCompletion> {
    const settings = this.settings();
    const params = new URLSearchParams(query);
    const state = params.get('state');
    if (!state) throw new OidcFailure('oidc.failed', 'no state in the callback');
    if (!browserSecret) throw new OidcFailure('oidc.failed', 'no sign-in cookie: the callback is not in the browser that started it');
    const rows: { nonce: string; code_verifier: string; return_url: string | null }[] = await this.dataSource.query(
      // A SELECT around the UPDATE: TypeORM answers the rows of a SELECT, but [rows, count] for an UPDATE.
      `WITH consumed AS (
         UPDATE oidc_login_states SET used_at = now()
         WHERE state_hash = $1 AND used_at IS NULL AND expires_at > now()
         RETURNING nonce, code_verifier, return_url
       )
       SELECT nonce, code_verifier, return_url FROM consumed`,
      [loginKey(state, browserSecret)],
    );
    const pending = rows[0];
    if (!pending?.nonce || !pending.code_verifier)
      throw new OidcFailure('oidc.failed', "unknown, expired or already used state, or another browser's sign-in");

    let claims: OidcClaims;
    let issuer: string;
    try {
      const [client, configuration] = await Promise.all([this.library(), this.configuration()]);
      // The redirect URI as registered, whatever host the request came through (a reverse proxy).
      const currentUrl = new URL(settings.redirectUri);
      currentUrl.search = params.toString();
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.code_verifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('no ID token');
      claims = { ...idToken } as OidcClaims;
      // The issuer the ID token was checked against, as the provider spells it.
      issuer = idToken.iss;
      if (configuration.serverMetadata().userinfo_endpoint) {
        // Providers put email and profile in the userinfo answer, not always in the ID token.
        const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
        claims = { ...claims, ...userInfo, sub: idToken.sub };
      }
    } catch (error) {
      throw new OidcFailure('oidc.failed', describe(error));
    }
    const outcome = await this.accounts.resolve(issuer, claims, ip);
    if ('failure' in outcome) throw new OidcFailure(outcome.failure, outcome.failure);
    return { user: outcome.user, returnUrl: pending.return_url };
  }

  /** Recorded and logged; the person only sees the code. */
  async failed(failure: unknown, ip: string | null): Promise<ErrorCode> {
    const code = failure instanceof OidcFailure ? failure.code : 'oidc.failed';
    const reason = failure instanceof Error ? failure.message : String(failure);
    this.logger.warn(`Single sign-on refused (${code}): ${reason}`);
    await this.audit
      .record({
        actorId: null,
        action: 'auth.oidc_failed',
        objectType: 'user',
        objectId: null,
        ip,
        details: { code, reason: reason.slice(0, 300) },
      })
      .catch(() => undefined);
    return code;
  }

  // openid-client is an ES module: loaded on first use (Node's require of ES modules), which keeps
  // it out of the unit tests' module graph.
  private library(): Promise<typeof OpenIdClient> {
    return import('openid-client');
  }

  private configuration(): Promise<OpenIdClient.Configuration> {
    if (!this.discovered) {
      const settings = this.settings();
      this.discovered = this.library()
        .then(async (client) => {
          const insecure = isLoopback(settings.issuer);
          const discovered = await client.discovery(new URL(settings.issuer), settings.clientId, undefined, undefined, {
            // Only the specs' provider on this machine speaks plain HTTP.
            execute: insecure ? [client.allowInsecureRequests] : [],
            timeout: 10,
          });
          // client_secret_basic is the OpenID Connect default; client_secret_post only for a provider that offers nothing else.
          const methods = discovered.serverMetadata().token_endpoint_auth_methods_supported;
          const authentication =
            !methods || methods.includes('client_secret_basic')
              ? client.ClientSecretBasic(settings.clientSecret)
              : client.ClientSecretPost(settings.clientSecret);
          const configuration = new client.Configuration(
            discovered.serverMetadata(),
            settings.clientId,
            settings.clientSecret,
            authentication,
          );
          if (insecure) client.allowInsecureRequests(configuration);
          return configuration;
        })
        .catch((error: unknown) => {
          this.discovered = undefined;
          throw error;
        });
    }
    return this.discovered;
  }
}
