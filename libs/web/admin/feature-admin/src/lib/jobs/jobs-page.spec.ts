import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { browserLanguage } from '@alliances/web/core/testing';
import { settle } from '@alliances/web/identity/data-access/testing';
import type { ScheduledJobStatus } from '@alliances/shared/contracts';
import { adminTranslocoTesting } from '../../testing/admin-testing';
import { cadenceLabel, JobsPage } from './jobs-page';

const job = (overrides: Partial<ScheduledJobStatus>): ScheduledJobStatus => ({
  name: 'notification_digests',
  everySeconds: 60,
  queued: 0,
  active: 0,
  failed: 0,
  completed: 1440,
  lastRun: { at: '2026-03-02T09:00:00.000Z', state: 'completed', attempts: 1 },
  lastFailure: null,
  nextRun: '2026-03-02T09:01:00.000Z',
  retry: { limit: 3, delaySeconds: 15, backoff: true },
  ...overrides,
});

const JOBS: ScheduledJobStatus[] = [
  job({}),
  job({ name: 'evaluation_closing' }),
  job({
    name: 'evaluation_reminders',
    failed: 2,
    queued: 1,
    lastRun: { at: '2026-03-02T09:00:05.000Z', state: 'retry', attempts: 2, error: 'connect ECONNREFUSED 127.0.0.1:25' },
    lastFailure: { at: '2026-03-02T09:00:05.000Z', state: 'retry', attempts: 2, error: 'connect ECONNREFUSED 127.0.0.1:25' },
  }),
];

describe('cadenceLabel', () => {
  it('says how often in the largest whole unit', () => {
    expect(cadenceLabel(1)).toEqual({ key: 'admin.jobs.everySecond', count: 1 });
    expect(cadenceLabel(5)).toEqual({ key: 'admin.jobs.everySeconds', count: 5 });
    expect(cadenceLabel(60)).toEqual({ key: 'admin.jobs.everyMinute', count: 1 });
    expect(cadenceLabel(900)).toEqual({ key: 'admin.jobs.everyMinutes', count: 15 });
    expect(cadenceLabel(3600)).toEqual({ key: 'admin.jobs.everyHour', count: 1 });
  });
});

describe('JobsPage', () => {
  let http: HttpTestingController;

  async function render() {
    TestBed.configureTestingModule({
      imports: [adminTranslocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(JobsPage);
    fixture.detectChanges();
    http.expectOne({ method: 'GET', url: '/api/admin/jobs' }).flush({ items: JOBS, nextCursor: null });
    await settle();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const row = (name: string) => el.querySelector<HTMLElement>(`[data-testid="job-row"][data-job="${name}"]`);
    return { fixture, el, row };
  }

  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
  });

  afterEach(() => http.verify());

  it('shows each job in a table named by the heading: its pace, its runs and its last failure', async () => {
    const { el, row } = await render();
    const region = el.querySelector('[role="region"]');
    expect(region?.getAttribute('aria-labelledby')).toBe('jobs-title');
    expect(el.querySelector('#jobs-title')?.textContent).toContain('Tâches planifiées');
    expect(el.querySelectorAll('[data-testid="job-row"]')).toHaveLength(3);

    const digests = row('notification_digests');
    expect(digests?.querySelector('th')?.textContent).toContain('Résumés des notifications par e-mail');
    expect(digests?.querySelector('th')?.textContent).toContain('Chaque minute');
    expect(digests?.querySelector('[data-testid="job-completed"]')?.textContent?.trim()).toBe('1440');
    expect(digests?.querySelector('[data-testid="job-last-run"]')?.textContent).toContain('Réussie');
    expect(digests?.querySelector('[data-testid="job-last-failure"]')?.textContent).toContain('Aucun');
    // Only a job with failed runs offers to retry them.
    expect(digests?.querySelector('[data-testid="job-retry"]')).toBeNull();

    const reminders = row('evaluation_reminders');
    expect(reminders?.querySelector('[data-testid="job-failed"]')?.textContent?.trim()).toBe('2');
    expect(reminders?.querySelector('[data-testid="job-last-run"]')?.textContent).toContain('Échouée, sera retentée');
    const failure = reminders?.querySelector('[data-testid="job-last-failure"]')?.textContent ?? '';
    expect(failure).toContain('Essai 2 sur 4');
    expect(failure).toContain('ECONNREFUSED');
  });

  it('retries the failed runs of a job, says how many, and reads the queues again', async () => {
    const { fixture, el, row } = await render();
    const button = row('evaluation_reminders')?.querySelector<HTMLButtonElement>('[data-testid="job-retry"]');
    // The button names its job for screen readers.
    expect(button?.textContent).toContain('Rappels avant la clôture des évaluations');
    button?.click();
    http.expectOne({ method: 'POST', url: '/api/admin/jobs/evaluation_reminders/retry' }).flush({ retried: 2 });
    await settle();
    http.expectOne({ method: 'GET', url: '/api/admin/jobs' }).flush({ items: JOBS.map((j) => ({ ...j, failed: 0 })), nextCursor: null });
    await settle();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="jobs-feedback"]')?.textContent).toContain('Exécutions échouées relancées : 2.');
    expect(el.querySelector('[data-testid="job-retry"]')).toBeNull();
  });
});
