import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ANIMATION_MODULE_TYPE } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Decision } from '@alliances/shared/contracts';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import { DecisionPage } from './decision-page';

const DECISION: Decision = {
  id: 'dec-1',
  allianceId: 'all-1',
  title: 'Réunir le comité chaque trimestre',
  rule: 'consent',
  status: 'open',
  closesAt: '2027-01-10T12:00:00.000Z',
  closedAt: null,
  meetingId: null,
  proposedBy: { userId: 'u1', name: 'Camille Martin', organisationId: 'org-lead', organisationName: 'Les Jardins Partagés' },
  createdAt: '2027-01-01T09:00:00.000Z',
  counts: { agree: 1, abstain: 0, disagree: 0, block: 0, none: 1, organisations: 2 },
  proposal: 'Un représentant par partenaire.',
  positions: [
    {
      organisationId: 'org-lead',
      organisationName: 'Les Jardins Partagés',
      role: 'lead',
      position: 'agree',
      reason: null,
      setBy: 'Camille Martin',
      setAt: '2027-01-01T10:00:00.000Z',
    },
    {
      organisationId: 'org-p',
      organisationName: 'Coopérative Solaire',
      role: 'partner',
      position: null,
      reason: null,
      setBy: null,
      setAt: null,
    },
  ],
  canPositionFor: ['org-p'],
  canClose: false,
};
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('DecisionPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: ANIMATION_MODULE_TYPE, useValue: 'NoopAnimations' },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(decision: Decision) {
    const fixture = TestBed.createComponent(DecisionPage);
    fixture.componentRef.setInput('id', 'all-1');
    fixture.componentRef.setInput('decisionId', 'dec-1');
    fixture.detectChanges();
    await fixture.whenStable();
    http.expectOne('/api/decisions/dec-1').flush(decision);
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('shows each organisation’s position and asks a reason before blocking', async () => {
    const { fixture, el } = await render(DECISION);
    expect(text(el.querySelector('h1'))).toBe('Réunir le comité chaque trimestre');
    expect(text(el.querySelector('[data-testid="position-org-lead"]'))).toContain('D’accord');
    expect(text(el.querySelector('[data-testid="position-org-p"]'))).toContain('Pas encore de position');
    expect(el.querySelector('[data-testid="decision-close"]')).toBeNull();
    (el.querySelector('[data-testid="position-block"] input') as HTMLInputElement).click();
    fixture.detectChanges();
    (el.querySelector('[data-testid="position-save"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(el.querySelector('mat-error'))).toBe('Donnez le motif de cette position.');
    const reason = el.querySelector('[data-testid="position-reason"]') as HTMLTextAreaElement;
    reason.value = 'Trop tôt';
    reason.dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid="position-save"]') as HTMLButtonElement).click();
    const put = http.expectOne('/api/decisions/dec-1/positions/me');
    expect(put.request.body).toEqual({ organisationId: 'org-p', position: 'block', reason: 'Trop tôt' });
    put.flush({ ...DECISION, positions: [DECISION.positions[0], { ...DECISION.positions[1], position: 'block', reason: 'Trop tôt' }] });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(el.querySelector('[data-testid="position-org-p"]'))).toContain('Trop tôt');
  });

  it('shows the outcome of a closed decision, with no form left', async () => {
    const { el } = await render({ ...DECISION, status: 'adopted', closedAt: '2027-01-05T12:00:00.000Z', canPositionFor: [] });
    expect(text(el.querySelector('[data-testid="decision-status"]'))).toBe('Adoptée');
    expect(text(el.querySelector('[data-testid="decision-outcome"]'))).toContain('Adoptée : 1 d’accord');
    expect(el.querySelector('[data-testid="position-save"]')).toBeNull();
  });
});
