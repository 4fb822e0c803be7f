/**
 * How often scheduled jobs run, in the terms pg-boss offers. Its cron fires once a minute at the
 * most, once across every instance: a SCHEDULER_INTERVAL_MS of a minute or more becomes a cron on
 * whole minutes. A shorter one (tests, a self-hoster who wants mails at once) cannot be a cron: each
 * instance then sends the job every interval into a time slot, and pg-boss's unique index on
 * (queue, slot) keeps one job a slot whichever instance sent it first.
 */
export type JobCadence =
  { kind: 'cron'; cron: string; periodMs: number } | { kind: 'slots'; slotSeconds: number; sendEveryMs: number; periodMs: number };

/** Minutes that divide an hour: a cron on one of them ticks at the same pace across the hour boundary. */
const HOUR_DIVISORS = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60];

export function cadenceOf(intervalMs: number): JobCadence {
  if (intervalMs >= 60_000) {
    // The largest divisor of an hour not above the interval: a job never runs less often than configured.
    const minutes = HOUR_DIVISORS.filter((m) => m * 60_000 <= intervalMs).pop() ?? 1;
    return { kind: 'cron', cron: minutes === 60 ? '0 * * * *' : `*/${minutes} * * * *`, periodMs: minutes * 60_000 };
  }
  const slotSeconds = Math.max(1, Math.ceil(intervalMs / 1000));
  return { kind: 'slots', slotSeconds, sendEveryMs: intervalMs, periodMs: slotSeconds * 1000 };
}

/** The start of the next period: cron minutes and pg-boss slots both count from the epoch, in UTC. */
export function nextRunAfter(cadence: JobCadence, now: number): Date {
  return new Date((Math.floor(now / cadence.periodMs) + 1) * cadence.periodMs);
}

export interface JobRetryPolicy {
  retryLimit: number;
  /** Seconds before the first retry; pg-boss doubles it at each attempt, with jitter, when `retryBackoff`. */
  retryDelay: number;
  retryBackoff: boolean;
}

/**
 * Three retries, the first after a quarter of the period: a passing failure (the database restarting,
 * the mail server away) is retried before the next run is due, and a lasting one shows as failed
 * within about two periods instead of retrying for ever.
 */
export function retryPolicyOf(cadence: JobCadence): JobRetryPolicy {
  return { retryLimit: 3, retryDelay: Math.max(1, Math.round(cadence.periodMs / 4000)), retryBackoff: true };
}
