import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import { settle } from '@alliances/web/identity/data-access/testing';
import type { Dashboard } from '@alliances/shared/contracts';
import { DashboardPage } from './dashboard-page';

const inDays = (n: number): string => {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('DashboardPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(dashboard: Dashboard): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(DashboardPage);
    fixture.detectChanges();
    http.expectOne('/api/me/dashboard').flush(dashboard);
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('lists what to do with a meaningful link, the alliance and the due date, then the alliances’ health', async () => {
    const el = await render({
      todo: [
        {
          kind: 'checkin_due',
          allianceId: 'a1',
          allianceName: 'Alliance des aidants',
          title: 'Aidants accompagnés',
          dueAt: inDays(-3),
          link: '/alliances/a1/indicators/i1',
        },
        {
          kind: 'sign_charter',
          allianceId: 'a1',
          allianceName: 'Alliance des aidants',
          title: '2',
          link: '/alliances/a1/charter/signatures',
        },
      ],
      alliances: [
        {
          id: 'a1',
          name: 'Alliance des aidants',
          status: 'chartering',
          objectives: { onTrack: 2, atRisk: 1, offTrack: 0, achieved: 0, noData: 1 },
          lastEvaluation: { id: 'e1', title: 'Bilan de printemps', closedAt: '2026-06-01T10:00:00.000Z', mean: 3.5, trend: 'up' },
          charter: { status: 'proposed', inForceVersion: 1, awaitingSignatures: 2 },
          nextMilestone: { title: 'Forum', dueDate: '2027-01-15' },
        },
      ],
    });
    expect(el.querySelector('h1')?.textContent).toContain('Ce qui vous attend');
    const items = [...el.querySelectorAll('[data-testid="todo-item"]')];
    expect(items.map((i) => i.querySelector('a')?.textContent?.trim())).toEqual([
      'Mesurer l’indicateur « Aidants accompagnés »',
      'Signer la version 2 de la charte',
    ]);
    expect(items[0].querySelector('a')?.getAttribute('href')).toBe('/alliances/a1/indicators/i1');
    expect(items[0].textContent).toContain('Alliance des aidants');
    expect(items[0].textContent).toContain('en retard de 3 jours');
    expect(items[0].classList).toContain('overdue');
    const card = el.querySelector('[data-testid="dashboard-alliance"]') as HTMLElement;
    expect(card.textContent).toContain('2 en bonne voie, 1 à surveiller, 0 en retard');
    expect(card.textContent).toContain('Version proposée à la signature');
    expect(card.textContent).toContain('2 signature(s) attendue(s)');
    expect(card.textContent).toContain('moyenne 3,5 sur 5');
    expect(card.textContent).toContain('en hausse');
    expect(card.textContent).toContain('Forum');
  });

  it('says when nothing needs the person', async () => {
    const el = await render({ todo: [], alliances: [] });
    expect(el.querySelector('[data-testid="dashboard-todo-empty"]')?.textContent).toContain('Rien ne vous attend');
    expect(el.querySelector('[data-testid="dashboard-todo"]')).toBeNull();
  });
});
