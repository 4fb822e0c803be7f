import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ANIMATION_MODULE_TYPE } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { browserLanguage } from '@alliances/web/core/testing';
import { settle } from '@alliances/web/identity/data-access/testing';
import { objectivesTranslocoTesting } from '../../testing/objectives-testing';
import { CheckInForm } from './checkin-form';

describe('CheckInForm', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [objectivesTranslocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: ANIMATION_MODULE_TYPE, useValue: 'NoopAnimations' }],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(TranslocoService).setActiveLang('fr');
    let n = 0;
    jest
      .spyOn(crypto, 'randomUUID')
      .mockImplementation(() => `00000000-0000-4000-8000-00000000000${++n}` as `${string}-${string}-${string}-${string}-${string}`);
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  async function render() {
    const fixture = TestBed.createComponent(CheckInForm);
    fixture.componentRef.setInput('indicatorId', 'ind-1');
    fixture.componentRef.setInput('unit', 'personnes');
    const recorded: unknown[] = [];
    fixture.componentRef.instance.recorded.subscribe((c) => recorded.push(c));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const field = (id: string) => el.querySelector<HTMLInputElement>(`[data-testid="${id}"]`) as HTMLInputElement;
    const type = (id: string, value: string) => {
      field(id).value = value;
      field(id).dispatchEvent(new Event('input'));
    };
    const submit = async () => {
      field('checkin-submit').click();
      await fixture.whenStable();
    };
    const stable = async () => {
      await settle();
      await fixture.whenStable();
    };
    return { fixture, el, field, type, submit, stable, recorded };
  }

  it('defaults the date to today and says what is missing', async () => {
    const { el, field, submit } = await render();
    expect(field('checkin-date').value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(el.querySelector('label')?.textContent).toContain('Valeur (personnes)');
    await submit();
    expect([...el.querySelectorAll('mat-error')].map((e) => e.textContent?.trim())).toEqual(['Ce champ est obligatoire.']);
  });

  it('refuses a confidence outside 1–5', async () => {
    const { el, type, submit } = await render();
    type('checkin-value', '12');
    type('checkin-confidence', '7');
    await submit();
    expect([...el.querySelectorAll('mat-error')].map((e) => e.textContent?.trim())).toEqual(['Choisissez une confiance de 1 à 5.']);
  });

  it('sends a note marked private to the organisation, and the box is unticked for the next one', async () => {
    const { el, type, submit, stable } = await render();
    type('checkin-value', '80');
    type('checkin-note', 'Chiffre interne');
    (el.querySelector('[data-testid="checkin-note-private"] input') as HTMLInputElement).click();
    await stable();
    await submit();
    const req = http.expectOne('/api/indicators/ind-1/checkins');
    expect(req.request.body).toMatchObject({ value: 80, note: 'Chiffre interne', notePrivate: true });
    req.flush({ id: req.request.body.id, value: 80 }, { status: 201, statusText: 'Created' });
    await stable();
    expect((el.querySelector('[data-testid="checkin-note-private"] input') as HTMLInputElement).checked).toBe(false);
  });

  it('reuses the same id when retrying after a network error, then starts a new one', async () => {
    const { el, type, submit, stable, recorded, field } = await render();
    type('checkin-value', '120');
    type('checkin-confidence', '4');
    type('checkin-note', 'Après le forum');
    await submit();
    const first = http.expectOne('/api/indicators/ind-1/checkins');
    const id = first.request.body.id;
    expect(first.request.body).toEqual({ id, value: 120, date: expect.any(String), confidence: 4, note: 'Après le forum' });
    first.error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await stable();
    expect(el.querySelector('[data-testid="checkin-feedback"]')?.textContent).toContain('ne sera pas enregistré deux fois');

    await submit();
    const retry = http.expectOne('/api/indicators/ind-1/checkins');
    expect(retry.request.body.id).toBe(id);
    retry.flush({ id, value: 120 }, { status: 200, statusText: 'OK' });
    await stable();
    expect(recorded).toHaveLength(1);
    expect(el.querySelector('[data-testid="checkin-feedback"]')?.textContent?.trim()).toBe('Relevé enregistré.');
    expect(field('checkin-value').value).toBe('');

    type('checkin-value', '150');
    await submit();
    const next = http.expectOne('/api/indicators/ind-1/checkins');
    expect(next.request.body.id).not.toBe(id);
    next.flush({ id: next.request.body.id, value: 150 }, { status: 201, statusText: 'Created' });
    await stable();
  });

  it('puts a server field error under its field', async () => {
    const { el, type, submit, stable } = await render();
    type('checkin-value', '12');
    await submit();
    http.expectOne('/api/indicators/ind-1/checkins').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'invalid',
        details: [{ field: 'date', messages: ['bad'], codes: ['isIso8601'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();
    expect([...el.querySelectorAll('mat-error')].map((e) => e.textContent?.trim())).toEqual(['Valeur refusée par le serveur.']);
  });
});
