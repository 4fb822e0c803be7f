import type { DataSource, Migration } from 'typeorm';

/** Arbitrary but fixed: every instance of this product takes the same advisory lock. */
const MIGRATION_LOCK_KEY = 7_294_117_001;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so instances starting together take
 * turns: the first migrates, the others wait, then find nothing left to do.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
