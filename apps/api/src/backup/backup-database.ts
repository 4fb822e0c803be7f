import { Client } from 'pg';
import { BackupError, COPY_SESSION_SETTINGS } from './backup-format';

/** What the commands report as they go (tables done out of the total, rows). */
export interface Progress {
  start(tables: number, rows: number): void;
  table(name: string, rows: number): void;
}

/** A connection string without its password, for messages. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.username ? `${decodeURIComponent(parsed.username)}@` : ''}${parsed.host || parsed.searchParams.get('host') || 'localhost'}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/** A session for COPY: no timeouts, and the settings under which rows print and parse the same way on both sides. */
export async function connectTo(url: string, applicationName: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: applicationName, connectionTimeoutMillis: 10_000 });
  // A connection lost between statements is reported by the next statement; this keeps it from crashing the process first.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new BackupError(`Cannot connect to the database ${describeUrl(url)}: ${(error as Error).message}`);
  }
  for (const [name, value] of Object.entries(COPY_SESSION_SETTINGS)) await client.query(`SELECT set_config($1, $2, false)`, [name, value]);
  return client;
}

/**
 * Tables in an order where each comes after the tables its foreign keys point to (alphabetical
 * among equals), so that a load may check foreign keys as it goes; the tables of a cycle, if any,
 * come last in alphabetical order.
 */
export function loadingOrder(tables: string[], references: { from: string; to: string }[]): string[] {
  const remaining = new Set([...tables].sort());
  const dependsOn = new Map(
    tables.map((t) => [t, new Set(references.filter((r) => r.from === t && r.to !== t && remaining.has(r.to)).map((r) => r.to))]),
  );
  const order: string[] = [];
  for (;;) {
    const ready = [...remaining].find((t) => [...(dependsOn.get(t) ?? [])].every((d) => !remaining.has(d)));
    if (!ready) break;
    order.push(ready);
    remaining.delete(ready);
  }
  return [...order, ...remaining];
}
