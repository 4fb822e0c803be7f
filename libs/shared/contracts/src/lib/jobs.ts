// Scheduled jobs (platform console) --------------------------------------------------------------

/** The work the platform runs on a schedule, one job queue each (docs/decisions/0010-jobs-on-pg-boss.md). */
export const SCHEDULED_JOB_NAMES = [
  'notification_digests',
  'evaluation_closing',
  'evaluation_reminders',
  'grant_report_reminders',
  'decision_closing',
  'action_reminders',
  'observatory_refresh',
  'evaluation_scheduled_launch',
] as const;
export type ScheduledJobName = (typeof SCHEDULED_JOB_NAMES)[number];

/** A run's state: `retry` failed and waits for its next attempt, `failed` used up its attempts. */
export type ScheduledJobRunState = 'active' | 'completed' | 'retry' | 'failed';

export interface ScheduledJobRun {
  /** When the run (its last attempt) started. */
  at: string;
  state: ScheduledJobRunState;
  /** Attempts made so far, the first one included. */
  attempts: number;
  /** The error of the last failed attempt. */
  error?: string;
}

/** `GET /api/admin/jobs` items: one scheduled job and the state of its queue. */
export interface ScheduledJobStatus {
  name: ScheduledJobName;
  /** How often a run is due, in seconds. */
  everySeconds: number;
  /** Runs waiting to start: due now, or waiting for a retry. */
  queued: number;
  active: number;
  /** Runs that used up their attempts in the last 24 hours. */
  failed: number;
  /** Runs that succeeded in the last 24 hours. */
  completed: number;
  lastRun: ScheduledJobRun | null;
  /** The most recent run that failed or waits for a retry, while the queue's history keeps it. */
  lastFailure: ScheduledJobRun | null;
  /** When the next run is due. */
  nextRun: string;
  /** A failed attempt is tried again after `delaySeconds`, doubling each time when `backoff`, `limit` times at most. */
  retry: { limit: number; delaySeconds: number; backoff: boolean };
}

/** `POST /api/admin/jobs/:name/retry`: the failed runs put back in the queue. */
export interface ScheduledJobRetried {
  retried: number;
}
