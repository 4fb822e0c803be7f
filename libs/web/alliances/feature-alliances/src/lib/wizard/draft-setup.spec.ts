import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { browserLanguage } from '@alliances/web/core/testing';
import { settle } from '@alliances/web/identity/data-access/testing';
import type { Alliance, MembershipSummary } from '@alliances/shared/contracts';
import { aMember, anAlliance, translocoWithAlliances } from '../../testing/alliances-testing';
import { CreateAlliancePage } from './create-alliance-page';

const COMPANY: MembershipSummary = {
  organisationId: 'o-company',
  organisationName: 'Transports Rhône',
  organisationStatus: 'approved',
  role: 'admin',
};

/** What accepting a proposal creates: a draft led by the proposer, the recipient as partner. */
const DRAFT = anAlliance({
  id: 'a-draft',
  name: 'Alliance Transports Rhône – Les Jardins Partagés',
  purpose: 'Faisons pousser des jardins sur nos parkings.',
  category: 'responsible_practices',
  status: 'draft',
  collectiveObjectives: ['territory'],
  domains: ['environment'],
  territoryCodes: ['69'],
  territories: [{ code: '69', name: 'Rhône' }],
  innovationStage: null,
  version: 3,
  members: [
    aMember({ organisationId: 'o-company', organisationName: 'Transports Rhône', role: 'lead' }),
    aMember({ organisationId: 'o-asso', organisationName: 'Les Jardins Partagés', role: 'partner' }),
  ],
});

jest.setTimeout(30000);

describe('CreateAlliancePage, setting up a draft alliance (/alliances/:id/setup)', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<CreateAlliancePage>;
  let el: HTMLElement;

  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoWithAlliances()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  async function render(alliance: Alliance, memberships: MembershipSummary[]): Promise<void> {
    fixture = TestBed.createComponent(CreateAlliancePage);
    fixture.componentRef.setInput('id', alliance.id);
    el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/organisations').flush(memberships);
    http.expectOne(`/api/alliances/${alliance.id}`).flush(alliance);
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  const byTestId = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);

  async function next(step: number): Promise<void> {
    el.querySelectorAll<HTMLButtonElement>('[data-testid="wizard-next"]')[step].click();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  it('puts the draft into the steps for the lead, and saves it into the same alliance', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await render(DRAFT, [COMPANY]);

    expect(el.querySelector('h1')?.textContent?.trim()).toBe("Préparer l'alliance « Alliance Transports Rhône – Les Jardins Partagés »");
    expect((byTestId('alliance-name') as HTMLInputElement).value).toBe('Alliance Transports Rhône – Les Jardins Partagés');
    expect(byTestId('alliance-lead')?.getAttribute('aria-disabled')).toBe('true');

    (byTestId('alliance-purpose') as HTMLTextAreaElement).value = 'Des jardins partagés sur les parkings des dépôts.';
    byTestId('alliance-purpose')?.dispatchEvent(new Event('input'));
    for (const step of [0, 1, 2, 3]) await next(step);
    expect(byTestId('wizard-review')?.textContent).toContain('Rhône');
    expect(byTestId('wizard-create')?.textContent?.trim()).toBe("Enregistrer l'alliance");

    byTestId('wizard-create')?.click();
    const patch = http.expectOne((r) => r.method === 'PATCH' && r.url === '/api/alliances/a-draft');
    expect(patch.request.body).toEqual({
      name: 'Alliance Transports Rhône – Les Jardins Partagés',
      purpose: 'Des jardins partagés sur les parkings des dépôts.',
      category: 'responsible_practices',
      collectiveObjectives: ['territory'],
      domains: ['environment'],
      scale: 'local',
      territoryCodes: ['69'],
      version: 3,
    });
    patch.flush({ ...DRAFT, version: 4 });
    await settle();

    expect(navigate).toHaveBeenCalledWith(['/alliances', 'a-draft']);
  });

  it('shows the accepting partner what is planned while the lead completes it', async () => {
    await render({ ...DRAFT, can: { edit: false, invite: false, writeCharter: false, sign: false } }, [
      { ...COMPANY, organisationId: 'o-asso', organisationName: 'Les Jardins Partagés' },
    ]);

    expect(byTestId('draft-waiting')?.textContent?.trim()).toBe(
      "En attente du chef de file : Transports Rhône complète l'alliance. Vous serez prévenu quand elle passera à la charte.",
    );
    expect(byTestId('draft-summary')?.textContent).toContain('Les Jardins Partagés');
    expect(el.querySelector<HTMLElement>('mat-stepper')?.style.display).toBe('none');
    expect(byTestId('draft-open-home')?.getAttribute('href')).toBe('/alliances/a-draft');
  });

  it('sends a lead whose alliance is past its draft to its page', async () => {
    await render({ ...DRAFT, status: 'chartering' }, [COMPANY]);

    expect(byTestId('draft-waiting')?.textContent?.trim()).toBe('Cette alliance est déjà préparée : retrouvez-la sur sa page.');
    expect(el.querySelector<HTMLElement>('mat-stepper')?.style.display).toBe('none');
  });
});
