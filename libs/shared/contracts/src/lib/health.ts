export type HealthStatus = 'ok' | 'error' | 'shutting_down';

export interface HealthReport {
  status: HealthStatus;
  info?: Record<string, { status: string; [key: string]: unknown }>;
  error?: Record<string, { status: string; [key: string]: unknown }>;
  details?: Record<string, { status: string; [key: string]: unknown }>;
}
