import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, DeferBlockBehavior, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import { aDiagnostic } from '@alliances/web/diagnostics/data-access/testing';
import { settle } from '@alliances/web/identity/data-access/testing';
import type { DiagnosticQuestionnaire, Organisation } from '@alliances/shared/contracts';
import { DiagnosticPage } from './diagnostic-page';

const ORG = 'o1';
const question = (id: string) => ({
  id,
  text: `Question ${id}`,
  options: ['a', 'b', 'c'].map((o) => ({ id: o, text: `Réponse ${o} de ${id}` })),
});
const QUESTIONNAIRE: DiagnosticQuestionnaire = {
  profile: 'association',
  version: 1,
  axes: (['objectives', 'means', 'maturity', 'wishes'] as const).map((key) => ({
    key,
    title: `Axe ${key}`,
    intro: `Introduction ${key}`,
    questions: [question(`${key}.one`), question(`${key}.two`)],
  })),
};

jest.setTimeout(30000);

describe('DiagnosticPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<DiagnosticPage>;
  let el: HTMLElement;

  const byTestId = (id: string) => el.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
  const text = (id: string) => byTestId(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const history = () => http.expectOne((r) => r.url === `/api/organisations/${ORG}/diagnostics`);

  async function refresh(): Promise<void> {
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  /** Renders without waiting for stability: a request still open keeps the app unstable. */
  async function pending(): Promise<void> {
    await settle();
    fixture.detectChanges();
  }

  async function render(items: ReturnType<typeof aDiagnostic>[]): Promise<void> {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
      deferBlockBehavior: DeferBlockBehavior.Manual,
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DiagnosticPage);
    fixture.componentRef.setInput('id', ORG);
    el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne(`/api/organisations/${ORG}`).flush({ id: ORG, name: 'Les Jardins Partagés', profile: 'association' } as Organisation);
    history().flush({ items, nextCursor: null });
    await refresh();
  }

  afterEach(() => http.verify());

  it('introduces the diagnostic and its length, then asks one axis at a time, naming what is left unanswered', async () => {
    await render([]);
    expect(text('diagnostic-duration')).toBe('Comptez 10 à 15 minutes.');

    byTestId('diagnostic-start')?.click();
    await pending();
    const ask = http.expectOne((r) => r.url === '/api/diagnostics/questionnaire');
    expect(ask.request.params.get('profile')).toBe('association');
    expect(ask.request.params.get('lang')).toBe('fr');
    ask.flush(QUESTIONNAIRE);
    await refresh();

    expect(text('diagnostic-step')).toBe('Étape 1 sur 4 : Axe objectives');
    expect(text('diagnostic-progress')).toBe('0 questions répondues sur 8');
    byTestId('diagnostic-next')?.click();
    await refresh();
    expect(text('diagnostic-step')).toBe('Étape 1 sur 4 : Axe objectives');
    expect(el.querySelectorAll('.field-error').length).toBe(2);
    expect(el.querySelector('.field-error')?.textContent).toContain('2 sans réponse');

    for (const axis of QUESTIONNAIRE.axes) {
      expect(text('diagnostic-step')).toContain(axis.title);
      for (const q of axis.questions) (el.querySelector(`[data-testid="option-${q.id}-b"] input`) as HTMLInputElement).click();
      await refresh();
      byTestId('diagnostic-next')?.click();
      await pending();
    }

    const post = http.expectOne({ method: 'POST', url: `/api/organisations/${ORG}/diagnostics?lang=fr` });
    expect(post.request.body.answers).toHaveLength(8);
    expect(post.request.body.answers[0]).toEqual({ questionId: 'objectives.one', optionId: 'b' });
    const saved = aDiagnostic({ id: 'new' });
    post.flush(saved);
    await pending();
    history().flush({ items: [saved], nextCursor: null });
    await refresh();

    expect(text('diagnostic-feedback')).toBe('Votre autodiagnostic est enregistré.');
    expect(text('axis-maturity')).toBe('Maturité 20 / 100 (émergent)');
    expect(text('category-societal_innovation')).toContain('Innovation sociétale');
    expect([...el.querySelectorAll('[data-testid="suggested-square"] li')].map((li) => li.textContent)).toEqual([
      'Proposition de valeur',
      'Modèle économique',
    ]);
  });

  it('compares the result shown with the previous diagnostic, lists the history and downloads the PDF', async () => {
    const latest = aDiagnostic({ id: 'late', createdAt: '2026-11-20T10:00:00.000Z' });
    const earlier = aDiagnostic({
      id: 'early',
      createdAt: '2026-05-04T10:00:00.000Z',
      axes: [
        { key: 'objectives', score: 25, level: 'developing' },
        { key: 'means', score: 30, level: 'developing' },
        { key: 'maturity', score: 0, level: 'emerging' },
        { key: 'wishes', score: 50, level: 'established' },
      ],
    });
    await render([latest, earlier]);

    expect(text('axis-objectives')).toBe('Objectifs 44 / 100 (en développement) 25 / 100 (en développement) +19');
    expect(text('axis-means')).toContain('0');
    expect(el.querySelectorAll('[data-testid="diagnostic-history"] li').length).toBe(2);
    expect(text('diagnostic-result')).toContain('Comparé à l’autodiagnostic du 4 mai 2026.');

    URL.createObjectURL = jest.fn(() => 'blob:pdf');
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    byTestId('diagnostic-pdf')?.click();
    await pending();
    http.expectOne(`/api/organisations/${ORG}/diagnostics/late/pdf?lang=fr`).flush(new Blob(['%PDF-']));
    await refresh();
    expect(URL.createObjectURL).toHaveBeenCalled();

    // The earlier one, shown on its own: nothing before it.
    (el.querySelector('[data-testid="diagnostic-history"] li:last-child button') as HTMLButtonElement).click();
    await refresh();
    expect(text('axis-objectives')).toBe('Objectifs 25 / 100 (en développement)');
    expect(text('diagnostic-result')).toContain('Premier autodiagnostic');
  });
});
