import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { enforceRowLevelSecurity, runAsSystem, runAsTenant, setRequestTenant, TenantSessionClient } from './tenant-session';

/** What reached the connection, in order: SQL text and parameters. */
let sent: [string, unknown[] | undefined][];
let failNextSwitch = false;

const dataSource = (usable: boolean) => ({ query: async () => [{ usable, safe: true }] }) as unknown as DataSource;
const quiet = { log: () => undefined, warn: () => undefined } as never;

describe('TenantSessionClient', () => {
  beforeEach(() => {
    sent = [];
    failNextSwitch = false;
    jest.spyOn(Client.prototype, 'query').mockImplementation(((text: string, values?: unknown[]) => {
      sent.push([text, values]);
      if (failNextSwitch && text.includes('set_config')) {
        failNextSwitch = false;
        return Promise.reject(new Error('role "alliances_app" does not exist'));
      }
      return Promise.resolve({ rows: [] });
    }) as never);
  });
  afterEach(() => jest.restoreAllMocks());
  const roles = () => sent.filter(([text]) => text.includes('set_config')).map(([, values]) => values);

  it('sends nothing more until row-level security is enforced', async () => {
    expect(await enforceRowLevelSecurity(dataSource(false), quiet)).toBe(false);
    const client = new TenantSessionClient();
    await runAsTenant('user-a', () => client.query('SELECT 1'));
    expect(sent).toEqual([['SELECT 1', undefined]]);
  });

  describe('enforced', () => {
    beforeEach(() => enforceRowLevelSecurity(dataSource(true), quiet));

    it('puts the session in the caller’s tenant before its query, once while it stays the same', async () => {
      const client = new TenantSessionClient();
      await runAsTenant('user-a', async () => {
        await client.query('SELECT 1');
        await client.query('SELECT 2');
      });
      await runAsTenant('user-b', () => client.query('SELECT 3'));
      await client.query('SELECT 4');
      await runAsTenant(null, () => client.query('SELECT 5'));
      expect(sent.map(([text, values]) => (text.includes('set_config') ? values : text))).toEqual([
        ['alliances_app', 'user-a'],
        'SELECT 1',
        'SELECT 2',
        ['alliances_app', 'user-b'],
        'SELECT 3',
        ['none', ''],
        'SELECT 4',
        ['alliances_app', ''],
        'SELECT 5',
      ]);
    });

    it('keeps the order of queries fired together behind a switch, and system work escapes a tenant', async () => {
      const client = new TenantSessionClient();
      await runAsTenant('user-a', () =>
        Promise.all([client.query('SELECT 1'), client.query('SELECT 2'), runAsSystem(() => client.query('SELECT 3'))]),
      );
      expect(sent.map(([text, values]) => (text.includes('set_config') ? values : text))).toEqual([
        ['alliances_app', 'user-a'],
        'SELECT 1',
        'SELECT 2',
        ['none', ''],
        'SELECT 3',
      ]);
    });

    it('sends the switch again after a rollback undid it, and only then', async () => {
      const client = new TenantSessionClient();
      await runAsTenant('user-a', async () => {
        await client.query('START TRANSACTION');
        await client.query('ROLLBACK');
        await client.query('SELECT 1');
      });
      expect(roles()).toEqual([['alliances_app', 'user-a']]);
      const other = new TenantSessionClient();
      await other.query('START TRANSACTION');
      await runAsTenant('user-b', async () => {
        await other.query('SELECT 2');
        await other.query('ROLLBACK TO SAVEPOINT typeorm_1');
        await other.query('SELECT 3');
        await other.query('ROLLBACK');
        await other.query('SELECT 4');
      });
      expect(roles()).toEqual([
        ['alliances_app', 'user-a'],
        ['alliances_app', 'user-b'],
        ['alliances_app', 'user-b'],
        ['alliances_app', 'user-b'],
      ]);
    });

    it('takes the caller named by authentication for the rest of the request, a well-formed id only', async () => {
      const client = new TenantSessionClient();
      await runAsTenant(null, async () => {
        setRequestTenant('not-a-uuid');
        await client.query('SELECT 1');
        setRequestTenant('7b013e45-02b4-4d12-abb7-f48b9fd62c0a');
        await client.query('SELECT 2');
      });
      expect(roles()).toEqual([
        ['alliances_app', ''],
        ['alliances_app', '7b013e45-02b4-4d12-abb7-f48b9fd62c0a'],
      ]);
    });

    it('never runs a query whose switch failed, and tries the switch again next time', async () => {
      const client = new TenantSessionClient();
      failNextSwitch = true;
      await expect(runAsTenant('user-a', () => client.query('DELETE FROM comments'))).rejects.toThrow(/does not exist/);
      expect(sent.map(([text]) => text)).not.toContain('DELETE FROM comments');
      await runAsTenant('user-a', () => client.query('SELECT 1'));
      expect(roles()).toEqual([
        ['alliances_app', 'user-a'],
        ['alliances_app', 'user-a'],
      ]);
    });
  });
});
