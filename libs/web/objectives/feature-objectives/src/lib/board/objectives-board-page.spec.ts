import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ANIMATION_MODULE_TYPE } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { LIVE_SOCKET_FACTORY } from '@alliances/web/comments/data-access';
import { FakeLiveSocket, aComment } from '@alliances/web/comments/data-access/testing';
import { browserLanguage } from '@alliances/web/core/testing';
import { aMe, settle, signInAs } from '@alliances/web/identity/data-access/testing';
import { ALLIANCE, MATRIX, OBJECTIVES } from '../../testing/fixtures';
import { objectivesTranslocoTesting } from '../../testing/objectives-testing';
import { ObjectivesBoardPage } from './objectives-board-page';

describe('ObjectivesBoardPage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [objectivesTranslocoTesting()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: ANIMATION_MODULE_TYPE, useValue: 'NoopAnimations' },
        { provide: LIVE_SOCKET_FACTORY, useValue: new FakeLiveSocket().factory() },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(aMe());
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => e.remove());
  });

  async function render(alliance = ALLIANCE) {
    const fixture = TestBed.createComponent(ObjectivesBoardPage);
    fixture.componentRef.setInput('id', 'all-1');
    fixture.detectChanges();
    http.expectOne('/api/alliances/all-1').flush(alliance);
    http.expectOne('/api/alliances/all-1/objectives').flush(OBJECTIVES);
    http.expectOne('/api/alliances/all-1/objectives/matrix').flush(MATRIX);
    // The board follows the discussion of each objective: two comments on the first, one deleted.
    const comments = [
      aComment({ id: 'c1', seq: 1, allianceId: 'all-1', target: { type: 'objective', id: 'obj-1' } }),
      aComment({ id: 'c2', seq: 2, allianceId: 'all-1', target: { type: 'objective', id: 'obj-1' } }),
      aComment({
        id: 'c3',
        seq: 3,
        allianceId: 'all-1',
        target: { type: 'objective', id: 'obj-1' },
        body: null,
        bodyHtml: null,
        deletedAt: '2026-03-03T09:00:00.000Z',
      }),
    ];
    http.expectOne((r) => r.url === '/api/comments' && r.params.get('allianceId') === 'all-1').flush({ items: comments, lastSeq: 3 });
    await settle();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const all = (id: string) => [...el.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
    return { fixture, el, all };
  }

  it('groups the objectives by collective objective, with a status in words and the raw progress', async () => {
    const { el, all } = await render();

    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect([...el.querySelectorAll('h2')].map((h) => h.textContent?.trim())).toEqual([
      'Co-construction territoriale',
      'Performance des organisations',
    ]);
    const [territory, performance] = all('objective-card');
    expect(territory.querySelector('h3')?.textContent).toBe('Accompagner 200 personnes');
    expect(territory.querySelector('[data-testid="status-chip"]')?.textContent).toContain('En bonne voie');
    expect(territory.querySelector('[data-testid="objective-progress"]')?.textContent?.trim()).toBe('Avancement : 65 %');
    expect(territory.querySelector('[data-testid="indicator-row"]')?.textContent).toContain('dernier relevé : 130 personnes');
    // Above 100 %: the bar is full, the text keeps the raw value.
    expect(performance.querySelector('[data-testid="status-chip"]')?.textContent).toContain('Atteint');
    expect(performance.querySelector('[data-testid="objective-progress"]')?.textContent?.trim()).toBe('Avancement : 140 %');
    expect(performance.querySelector('mat-progress-bar')?.getAttribute('aria-valuenow')).toBe('100');
    expect(territory.querySelector('[data-testid="milestone-overdue"]')?.textContent?.trim()).toBe('En retard');
    expect(all('add-objective')).toHaveLength(1);
    expect(all('objective-discussion').map((b) => b.textContent?.trim())).toEqual(['Discussion (2)', 'Discussion (0)']);
    expect(all('add-indicator')).toHaveLength(2);
  });

  it('links each indicator to its page', async () => {
    const { all } = await render();
    expect(all('indicator-link')[0].getAttribute('href')).toBe('/alliances/all-1/indicators/ind-1');
  });

  it('is read-only for an observer', async () => {
    const { all } = await render({ ...ALLIANCE, can: { ...ALLIANCE.can, writeCharter: false } });
    expect(all('add-objective')).toHaveLength(0);
    expect(all('add-indicator')).toHaveLength(0);
    expect(all('read-only')[0].textContent).toContain('lecture seule');
  });

  it('shows the benefit matrix, flags partners who get nothing and lets a partner edit its own row', async () => {
    const { fixture, el, all } = await render();
    [...el.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent?.includes('Matrice'))?.click();
    await fixture.whenStable();

    const [lead, partner] = all('matrix-row');
    expect(lead.textContent).toContain('Positionnement, Processus');
    expect(lead.querySelector('[data-testid="matrix-cell-edit"]')).toBeNull();
    expect(partner.querySelector('[data-testid="without-benefit"]')?.textContent).toBe('ne retire rien pour l’instant');
    expect(partner.querySelector('[data-testid="matrix-cell-edit"]')?.getAttribute('aria-label')).toBe(
      'Parts servies pour Boulangerie Martin par « Accompagner 200 personnes »',
    );
  });
});
