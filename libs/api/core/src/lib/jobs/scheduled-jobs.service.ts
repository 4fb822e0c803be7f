import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ScheduledJobName, ScheduledJobRun, ScheduledJobRunState, ScheduledJobStatus } from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.tokens';
import { runAsSystem } from '../database/tenant-session';
import { cadenceOf, nextRunAfter, retryPolicyOf, type JobCadence } from './job-cadence';
import { pgBossDatabase } from './pg-boss-database';
// pg-boss 10 is a CommonJS class (`export =`); this form needs no esModuleInterop in the libraries.
import PgBoss = require('pg-boss');

const SCHEMA = 'pgboss';
/** Arbitrary but fixed, next to the migrations' (7_294_117_001): the instances' turn to set up the queues. */
const SETUP_LOCK_KEY = 7_294_117_002;
/** A run still active after this long is failed by pg-boss (and retried): a stuck run never blocks its queue. */
const EXPIRE_SECONDS = 15 * 60;
/** How long shutdown waits for a run in progress before failing it (it is then retried by another instance). */
const STOP_TIMEOUT_MS = 10_000;
/** One warning at most this often while the database is away, with the count of the ones held back. */
const WARNING_EVERY_MS = 30_000;
const ERROR_MAX_LENGTH = 500;

export interface ScheduledJobDefinition {
  name: ScheduledJobName;
  /** One run. What it returns is kept as the run's output; throwing fails the attempt, which is retried. */
  run: () => Promise<object | void>;
}

interface RunRow {
  state: ScheduledJobRunState;
  started_on: Date;
  retry_count: number;
  error: string | null;
}

/**
 * Scheduled work on pg-boss (docs/decisions/0010-jobs-on-pg-boss.md): each job is a queue, run once a
 * tick across every instance, retried with backoff, and its history is what the platform console shows.
 * Domains define their jobs in `onModuleInit`; the queues start once the application boots, after the
 * migrations, and stop before the database pool closes.
 */
@Injectable()
export class ScheduledJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ScheduledJobs');
  private readonly definitions = new Map<ScheduledJobName, ScheduledJobDefinition>();
  private readonly cadence: JobCadence;
  private boss: PgBoss | undefined;
  private readonly senders: NodeJS.Timeout[] = [];
  private stopping = false;
  private warnings = { lastAt: 0, heldBack: 0 };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cadence = cadenceOf(config.schedulerIntervalMs);
  }

  define(job: ScheduledJobDefinition): void {
    if (this.boss) throw new Error(`Scheduled job ${job.name} defined after start: define jobs in onModuleInit`);
    if (this.definitions.has(job.name)) throw new Error(`Scheduled job ${job.name} is defined twice`);
    this.definitions.set(job.name, job);
  }

  async onApplicationBootstrap(): Promise<void> {
    const boss = new PgBoss({
      db: pgBossDatabase(this.dataSource, {
        schema: SCHEMA,
        onLostOutcome: (e) => this.warn(`a run's outcome was not recorded (${e.message}); the run will expire and be retried`),
      }),
      schema: SCHEMA,
    });
    boss.on('error', (error) => this.warn(error.message));
    const queue = { ...retryPolicyOf(this.cadence), expireInSeconds: EXPIRE_SECONDS };
    // Instances starting together take turns: pg-boss 10 deadlocks when two create the same queue at once.
    await this.oneInstanceAtATime(async () => {
      try {
        await boss.start();
      } catch (error) {
        throw new Error(
          `Scheduled jobs could not start (pg-boss keeps its queues in the schema "${SCHEMA}", which the database role must be allowed to create): ${(error as Error).message}`,
        );
      }
      for (const job of this.definitions.values()) {
        await boss.createQueue(job.name, { name: job.name, ...queue });
        // A queue created by an earlier configuration takes the current retry policy.
        await boss.updateQueue(job.name, { name: job.name, ...queue });
        if (this.cadence.kind === 'cron') await boss.schedule(job.name, this.cadence.cron, {}, { tz: 'UTC' });
        else await boss.unschedule(job.name);
      }
    });
    this.boss = boss;
    const pollingIntervalSeconds = Math.min(2, Math.max(0.5, this.cadence.periodMs / 2000));
    for (const job of this.definitions.values()) {
      await boss.work(job.name, { pollingIntervalSeconds, batchSize: 1 }, () => this.run(job));
      if (this.cadence.kind === 'slots')
        this.senders.push(setInterval(() => void this.sendIntoSlot(job.name), this.cadence.sendEveryMs).unref());
    }
    const every = this.cadence.kind === 'cron' ? `cron "${this.cadence.cron}"` : `every ${this.cadence.slotSeconds} s`;
    this.logger.log(`Scheduled jobs started (${[...this.definitions.keys()].join(', ')}; ${every})`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.senders.forEach((timer) => clearInterval(timer));
    await this.boss
      ?.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS })
      .catch((e: Error) => this.warn(`stopping: ${e.message}`));
  }

  /** Each queue's counts, last run and last failure, read from pg-boss's tables (and its archive, for the last 24 hours). */
  async status(): Promise<ScheduledJobStatus[]> {
    const names = [...this.definitions.keys()];
    // The administrator's request reads pg-boss's schema, which only the system role may read.
    return runAsSystem(async () => {
      const jobs = `(SELECT name, state, started_on, completed_on, retry_count, output FROM ${SCHEMA}.job WHERE name = ANY($1)
                     UNION ALL
                     SELECT name, state, started_on, completed_on, retry_count, output FROM ${SCHEMA}.archive WHERE name = ANY($1) AND completed_on > now() - interval '24 hours')`;
      const error = `left(coalesce(output->>'message', output->'value'->>'message', output #>> '{}'), ${ERROR_MAX_LENGTH})`;
      const [counts, lastRuns, lastFailures]: [
        { name: ScheduledJobName; queued: number; active: number; failed: number; completed: number }[],
        (RunRow & { name: ScheduledJobName })[],
        (RunRow & { name: ScheduledJobName })[],
      ] = await Promise.all([
        this.dataSource.query(
          `SELECT name,
                  count(*) FILTER (WHERE state IN ('created', 'retry'))::int AS queued,
                  count(*) FILTER (WHERE state = 'active')::int AS active,
                  count(*) FILTER (WHERE state = 'failed' AND completed_on > now() - interval '24 hours')::int AS failed,
                  count(*) FILTER (WHERE state = 'completed' AND completed_on > now() - interval '24 hours')::int AS completed
             FROM ${jobs} j GROUP BY name`,
          [names],
        ),
        this.dataSource.query(
          `SELECT DISTINCT ON (name) name, state, started_on, retry_count, CASE WHEN state IN ('retry', 'failed') THEN ${error} END AS error
             FROM ${jobs} j WHERE started_on IS NOT NULL AND state <> 'cancelled' ORDER BY name, started_on DESC`,
          [names],
        ),
        this.dataSource.query(
          `SELECT DISTINCT ON (name) name, state, started_on, retry_count, ${error} AS error
             FROM ${jobs} j WHERE state IN ('retry', 'failed') ORDER BY name, started_on DESC`,
          [names],
        ),
      ]);
      const retry = retryPolicyOf(this.cadence);
      const nextRun = nextRunAfter(this.cadence, Date.now()).toISOString();
      return names.map((name) => {
        const count = counts.find((c) => c.name === name);
        return {
          name,
          everySeconds: this.cadence.periodMs / 1000,
          queued: count?.queued ?? 0,
          active: count?.active ?? 0,
          failed: count?.failed ?? 0,
          completed: count?.completed ?? 0,
          lastRun: runOf(lastRuns.find((r) => r.name === name)),
          lastFailure: runOf(lastFailures.find((r) => r.name === name)),
          nextRun,
          retry: { limit: retry.retryLimit, delaySeconds: retry.retryDelay, backoff: retry.retryBackoff },
        };
      });
    });
  }

  isDefined(name: string): name is ScheduledJobName {
    return this.definitions.has(name as ScheduledJobName);
  }

  /** Puts a queue's failed runs back, for one more attempt each; returns how many. Archived runs (older than 12 hours) stay as they are. */
  async retryFailed(name: ScheduledJobName): Promise<number> {
    const boss = this.boss;
    if (!boss) return 0;
    return runAsSystem(async () => {
      const failed: { id: string }[] = await this.dataSource.query(`SELECT id FROM ${SCHEMA}.job WHERE name = $1 AND state = 'failed'`, [
        name,
      ]);
      if (failed.length)
        await boss.retry(
          name,
          failed.map((j) => j.id),
        );
      return failed.length;
    });
  }

  /** Runs `setup` under a PostgreSQL advisory lock held by a connection of its own (as the migrations do). */
  private oneInstanceAtATime(setup: () => Promise<void>): Promise<void> {
    return runAsSystem(async () => {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK_KEY]);
        try {
          await setup();
        } finally {
          await runner.query('SELECT pg_advisory_unlock($1)', [SETUP_LOCK_KEY]);
        }
      } finally {
        await runner.release();
      }
    });
  }

  private async run(job: ScheduledJobDefinition): Promise<object | void> {
    // A fetch that raced the shutdown: fail the attempt, another instance retries it.
    if (this.stopping) throw new Error('the instance is shutting down');
    try {
      return await runAsSystem(() => job.run());
    } catch (error) {
      this.logger.warn(`${job.name} failed: ${(error as Error).message}`);
      throw error;
    }
  }

  private async sendIntoSlot(name: ScheduledJobName): Promise<void> {
    if (this.stopping || this.cadence.kind !== 'slots') return;
    try {
      await this.boss?.send(name, {}, { singletonSeconds: this.cadence.slotSeconds });
    } catch (error) {
      this.warn(`sending ${name}: ${(error as Error).message}`);
    }
  }

  private warn(message: string): void {
    const now = Date.now();
    if (now - this.warnings.lastAt < WARNING_EVERY_MS) {
      this.warnings.heldBack++;
      return;
    }
    const heldBack = this.warnings.heldBack ? ` (${this.warnings.heldBack} similar warning(s) held back)` : '';
    this.warnings = { lastAt: now, heldBack: 0 };
    this.logger.warn(`${message}${heldBack}`);
  }
}

function runOf(row: RunRow | undefined): ScheduledJobRun | null {
  if (!row) return null;
  return {
    at: new Date(row.started_on).toISOString(),
    state: row.state,
    attempts: row.retry_count + 1,
    ...(row.error ? { error: row.error } : {}),
  };
}
