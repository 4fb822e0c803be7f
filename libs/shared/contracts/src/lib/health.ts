export type HealthStatus = 'ok' | 'error' | 'shutting_down';

export interface HealthReport {
  status: HealthStatus;
  info?: Record<string, { status: string; [key: string]: unknown }>;
  error?: Record<string, { status: string; [key: string]: unknown }>;
  details?: Record<string, { status: string; [key: string]: unknown }>;
}

/** `GET /api/health` when the database answers: which PostgreSQL serves this instance. */
export interface HealthDatabase {
  engine: 'postgresql';
  /** `server_version`, e.g. "17.10" */
  version: string;
  /** true: the server `npm start` runs in DATA_DIR/postgres when DATABASE_URL is unset */
  embedded: boolean;
}

export interface HealthReportWithDatabase extends HealthReport {
  database: HealthDatabase;
}
