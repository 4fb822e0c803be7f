import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  /** Connection string of a fresh, empty database. */
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates a fresh database for one spec file on the server of TEST_DATABASE_URL (the machine's, or the
 * embedded server the global setup started) and drops it afterwards.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = process.env['TEST_DATABASE_URL'];
  if (!admin)
    throw new Error('TEST_DATABASE_URL is unset: run the specs through their Jest config, whose global setup starts an embedded server');
  const name = `alliances_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** How the specs name their database server in their titles. */
export const testServerName = (): string => (process.env['TEST_DATABASE_EMBEDDED'] ? 'embedded PostgreSQL server' : 'PostgreSQL');
