import { plainToInstance, Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength, validateSync } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/** The environment as docs/api.md "Configuration" describes it, validated at boot. */
class Environment {
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  /** Interface to listen on; containers set 0.0.0.0. */
  @IsOptional()
  @IsString()
  HOST?: string;

  /** Behind a reverse proxy, trust its X-Forwarded-For so rate limits and the audit log see client IPs. */
  @IsOptional()
  @IsIn(['true', 'false'])
  TRUST_PROXY?: string;

  @IsOptional()
  @IsString()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12)
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsString()
  @MinLength(32)
  JWT_SECRET?: string;

  /** Encrypts the TOTP secrets at rest (docs/decisions/0017); unset: derived from JWT_SECRET. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  TOTP_ENCRYPTION_KEY?: string;

  @IsOptional()
  @IsString()
  @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false })
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false })
  REDIS_URL?: string;

  @IsOptional()
  @IsString()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false })
  PUBLIC_URL?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  /** `json` or `pretty` whatever the output; unset → readable lines in a terminal, JSON otherwise. */
  @IsOptional()
  @IsIn(['json', 'pretty'])
  LOG_FORMAT?: string;

  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  /** How long health answers 503 before the server stops accepting requests on SIGTERM. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(60000)
  SHUTDOWN_DRAIN_MS?: number;

  /** Where the built web app lives; unset → next to the API bundle (`dist/apps/web/browser`). */
  @IsOptional()
  @IsString()
  WEB_ROOT?: string;

  /** Sign-in attempts allowed per client address per minute. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  AUTH_THROTTLE_IP_PER_MINUTE?: number;

  /** Sign-in attempts allowed per account per 15 minutes. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  AUTH_THROTTLE_ACCOUNT_PER_15_MIN?: number;

  /** Respondents an organisation needs before its own evaluation mean is shown. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(50)
  EVALUATION_MIN_RESPONDENTS?: number;

  /** How often the scheduled jobs run (ms): digests, evaluation closing and reminders; from a minute up, whole minutes on pg-boss's cron. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(200)
  @Max(3_600_000)
  SCHEDULER_INTERVAL_MS?: number;

  /** Shortest time between two digest mails to one person (ms); one hour by default. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(100)
  @Max(86_400_000)
  DIGEST_INTERVAL_MS?: number;

  /** Comments one person may post per minute. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100_000)
  COMMENTS_PER_MINUTE?: number;

  /** Alliance proposals (and introductions) one organisation may send per 24 hours. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100_000)
  PROPOSALS_PER_DAY?: number;

  /** Comma-separated origins allowed by CORS; unset → CORS closed. */
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  /** Single sign-on: the OpenID Connect provider's issuer URL; unset → no SSO. */
  // Compose files pass unset variables as empty strings: empty means unset.
  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsOptional()
  @IsString()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  OIDC_ISSUER?: string;

  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsOptional()
  @IsString()
  OIDC_CLIENT_ID?: string;

  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsOptional()
  @IsString()
  OIDC_CLIENT_SECRET?: string;

  /** The name on the sign-in button, e.g. the organisation's identity provider. */
  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsOptional()
  @IsString()
  OIDC_DISPLAY_NAME?: string;
}

export interface AppConfig {
  port: number;
  host: string;
  trustProxy: boolean;
  /** DATABASE_URL; once the API has started its embedded server, that server's connection string. */
  databaseUrl: string | undefined;
  /** True when the database is the embedded server in DATA_DIR/postgres (no DATABASE_URL given). */
  embeddedDatabase: boolean;
  dataDir: string;
  admin: { email: string; password: string } | undefined;
  jwtSecret: string;
  /** Key material for the TOTP secrets' encryption (TOTP_ENCRYPTION_KEY); undefined: derived from `jwtSecret`. */
  totpEncryptionKey?: string;
  smtpUrl: string | undefined;
  redisUrl: string | undefined;
  publicUrl: string;
  logLevel: string;
  /** As LOG_FORMAT asks; undefined lets the logger choose by its output (see `logFormat`). */
  logFormat: 'json' | 'pretty' | undefined;
  production: boolean;
  shutdownDrainMs: number;
  webRoot: string | undefined;
  corsOrigins: string[];
  authThrottle: { ipPerMinute: number; accountPer15Min: number };
  evaluationMinRespondents: number;
  schedulerIntervalMs: number;
  digestIntervalMs: number;
  commentsPerMinute: number;
  proposalsPerDay: number;
  /** Single sign-on with an OpenID Connect provider; undefined when OIDC_ISSUER is unset. */
  oidc?: OidcConfig;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  displayName: string;
  /** `<PUBLIC_URL>/api/auth/oidc/callback`, registered at the provider. */
  redirectUri: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/**
 * Reads and validates the environment. Fails with every problem at once so an operator fixes the
 * configuration in one go. The JWT secret, when not given, is generated once and kept in DATA_DIR
 * so that sessions survive restarts.
 */
export function loadConfig(env: NodeJS.ProcessEnv, options: { defaultWebRoot?: string } = {}): AppConfig {
  const raw = plainToInstance(Environment, { ...env });
  const errors = validateSync(raw, { skipMissingProperties: false, whitelist: false });
  const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`));
  if ((raw.ADMIN_EMAIL && !raw.ADMIN_PASSWORD) || (!raw.ADMIN_EMAIL && raw.ADMIN_PASSWORD)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD go together');
  }
  if (raw.OIDC_ISSUER && (!raw.OIDC_CLIENT_ID || !raw.OIDC_CLIENT_SECRET)) {
    problems.push('OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET');
  }
  if (problems.length) throw new ConfigError(problems);

  const port = raw.PORT ?? 3000;
  const dataDir = resolve(raw.DATA_DIR && raw.DATA_DIR !== '' ? raw.DATA_DIR : './.data');
  const production = raw.NODE_ENV === 'production';
  const publicUrl = (raw.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const webRoot = raw.WEB_ROOT ? (isAbsolute(raw.WEB_ROOT) ? raw.WEB_ROOT : resolve(raw.WEB_ROOT)) : options.defaultWebRoot;
  return {
    port,
    host: raw.HOST || '127.0.0.1',
    trustProxy: raw.TRUST_PROXY === 'true',
    databaseUrl: raw.DATABASE_URL || undefined,
    embeddedDatabase: false,
    dataDir,
    admin: raw.ADMIN_EMAIL && raw.ADMIN_PASSWORD ? { email: raw.ADMIN_EMAIL, password: raw.ADMIN_PASSWORD } : undefined,
    jwtSecret: raw.JWT_SECRET ?? persistedSecret(dataDir, 'jwt-secret'),
    totpEncryptionKey: raw.TOTP_ENCRYPTION_KEY || undefined,
    smtpUrl: raw.SMTP_URL || undefined,
    redisUrl: raw.REDIS_URL || undefined,
    publicUrl,
    logLevel: raw.LOG_LEVEL ?? (raw.NODE_ENV === 'test' ? 'warn' : 'info'),
    logFormat: raw.LOG_FORMAT === 'json' || raw.LOG_FORMAT === 'pretty' ? raw.LOG_FORMAT : undefined,
    production,
    shutdownDrainMs: raw.SHUTDOWN_DRAIN_MS ?? (production ? 5000 : 0),
    webRoot,
    authThrottle: { ipPerMinute: raw.AUTH_THROTTLE_IP_PER_MINUTE ?? 30, accountPer15Min: raw.AUTH_THROTTLE_ACCOUNT_PER_15_MIN ?? 10 },
    evaluationMinRespondents: raw.EVALUATION_MIN_RESPONDENTS ?? 3,
    schedulerIntervalMs: raw.SCHEDULER_INTERVAL_MS ?? 60_000,
    digestIntervalMs: raw.DIGEST_INTERVAL_MS ?? 3_600_000,
    commentsPerMinute: raw.COMMENTS_PER_MINUTE ?? 30,
    proposalsPerDay: raw.PROPOSALS_PER_DAY ?? 10,
    corsOrigins: (raw.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    oidc:
      raw.OIDC_ISSUER && raw.OIDC_CLIENT_ID && raw.OIDC_CLIENT_SECRET
        ? {
            issuer: raw.OIDC_ISSUER,
            clientId: raw.OIDC_CLIENT_ID,
            clientSecret: raw.OIDC_CLIENT_SECRET,
            displayName: raw.OIDC_DISPLAY_NAME?.trim() || 'Single sign-on',
            redirectUri: `${publicUrl}/api/auth/oidc/callback`,
          }
        : undefined,
  };
}

function persistedSecret(dataDir: string, name: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  // `wx` fails if another instance wrote it meanwhile: then read theirs, so all instances agree.
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    return readFileSync(file, 'utf8').trim();
  }
}
