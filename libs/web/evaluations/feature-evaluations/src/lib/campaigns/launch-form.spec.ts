import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTranslocoScope } from '@jsverse/transloco';
import { browserLanguage } from '@alliances/web/core/testing';
import { settle } from '@alliances/web/identity/data-access/testing';
import type { EvaluationCampaign, EvaluationTemplate } from '@alliances/shared/contracts';
import { evaluationsTransloco } from '../../testing/evaluations-testing';
import { LaunchForm, closingInstant } from './launch-form';

const DEFAULT: EvaluationTemplate = { id: 'tpl-default', allianceId: null, title: 'Default', questions: [] };
const COPY: EvaluationTemplate = { id: 'tpl-copy', allianceId: 'all-1', title: 'Notre questionnaire', questions: [] };

describe('LaunchForm', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [evaluationsTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTranslocoScope('evaluations')],
    });
    http = TestBed.inject(HttpTestingController);
  });

  async function render() {
    const fixture = TestBed.createComponent(LaunchForm);
    fixture.componentRef.setInput('allianceId', 'all-1');
    fixture.componentRef.setInput('templates', [DEFAULT, COPY]);
    fixture.componentRef.setInput('defaultTitle', 'Évaluation 2026');
    const launched: EvaluationCampaign[] = [];
    fixture.componentInstance.launched.subscribe((c) => launched.push(c));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const byTestId = <T extends HTMLElement>(id: string) => el.querySelector<T>(`[data-testid="${id}"]`) as T;
    return { fixture, el, byTestId, launched };
  }

  it('is prefilled so launching takes one click, and sends the chosen closing day', async () => {
    const { byTestId, launched, fixture } = await render();
    expect(byTestId<HTMLInputElement>('launch-title').value).toBe('Évaluation 2026');
    expect(byTestId<HTMLSelectElement>('launch-template').value).toBe('tpl-copy');
    expect([...byTestId<HTMLSelectElement>('launch-template').options].map((o) => o.textContent?.trim())).toEqual([
      'Questionnaire par défaut (0 questions)',
      'Notre questionnaire (0 questions)',
    ]);
    const closes = byTestId<HTMLInputElement>('launch-closes-at');
    closes.value = '2099-06-30';
    closes.dispatchEvent(new Event('input'));
    byTestId('launch-submit').click();
    const req = http.expectOne((r) => r.method === 'POST' && r.url === '/api/alliances/all-1/evaluations');
    expect(req.request.body).toEqual({ title: 'Évaluation 2026', closesAt: closingInstant('2099-06-30'), templateId: 'tpl-copy' });
    req.flush({ id: 'camp-1', title: 'Évaluation 2026' });
    await settle();
    await fixture.whenStable();
    expect(launched.map((c) => c.id)).toEqual(['camp-1']);
  });

  it('refuses a closing date in the past, under the field', async () => {
    const { byTestId, el, fixture } = await render();
    const closes = byTestId<HTMLInputElement>('launch-closes-at');
    closes.value = '2020-01-01';
    closes.dispatchEvent(new Event('input'));
    byTestId('launch-submit').click();
    await fixture.whenStable();
    http.expectNone('/api/alliances/all-1/evaluations');
    expect([...el.querySelectorAll('mat-error')].map((e) => e.textContent?.trim())).toEqual(['Choisissez une date à venir.']);
  });
});
