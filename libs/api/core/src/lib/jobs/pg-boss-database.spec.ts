import type { DataSource } from 'typeorm';
import { pgBossDatabase } from './pg-boss-database';
const plans = require('pg-boss/src/plans') as {
  completeJobs(schema: string): string;
  fetchNextJob(schema: string): (options: object) => string;
};

/** A data source whose one query answers `answer` (or fails with it), recording what was asked. */
function fakeDataSource(answer: { records?: unknown[]; affected?: number } | Error) {
  const asked: { text: string; values: unknown; structured: boolean }[] = [];
  let released = 0;
  const dataSource = {
    createQueryRunner: () => ({
      query: async (text: string, values: unknown, structured: boolean) => {
        asked.push({ text, values, structured });
        if (answer instanceof Error) throw answer;
        return answer;
      },
      release: async () => void released++,
    }),
  } as unknown as DataSource;
  return { dataSource, asked, released: () => released };
}

describe('pg-boss on the application pool', () => {
  it("answers pg-boss's statements with their rows, through a connection it gives back", async () => {
    const fake = fakeDataSource({ records: [{ id: 'j1' }], affected: 1 });
    const db = pgBossDatabase(fake.dataSource, { schema: 'pgboss', onLostOutcome: jest.fn() });
    await expect(db.executeSql('SELECT 1', [1])).resolves.toEqual({ rows: [{ id: 'j1' }], rowCount: 1 });
    expect(fake.asked).toEqual([{ text: 'SELECT 1', values: [1], structured: true }]);
    expect(fake.released()).toBe(1);
    // Several statements in one text (pg-boss's schema creation) give no rows.
    const multi = fakeDataSource({});
    await expect(
      pgBossDatabase(multi.dataSource, { schema: 'pgboss', onLostOutcome: jest.fn() }).executeSql('BEGIN; SELECT 1; COMMIT;'),
    ).resolves.toEqual({ rows: [], rowCount: undefined });
  });

  it("reports a run's lost outcome instead of rejecting, where pg-boss would not catch it", async () => {
    const onLostOutcome = jest.fn();
    const fake = fakeDataSource(new Error('Connection terminated unexpectedly'));
    const db = pgBossDatabase(fake.dataSource, { schema: 'pgboss', onLostOutcome });
    await expect(db.executeSql(plans.completeJobs('pgboss'), ['q', ['j1'], null])).resolves.toEqual({ rows: [{ count: 0 }], rowCount: 0 });
    expect(onLostOutcome).toHaveBeenCalledWith(expect.objectContaining({ message: 'Connection terminated unexpectedly' }));
    // Every other statement fails as it would on pg-boss's own pool: pg-boss catches and retries those.
    await expect(db.executeSql(plans.fetchNextJob('pgboss')({}), ['q', 1])).rejects.toThrow('Connection terminated unexpectedly');
    expect(onLostOutcome).toHaveBeenCalledTimes(1);
    expect(fake.released()).toBe(2);
  });

  it('rolls back a failed text that opened a transaction, before its connection goes back to the pool', async () => {
    const fake = fakeDataSource(new Error('schema "pgboss" already exists'));
    const db = pgBossDatabase(fake.dataSource, { schema: 'pgboss', onLostOutcome: jest.fn() });
    await expect(db.executeSql('\n    BEGIN;\n    CREATE SCHEMA pgboss;\n    COMMIT;\n')).rejects.toThrow('already exists');
    expect(fake.asked.map((q) => q.text.trim().split(';')[0])).toEqual(['BEGIN', 'ROLLBACK']);
    await expect(db.executeSql('SELECT 1')).rejects.toThrow();
    expect(fake.asked).toHaveLength(3);
    expect(fake.released()).toBe(2);
  });
});
