import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { browserLanguage } from '@alliances/web/core/testing';
import { aDiagnostic } from '@alliances/web/diagnostics/data-access/testing';
import { settle } from '@alliances/web/identity/data-access/testing';
import type { MembershipSummary } from '@alliances/shared/contracts';
import { anAlliance, translocoWithAlliances } from '../../testing/alliances-testing';
import { CreateAlliancePage } from './create-alliance-page';

const APPROVED: MembershipSummary = {
  organisationId: '0b4a7c1e-0000-4000-8000-000000000001',
  organisationName: 'Les Jardins Partagés',
  organisationStatus: 'approved',
  role: 'admin',
};
const PENDING: MembershipSummary = {
  organisationId: 'o-pending',
  organisationName: 'Fondation en attente',
  organisationStatus: 'pending',
  role: 'admin',
};

// The stepper and its Material widgets take a while to compile on the first test.
jest.setTimeout(30000);

describe('CreateAlliancePage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<CreateAlliancePage>;
  let el: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoWithAlliances()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CreateAlliancePage);
    el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/organisations').flush([APPROVED, PENDING]);
    // The lead's latest self-diagnostic: none yet.
    http.expectOne((r) => r.url === `/api/organisations/${APPROVED.organisationId}/diagnostics`).flush({ items: [], nextCursor: null });
    await settle();
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  const byTestId = (id: string) => el.querySelector(`[data-testid="${id}"]`) as HTMLElement;

  function type(testId: string, value: string): void {
    const input = byTestId(testId) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function next(step: number): Promise<void> {
    el.querySelectorAll<HTMLButtonElement>('[data-testid="wizard-next"]')[step].click();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  const selectedStep = () => el.querySelector('.mat-step-header[aria-current="step"]')?.textContent ?? '';

  it('does not go on while the name and purpose are missing, and says why', async () => {
    await next(0);

    expect(selectedStep()).toContain("L'alliance");
    const errors = [...el.querySelectorAll('mat-error')].map((e) => e.textContent?.trim());
    expect(errors).toEqual(['Ce champ est obligatoire.', 'Ce champ est obligatoire.']);
  });

  it('offers only approved organisations as lead, and picks the only one', () => {
    const page = fixture.componentInstance as unknown as { identity: { controls: { organisationId: { value: string } } } };
    expect(page.identity.controls.organisationId.value).toBe(APPROVED.organisationId);
  });

  it('asks for a category and at least one collective objective, each explained in one line', async () => {
    type('alliance-name', 'Alliance pour les aidants');
    type('alliance-purpose', 'Mieux concilier emploi et aide à un proche.');
    await next(0);
    expect(selectedStep()).toContain('Catégorie');
    expect(byTestId('category-philanthropy').textContent).toContain("Une organisation soutient un projet d'intérêt général");

    await next(1);
    expect(selectedStep()).toContain('Catégorie');
    expect(el.querySelector('#category-error')?.textContent?.trim()).toBe('Choisissez une catégorie.');

    (byTestId('category-economic_cooperation').querySelector('input') as HTMLInputElement).click();
    await next(1);
    expect(selectedStep()).toContain('Objectifs collectifs');

    await next(2);
    expect(el.querySelector('#objectives-error')?.textContent?.trim()).toBe('Choisissez au moins un objectif.');
    expect(byTestId('objective-territory').textContent).toContain('Construire ensemble un projet pour le territoire.');
  });

  it("pre-fills the category and objectives from the lead's latest self-diagnostic, and says so", async () => {
    expect(byTestId('diagnostic-prefill')).toBeNull();
    const lead = (fixture.componentInstance as unknown as { identity: { controls: { organisationId: { setValue(v: string): void } } } })
      .identity.controls.organisationId;
    lead.setValue('');
    lead.setValue(APPROVED.organisationId);
    http
      .expectOne((r) => r.url === `/api/organisations/${APPROVED.organisationId}/diagnostics`)
      .flush({ items: [aDiagnostic({ suggestedObjectives: ['territory', 'engagement'] })], nextCursor: null });
    type('alliance-name', 'Alliance pour les aidants');
    type('alliance-purpose', 'Mieux concilier emploi et aide à un proche.');
    await next(0);
    expect(byTestId('diagnostic-prefill').textContent).toContain('Pré-rempli d’après votre autodiagnostic');
    expect((byTestId('category-societal_innovation').querySelector('input') as HTMLInputElement).checked).toBe(true);
    await next(1);
    expect((byTestId('objective-territory').querySelector('input') as HTMLInputElement).checked).toBe(true);
    expect((byTestId('objective-engagement').querySelector('input') as HTMLInputElement).checked).toBe(true);
    expect((byTestId('objective-innovation').querySelector('input') as HTMLInputElement).checked).toBe(false);
  });

  it('sends what the person chose, then opens the new alliance', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    type('alliance-name', '  Alliance pour les aidants  ');
    type('alliance-purpose', 'Mieux concilier emploi et aide à un proche.');
    await next(0);
    (byTestId('category-societal_innovation').querySelector('input') as HTMLInputElement).click();
    await next(1);
    (byTestId('objective-engagement').querySelector('input') as HTMLInputElement).click();
    (byTestId('objective-territory').querySelector('input') as HTMLInputElement).click();
    await next(2);
    (byTestId('domain-carers').querySelector('[role="option"]') as HTMLElement).click();
    (byTestId('domain-employment').querySelector('[role="option"]') as HTMLElement).click();
    fixture.detectChanges();
    await next(3);
    const review = byTestId('wizard-review');
    expect([...review.querySelectorAll('.inline-list span')].map((s) => s.textContent)).toEqual([
      'Engagement',
      'Co-construction territoriale',
      'Emploi',
      'Aidants',
    ]);

    byTestId('wizard-create').click();
    const request = http.expectOne('/api/alliances');
    expect(request.request.body).toEqual({
      name: 'Alliance pour les aidants',
      purpose: 'Mieux concilier emploi et aide à un proche.',
      organisationId: APPROVED.organisationId,
      category: 'societal_innovation',
      collectiveObjectives: ['engagement', 'territory'],
      domains: ['employment', 'carers'],
      scale: 'local',
      territoryCodes: [],
    });
    request.flush(anAlliance({ id: 'new-alliance' }));
    await settle();

    expect(navigate).toHaveBeenCalledWith(['/alliances', 'new-alliance']);
  });

  it('shows the server field errors on the fields and goes back to their step', async () => {
    type('alliance-name', 'Alliance pour les aidants');
    type('alliance-purpose', 'Mieux concilier emploi et aide à un proche.');
    await next(0);
    (byTestId('category-philanthropy').querySelector('input') as HTMLInputElement).click();
    await next(1);
    (byTestId('objective-engagement').querySelector('input') as HTMLInputElement).click();
    await next(2);
    await next(3);

    byTestId('wizard-create').click();
    http.expectOne('/api/alliances').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid',
        details: [{ field: 'organisationId', messages: ['not one of your organisations'], codes: ['notYourOrganisation'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();

    expect(selectedStep()).toContain("L'alliance");
    expect(byTestId('wizard-error').textContent).toContain('Le serveur a refusé certaines informations');
    expect(el.querySelector('mat-error')?.textContent?.trim()).toBe("Cette organisation n'est pas l'une des vôtres.");
  });
});
