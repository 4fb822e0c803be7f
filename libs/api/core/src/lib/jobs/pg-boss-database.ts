import type { DataSource } from 'typeorm';
import { runAsSystem } from '../database/tenant-session';

/** What pg-boss asks of a database it does not connect itself (its `db` option). */
export interface PgBossDatabase {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount?: number }>;
}

/**
 * pg-boss on the application's own pool: the same database whatever it is (DATABASE_URL or the
 * embedded server), no second pool to size, and closed with the application.
 *
 * Its statements always run as the system, even when an administrator's request sends them: the
 * `pgboss` schema belongs to the connecting role, and the tenant role of requests has no rights on it
 * (docs/decisions/0007-row-level-security.md).
 *
 * pg-boss 10 records a run's outcome (complete or fail) without awaiting it: a database error at that
 * moment would be an unhandled rejection, which ends the process. Those two statements are given here
 * and their failure is reported instead; the run stays active until it expires, and is then retried.
 *
 * Its schema creation and migrations are one text `BEGIN; …; COMMIT;`. When two processes run it at
 * the same moment (instances take turns at start, see ScheduledJobs, but a second release of the API
 * may not), the loser's fails half-way on "already exists", which pg-boss expects, and would leave its
 * connection in an aborted transaction, back in the pool the whole application shares: it is rolled
 * back first.
 */
export function pgBossDatabase(dataSource: DataSource, options: { schema: string; onLostOutcome: (error: Error) => void }): PgBossDatabase {
  const outcomes = outcomeStatements(options.schema);
  return {
    executeSql: (text, values) =>
      runAsSystem(async () => {
        const runner = dataSource.createQueryRunner();
        try {
          const result = await runner.query(text, values, true);
          return { rows: Array.isArray(result.records) ? result.records : [], rowCount: result.affected };
        } catch (error) {
          if (OPENS_TRANSACTION.test(text)) await runner.query('ROLLBACK').catch(() => undefined);
          if (!outcomes.has(text)) throw error;
          options.onLostOutcome(error as Error);
          return { rows: [{ count: 0 }], rowCount: 0 };
        } finally {
          await runner.release();
        }
      }),
  };
}

const OPENS_TRANSACTION = /^\s*BEGIN\b/i;

interface PgBossPlans {
  completeJobs(schema: string): string;
  failJobsById(schema: string): string;
}

function outcomeStatements(schema: string): Set<string> {
  // pg-boss is pinned (10.4.2): its statement texts are those of this module.
  const plans = require('pg-boss/src/plans') as PgBossPlans;
  return new Set([plans.completeJobs(schema), plans.failJobsById(schema)]);
}
