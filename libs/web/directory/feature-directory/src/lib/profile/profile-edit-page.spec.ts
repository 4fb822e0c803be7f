import { HttpTestingController } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { aMe, settle, signInAs } from '@alliances/web/identity/data-access/testing';
import { configureDirectoryPage } from '../../testing/directory-testing';
import type { OrganisationWithProfile } from '@alliances/shared/contracts';
import { ProfileEditPage } from './profile-edit-page';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

const ORGANISATION: OrganisationWithProfile = {
  id: 'org-jardins',
  name: 'Les Jardins Partagés',
  profile: 'association',
  siren: null,
  siret: null,
  rna: 'W691234567',
  territoryCode: '69266',
  territoryName: 'Villeurbanne',
  description: 'Des jardins ouverts à tous.',
  socioEconomicProfile: { humanResources: { staff: 2, volunteers: 30 } },
  status: 'approved',
  rejectionReason: null,
  createdAt: '2026-01-10T10:00:00.000Z',
  reviewedAt: '2026-01-12T10:00:00.000Z',
  website: null,
  hasLogo: false,
  domains: ['food'],
  seeks: ['financial'],
  offers: [],
  openToAlliances: false,
  listed: false,
  requireTwoFactor: false,
};

describe('ProfileEditPage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    http = configureDirectoryPage('organisations/:id/profile', ProfileEditPage);
    await signInAs(
      aMe({}, [{ organisationId: 'org-jardins', organisationName: 'Les Jardins Partagés', organisationStatus: 'approved', role: 'admin' }]),
    );
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => e.remove());
  });

  async function open() {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/organisations/org-jardins/profile');
    http.expectOne('/api/organisations/org-jardins').flush(ORGANISATION);
    await settle();
    harness.detectChanges();
    await harness.fixture.whenStable();
    const el = harness.routeNativeElement as HTMLElement;
    const one = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    const type = (id: string, value: string) => {
      const input = one(id) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const refresh = async () => {
      await settle();
      harness.detectChanges();
      await harness.fixture.whenStable();
    };
    return { harness, el, one, type, refresh };
  }

  it('starts from the saved profile and sends every field, the house levers and the toggles', async () => {
    const { one, type, refresh, el } = await open();
    expect((one('profile-description') as HTMLTextAreaElement).value).toBe('Des jardins ouverts à tous.');
    expect((one('profile-territory') as HTMLInputElement).value).toBe('Villeurbanne · 69266');
    expect((one('house-volunteers') as HTMLInputElement).value).toBe('30');
    expect(text(el)).toContain('toute personne inscrite sur la plateforme voit');

    type('profile-website', 'https://jardins.example.org');
    type('house-budget', '120000');
    type('house-mix', 'Subventions et dons');
    type('profile-other-domain', 'economie_circulaire');
    one('profile-add-domain')?.click();
    one('offers-skills')?.querySelector('input')?.click();
    one('profile-listed')?.querySelector('button')?.click();
    await refresh();
    one('profile-save')?.click();
    await refresh();

    const patch = http.expectOne('/api/organisations/org-jardins');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({
      description: 'Des jardins ouverts à tous.',
      website: 'https://jardins.example.org',
      territoryCode: '69266',
      domains: ['food', 'economie_circulaire'],
      seeks: ['financial'],
      offers: ['skills'],
      openToAlliances: false,
      listed: true,
      houseModel: {
        humanResources: { staff: 2, volunteers: 30 },
        financialResources: { annualBudgetEur: 120000, mix: 'Subventions et dons' },
      },
    });
    patch.flush({ ...ORGANISATION, ...patch.request.body, listed: true });
    await refresh();
    expect(text(one('profile-feedback'))).toBe("Profil enregistré : l'organisation figure dans l'annuaire des partenaires.");
  });

  it('puts the API field errors under the fields they concern', async () => {
    const { one, refresh, el } = await open();
    one('profile-save')?.click();
    await refresh();
    http.expectOne('/api/organisations/org-jardins').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        details: [
          { field: 'website', messages: ['website must be a URL'], codes: ['isUrl'] },
          { field: 'houseModel.humanResources.staff', messages: ['staff must not be less than 0'], codes: ['min'] },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await refresh();
    expect(text(one('profile-feedback'))).toBe("Certains champs sont à corriger : voyez les messages sous chacun d'eux.");
    expect(text(one('profile-website-error'))).toBe('Saisissez une adresse web complète, commençant par https://');
    expect(one('house-staff')?.getAttribute('aria-invalid')).toBe('true');
    expect(text(el)).toContain('Saisissez un nombre positif ou laissez vide.');
  });

  it('refuses a logo that is not PNG, JPEG or WebP, or over 512 kB, before sending anything', async () => {
    const { one, refresh } = await open();
    const input = one('profile-logo') as HTMLInputElement;
    const pick = (file: File) => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change'));
    };
    pick(new File(['GIF89a'], 'logo.gif', { type: 'image/gif' }));
    await refresh();
    expect(text(one('logo-error'))).toBe("Ce fichier n'est pas une image PNG, JPEG ou WebP.");
    pick(new File([new Uint8Array(600 * 1024)], 'logo.png', { type: 'image/png' }));
    await refresh();
    expect(text(one('logo-error'))).toBe('Ce fichier dépasse 512 ko : choisissez une image plus légère.');
  });
});
