import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'cfg-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('applies the contract defaults', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.admin).toBeUndefined();
    expect(config.corsOrigins).toEqual([]);
  });

  it('generates a JWT secret once and keeps it in DATA_DIR', () => {
    const first = loadConfig({ DATA_DIR: dataDir }).jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dataDir, 'jwt-secret'), 'utf8')).toBe(first);
    expect(loadConfig({ DATA_DIR: dataDir }).jwtSecret).toBe(first);
  });

  it('reports every invalid variable at once', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ DATA_DIR: dataDir, PORT: 'x', DATABASE_URL: 'mysql://nope', SMTP_URL: 'http://x', JWT_SECRET: 'short' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const fields = error?.problems.map((p) => p.split(':')[0]);
    expect(fields).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'SMTP_URL', 'JWT_SECRET']));
  });

  it('requires the admin email and password together', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir, ADMIN_EMAIL: 'a@b.fr' })).toThrow(/go together/);
    expect(loadConfig({ DATA_DIR: dataDir, ADMIN_EMAIL: 'a@b.fr', ADMIN_PASSWORD: 'long enough pass' }).admin).toEqual({
      email: 'a@b.fr',
      password: 'long enough pass',
    });
  });

  it('derives PUBLIC_URL from PORT and strips a trailing slash', () => {
    expect(loadConfig({ DATA_DIR: dataDir, PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'https://alliances.example.fr/' }).publicUrl).toBe('https://alliances.example.fr');
  });

  it('turns single sign-on on with an issuer, a client id and a secret, off when the issuer is unset or empty', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).oidc).toBeUndefined();
    expect(loadConfig({ DATA_DIR: dataDir, OIDC_ISSUER: '', OIDC_CLIENT_ID: '', OIDC_CLIENT_SECRET: '' }).oidc).toBeUndefined();
    const config = loadConfig({
      DATA_DIR: dataDir,
      PUBLIC_URL: 'https://alliances.example.org/',
      OIDC_ISSUER: 'https://id.example.org/realms/staff',
      OIDC_CLIENT_ID: 'alliances',
      OIDC_CLIENT_SECRET: 's3cret',
    });
    expect(config.oidc).toEqual({
      issuer: 'https://id.example.org/realms/staff',
      clientId: 'alliances',
      clientSecret: 's3cret',
      displayName: 'Single sign-on',
      redirectUri: 'https://alliances.example.org/api/auth/oidc/callback',
    });
    expect(() => loadConfig({ DATA_DIR: dataDir, OIDC_ISSUER: 'https://id.example.org' })).toThrow(/OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/);
    expect(() => loadConfig({ DATA_DIR: dataDir, OIDC_ISSUER: 'id.example.org', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' })).toThrow(
      /OIDC_ISSUER/,
    );
  });
});
