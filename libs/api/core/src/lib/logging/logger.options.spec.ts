import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/app-config';
import { logFormat, loggerOptions, pinoPrettyInstalled, redactUrl, type LogOutput } from './logger.options';

describe('log format', () => {
  const installed = () => true;
  const missing = () => false;

  it('prints readable lines to a terminal and JSON to anything else', () => {
    expect(logFormat({ requested: undefined, tty: true, prettyAvailable: installed })).toBe('pretty');
    expect(logFormat({ requested: undefined, tty: false, prettyAvailable: installed })).toBe('json');
  });

  it('does as LOG_FORMAT says when it is set', () => {
    expect(logFormat({ requested: 'json', tty: true, prettyAvailable: installed })).toBe('json');
    expect(logFormat({ requested: 'pretty', tty: false, prettyAvailable: installed })).toBe('pretty');
  });

  it('falls back to JSON rather than failing to start where pino-pretty is not installed', () => {
    expect(logFormat({ requested: undefined, tty: true, prettyAvailable: missing })).toBe('json');
    expect(logFormat({ requested: 'pretty', tty: true, prettyAvailable: missing })).toBe('json');
  });

  it('finds pino-pretty where it is installed, and only there', () => {
    expect(pinoPrettyInstalled(__filename)).toBe(true);
    expect(pinoPrettyInstalled(join(tmpdir(), 'nowhere', 'main.js'))).toBe(false);
  });

  describe('in the logger options', () => {
    let dataDir: string;
    beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'log-'))));
    afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
    const transportFor = (env: Record<string, string>, output: Omit<LogOutput, 'requested'>) => {
      const config = loadConfig({ DATA_DIR: dataDir, ...env });
      const { pinoHttp } = loggerOptions(config, { requested: config.logFormat, ...output }) as {
        pinoHttp: { transport?: { target: string } };
      };
      return pinoHttp.transport?.target ?? 'json';
    };

    it('uses pino-pretty in a terminal, in production too, unless LOG_FORMAT=json', () => {
      expect(transportFor({}, { tty: true, prettyAvailable: installed })).toBe('pino-pretty');
      expect(transportFor({ NODE_ENV: 'production' }, { tty: true, prettyAvailable: installed })).toBe('pino-pretty');
      expect(transportFor({ LOG_FORMAT: 'json' }, { tty: true, prettyAvailable: installed })).toBe('json');
      expect(transportFor({}, { tty: false, prettyAvailable: installed })).toBe('json');
    });

    it('refuses an unknown LOG_FORMAT at start-up', () => {
      expect(() => loadConfig({ DATA_DIR: dataDir, LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
    });
  });

  it('never logs a secret carried in an address', () => {
    const token = 'x'.repeat(43);
    expect(redactUrl(`/api/calendar/${token}.ics`)).toBe('/api/calendar/[redacted]');
    expect(redactUrl(`/api/notifications/unsubscribe?token=${token}&lang=fr`)).toBe(
      '/api/notifications/unsubscribe?token=[redacted]&lang=fr',
    );
    expect(redactUrl(`/api/auth/oidc/callback?state=${token}&code=${token}`)).toBe(
      '/api/auth/oidc/callback?state=[redacted]&code=[redacted]',
    );
    expect(redactUrl('/api/alliances?q=token')).toBe('/api/alliances?q=token');
    expect(redactUrl('/api/me/calendar-token')).toBe('/api/me/calendar-token');
  });
});
