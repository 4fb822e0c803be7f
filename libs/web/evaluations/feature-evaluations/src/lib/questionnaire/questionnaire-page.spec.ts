import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { browserLanguage } from '@alliances/web/core/testing';
import { settle, signInAs } from '@alliances/web/identity/data-access/testing';
import type { EvaluationCampaign } from '@alliances/shared/contracts';
import { evaluationsTransloco } from '../../testing/evaluations-testing';
import { AUTOSAVE_DELAY, QuestionnairePage } from './questionnaire-page';

const CAMPAIGN: EvaluationCampaign = {
  id: 'camp-1',
  allianceId: 'all-1',
  title: 'Évaluation 2026',
  status: 'open',
  closesAt: '2026-12-15T17:00:00.000Z',
  closedAt: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  minRespondents: 3,
  submittedCount: 1,
  invitedCount: 6,
  canRespond: true,
  canClose: false,
  questions: [
    {
      id: 'q1',
      position: 0,
      dimension: 'trust',
      focus: 'balance',
      text: { fr: 'Nous nous faisons confiance.', en: 'We trust each other.' },
    },
    {
      id: 'q2',
      position: 1,
      dimension: 'shared_vision',
      focus: 'product',
      text: { fr: 'Nous partageons une vision.', en: 'We share a vision.' },
    },
  ],
};

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('QuestionnairePage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [evaluationsTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTranslocoScope('evaluations')],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs();
  });

  afterEach(() => {
    http.verify();
  });

  async function render(campaign = CAMPAIGN) {
    const fixture = TestBed.createComponent(QuestionnairePage);
    fixture.componentRef.setInput('id', 'camp-1');
    fixture.detectChanges();
    http.expectOne('/api/evaluations/camp-1').flush(campaign);
    await settle();
    fixture.detectChanges();
    if (campaign.canRespond) {
      http
        .expectOne('/api/evaluations/camp-1/responses/me')
        .flush({ answers: [], submittedAt: null, updatedAt: null, organisationId: 'org-1' });
    }
    await settle();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const byTestId = <T extends HTMLElement>(id: string) => el.querySelector<T>(`[data-testid="${id}"]`);
    return { fixture, el, byTestId };
  }

  it('groups questions by dimension with labelled Likert radios and says answers are confidential', async () => {
    const { el, byTestId } = await render();
    const legends = [...el.querySelectorAll('fieldset legend')].map((l) => l.textContent?.trim());
    expect(legends).toEqual(['Vision partagée', 'Confiance']);
    expect(el.querySelectorAll('[role="radiogroup"]')).toHaveLength(2);
    expect(byTestId('score-0-1')?.closest('label')?.textContent).toContain("Pas du tout d'accord");
    expect(byTestId('score-0-5')?.closest('label')?.textContent).toContain("Tout à fait d'accord");
    expect(byTestId('confidentiality')?.textContent).toContain('confidentielles');
    expect(byTestId('progress')?.textContent?.trim()).toBe('0 / 2 questions répondues');
    expect(el.querySelectorAll('h1')).toHaveLength(1);
  });

  it('autosaves a draft after a pause and keeps sending disabled until every question is answered', async () => {
    const { fixture, byTestId } = await render();
    const submit = byTestId<HTMLButtonElement>('submit-answers');
    expect(submit?.disabled).toBe(true);

    byTestId<HTMLInputElement>('score-0-4')?.click();
    await fixture.whenStable();
    http.expectNone('/api/evaluations/camp-1/responses/me');
    await wait(AUTOSAVE_DELAY + 50);
    const draft = http.expectOne((r) => r.method === 'PUT' && r.url === '/api/evaluations/camp-1/responses/me');
    expect(draft.request.body).toEqual({ answers: [{ questionId: 'q1', score: 4 }] });
    draft.flush({ answers: draft.request.body.answers, submittedAt: null, updatedAt: '2026-11-02T10:00:00.000Z', organisationId: 'org-1' });
    await settle();
    await fixture.whenStable();
    expect(byTestId('draft-status')?.textContent).toContain('Brouillon enregistré');
    expect(byTestId('progress')?.textContent?.trim()).toBe('1 / 2 questions répondues');
    expect(submit?.disabled).toBe(true);

    byTestId<HTMLInputElement>('score-1-5')?.click();
    await fixture.whenStable();
    expect(submit?.disabled).toBe(false);
    submit?.click();
    const sent = http.expectOne((r) => r.method === 'PUT' && r.url === '/api/evaluations/camp-1/responses/me');
    expect(sent.request.body).toEqual({
      answers: [
        { questionId: 'q1', score: 4 },
        { questionId: 'q2', score: 5 },
      ],
      submit: true,
    });
    // The pending draft was cancelled by the submission.
    await wait(AUTOSAVE_DELAY + 50);
    http.expectNone((r) => r.method === 'PUT' && r.url === '/api/evaluations/camp-1/responses/me');
    sent.flush({
      answers: sent.request.body.answers,
      submittedAt: '2026-11-02T10:01:00.000Z',
      updatedAt: '2026-11-02T10:01:00.000Z',
      organisationId: 'org-1',
    });
    await settle();
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('2 / 6 ont répondu');
    expect(byTestId('questionnaire-feedback')?.textContent).toContain('vos réponses sont envoyées');
  }, 20_000);

  it('after the close, links to the results instead of the questions', async () => {
    const { byTestId, el } = await render({ ...CAMPAIGN, status: 'closed', closedAt: '2026-12-15T17:00:00.000Z', canRespond: false });
    expect(byTestId('results-link')?.getAttribute('href')).toBe('/evaluations/camp-1/results');
    expect(el.querySelector('[data-testid="score-0-1"]')).toBeNull();
  });
});
