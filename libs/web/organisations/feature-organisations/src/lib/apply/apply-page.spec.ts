import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ANIMATION_MODULE_TYPE, ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import { aMe, settle, signInAs } from '@alliances/web/identity/data-access/testing';
import { ApplyPage } from './apply-page';

@Component({ template: '<h1>Organisation</h1>', changeDetection: ChangeDetectionStrategy.OnPush })
class OrganisationStub {}

describe('ApplyPage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: ANIMATION_MODULE_TYPE, useValue: 'NoopAnimations' },
        provideRouter([
          { path: 'organisations/apply', component: ApplyPage },
          { path: '**', component: OrganisationStub },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(aMe());
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => e.remove());
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  async function open() {
    const harness = await RouterTestingHarness.create('/organisations/apply');
    const el = harness.routeNativeElement as HTMLElement;
    const byTestId = <T extends HTMLElement>(id: string) => el.querySelector<T>(`[data-testid="${id}"]`);
    const stable = () => harness.fixture.whenStable();
    const type = async (id: string, value: string) => {
      const input = byTestId<HTMLInputElement | HTMLTextAreaElement>(id);
      if (!input) throw new Error(`no field ${id}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await stable();
    };
    const chooseProfile = async (label: string) => {
      byTestId('apply-profile')?.click();
      await stable();
      [...document.querySelectorAll<HTMLElement>('mat-option')].find((o) => o.textContent?.trim() === label)?.click();
      await stable();
    };
    const errorOf = (id: string) => byTestId(`${id}-error`)?.textContent?.trim() ?? null;
    const errors = () => [...el.querySelectorAll('mat-error')].map((e) => e.textContent?.trim());
    const submit = async () => {
      byTestId('apply-submit')?.click();
      await stable();
    };
    return { harness, el, byTestId, type, chooseProfile, errorOf, errors, submit, stable };
  }

  it('offers the seven kinds of organisation, in French', async () => {
    const { byTestId, stable } = await open();

    byTestId('apply-profile')?.click();
    await stable();

    expect([...document.querySelectorAll('mat-option')].map((o) => o.textContent?.trim())).toEqual([
      'Association',
      'Entreprise',
      'Fondation',
      'Collectivité territoriale',
      "Institution publique / service de l'État",
      'Acteur académique',
      'Collectif citoyen',
    ]);
  });

  it('checks SIREN, SIRET and RNA while they are typed', async () => {
    const { type, errorOf } = await open();

    await type('apply-siren', '55210055');
    expect(errorOf('apply-siren')).toBe("Ce SIREN n'est pas valide : il comporte 9 chiffres et une clé de contrôle correcte.");
    await type('apply-siren', '552 100 554');
    expect(errorOf('apply-siren')).toBeNull();

    await type('apply-siret', '73282932000074');
    expect(errorOf('apply-siret')).toBe('Le SIRET doit commencer par le SIREN indiqué.');
    await type('apply-siret', '55210055400013');
    expect(errorOf('apply-siret')).toBeNull();

    await type('apply-rna', 'W75');
    expect(errorOf('apply-rna')).toBe("Ce numéro RNA n'est pas valide : il commence par W suivi de 9 caractères.");
  });

  it('explains which identifier each profile needs, and asks for it on submit', async () => {
    const { chooseProfile, byTestId, type, submit, errorOf } = await open();

    await chooseProfile('Entreprise');
    expect(byTestId('identifiers-rule')?.textContent?.trim()).toBe('Une entreprise indique son SIREN ou son SIRET.');
    await type('apply-name', 'Boulangerie Dupain');
    await submit();
    expect(errorOf('apply-siren')).toBe("Indiquez le SIREN ou le SIRET de l'entreprise.");

    await chooseProfile('Association');
    expect(byTestId('identifiers-rule')?.textContent?.trim()).toBe('Une association indique son numéro RNA ou son SIREN.');
    expect(errorOf('apply-siren')).toBeNull();
    expect(errorOf('apply-rna')).toBe("Indiquez le numéro RNA ou le SIREN de l'association.");

    await type('apply-rna', 'W751234567');
    expect(errorOf('apply-rna')).toBeNull();
    http.expectNone('/api/organisations');
  });

  it('suggests territories from the API as the person types, then sends the chosen code', async () => {
    const { type, chooseProfile, byTestId, submit, stable, harness } = await open();
    await type('apply-name', 'Les Jardins Partagés');
    await chooseProfile('Association');
    await type('apply-rna', 'W691234567');

    const territory = byTestId<HTMLInputElement>('apply-territory');
    territory?.dispatchEvent(new Event('focusin'));
    await type('apply-territory', 'lyo');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const search = http.expectOne((r) => r.url === '/api/territories');
    expect(search.request.params.get('q')).toBe('lyo');
    search.flush([
      { code: '69123', name: 'Lyon (69)', kind: 'commune' },
      { code: '69', name: 'Rhône', kind: 'departement' },
    ]);
    await stable();
    const options = [...document.querySelectorAll<HTMLElement>('mat-option')];
    expect(options.map((o) => o.textContent?.trim())).toEqual(['Lyon (69) Commune · 69123', 'Rhône Département · 69']);
    options[0].click();
    await stable();
    expect(territory?.value).toBe('Lyon (69) · 69123');

    await type('apply-description', 'Des jardins en pied d’immeuble.');
    await submit();
    const apply = http.expectOne('/api/organisations');
    expect(apply.request.body).toEqual({
      name: 'Les Jardins Partagés',
      profile: 'association',
      rna: 'W691234567',
      territoryCode: '69123',
      description: 'Des jardins en pied d’immeuble.',
    });
    apply.flush({ id: 'org-1', status: 'pending' }, { status: 201, statusText: 'Created' });
    await settle();
    http.expectOne('/api/me').flush(aMe());
    await settle();
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/organisations/org-1');
  });

  it('shows the API field errors under the matching fields', async () => {
    const { type, chooseProfile, submit, errors, stable } = await open();
    await type('apply-name', 'Mairie de Nulle-Part');
    await chooseProfile('Collectivité territoriale');

    await submit();
    http.expectOne('/api/organisations').flush(
      {
        statusCode: 400,
        message: 'Invalid input',
        details: [
          { field: 'territoryCode', messages: ['Unknown INSEE territory code'], codes: ['invalidTerritory'] },
          { field: 'siren', messages: ['bad'], codes: ['invalidSiren'] },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    await stable();

    expect(errors()).toEqual([
      "Ce SIREN n'est pas valide : il comporte 9 chiffres et une clé de contrôle correcte.",
      'Choisissez un territoire dans la liste proposée.',
    ]);
  });
});
