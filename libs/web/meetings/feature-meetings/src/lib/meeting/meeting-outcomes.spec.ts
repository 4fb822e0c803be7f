import { of } from 'rxjs';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AllianceAction, DecisionSummary } from '@alliances/shared/contracts';
import { ActionDialog, ProposeDecisionDialog } from '@alliances/web/governance/feature-governance';
import { answeringDialog, browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import { MEETING } from '../../testing/fixtures';
import { MeetingOutcomes } from './meeting-outcomes';

const tick = () => new Promise((resolve) => setTimeout(resolve));
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

const DECISION = {
  id: 'd-1',
  allianceId: 'all-1',
  title: 'Réunir le comité chaque trimestre',
  rule: 'consent',
  status: 'adopted',
  meetingId: 'm-1',
} as DecisionSummary;

const ACTION = {
  id: 'a-1',
  allianceId: 'all-1',
  title: 'Préparer l’ordre du jour',
  assignee: { userId: 'u-2', name: 'Sacha Petit' },
  organisationName: 'Coopérative Solaire',
  dueOn: '2027-03-01',
  status: 'open',
  source: { type: 'meeting', id: 'm-1', title: 'Comité de pilotage' },
} as AllianceAction;

describe('MeetingOutcomes', () => {
  let http: HttpTestingController;

  function render(answer: unknown) {
    const dialog = answeringDialog(true);
    const opened: unknown[] = [];
    const useValue = {
      open: (component: unknown, config: { data: Record<string, unknown> }) => {
        opened.push(component);
        dialog.asked.push({ data: config.data });
        return { afterClosed: () => of(answer) };
      },
    };
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { ...dialog.provider, useValue }],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(MeetingOutcomes);
    fixture.componentRef.setInput('allianceId', 'all-1');
    fixture.componentRef.setInput('meeting', MEETING);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    return { fixture, el, asked: dialog.asked, opened, one: (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`) };
  }

  const flushLists = (decisions: DecisionSummary[], actions: AllianceAction[]) => {
    http.expectOne('/api/alliances/all-1/decisions?meetingId=m-1').flush({ items: decisions, nextCursor: null });
    http.expectOne('/api/alliances/all-1/actions?sourceType=meeting&sourceId=m-1').flush({ items: actions, nextCursor: null });
  };

  beforeEach(() => browserLanguage('fr-FR'));
  afterEach(() => http.verify());

  it('lists the decisions and actions the meeting produced, with their outcome, assignee and due date', async () => {
    const { fixture, one } = render(undefined);
    flushLists([DECISION], [ACTION]);
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(one('meeting-decision'))).toContain('Réunir le comité chaque trimestre');
    expect(text(one('meeting-decision-status'))).toBe('Adoptée');
    expect(one('meeting-decision')?.querySelector('a')?.getAttribute('href')).toBe('/alliances/all-1/decisions/d-1');
    expect(text(one('meeting-action'))).toContain('Sacha Petit');
    expect(text(one('meeting-action-status'))).toBe('À faire');
    expect(one('meeting-actions')?.getAttribute('href')).toBe('/alliances/all-1/actions?meetingId=m-1');
  });

  it('proposes a decision tied to the meeting and lists it', async () => {
    const { fixture, one, asked, opened } = render(DECISION);
    flushLists([], []);
    await fixture.whenStable();
    fixture.detectChanges();
    one('meeting-propose-decision')?.click();
    await tick();
    fixture.detectChanges();
    expect(opened).toEqual([ProposeDecisionDialog]);
    expect(asked[0].data).toEqual({ allianceId: 'all-1', meetingId: 'm-1' });
    http.expectOne('/api/alliances/all-1/decisions?meetingId=m-1').flush({ items: [DECISION], nextCursor: null });
  });

  it('assigns an action whose source is the meeting', async () => {
    const { fixture, one, asked, opened } = render(ACTION);
    flushLists([], []);
    await fixture.whenStable();
    fixture.detectChanges();
    one('meeting-new-action')?.click();
    http.expectOne('/api/alliances/all-1/people').flush([]);
    await tick();
    fixture.detectChanges();
    expect(opened).toEqual([ActionDialog]);
    expect(asked[0].data).toEqual({ allianceId: 'all-1', people: [], source: { type: 'meeting', id: 'm-1' } });
    http.expectOne('/api/alliances/all-1/actions?sourceType=meeting&sourceId=m-1').flush({ items: [ACTION], nextCursor: null });
  });
});
