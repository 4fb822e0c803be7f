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
});
