import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ANIMATION_MODULE_TYPE } from '@angular/core';
import { DeferBlockBehavior, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import { aMe, settle, signInAs } from '@alliances/web/identity/data-access/testing';
import type { CatalystTerritoryView, DirectoryCard, MembershipSummary } from '@alliances/shared/contracts';
import { CatalystPage } from './catalyst-page';

const RESEAU: MembershipSummary = {
  organisationId: 'org-reseau',
  organisationName: 'Réseau Lyon Solidaire',
  organisationStatus: 'approved',
  role: 'admin',
};
const OTHER: MembershipSummary = { ...RESEAU, organisationId: 'org-other', organisationName: 'Autre', role: 'member' };

const RHONE: CatalystTerritoryView = {
  territoryCodes: ['69'],
  organisations: { total: 12, listed: 9, byProfile: { association: 7, company: 4, foundation: 1 } },
  alliances: {
    total: 5,
    byCategory: { societal_innovation: 3, philanthropy: 2 },
    byDomain: { carers: 2, food: 3 },
    byStatus: { draft: 1, active: 4 },
  },
};

const card = (id: string, name: string, profile: DirectoryCard['profile']): DirectoryCard => ({
  id,
  name,
  profile,
  description: null,
  website: null,
  hasLogo: false,
  territory: { code: '69123', name: 'Lyon', departementCode: '69', regionCode: '84' },
  domains: [],
  seeks: [],
  offers: [],
  openToAlliances: true,
});

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

jest.setTimeout(30000);

describe('CatalystPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [translocoTesting({ merge: ['alliances'] })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: ANIMATION_MODULE_TYPE, useValue: 'NoopAnimations' },
      ],
      // The charts themselves (ECharts) are deferred; their tables are what a screen reader reads.
      deferBlockBehavior: DeferBlockBehavior.Manual,
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => e.remove());
  });

  async function render(memberships: MembershipSummary[], grants: Record<string, string[]>) {
    await signInAs(aMe({}, memberships));
    const fixture = TestBed.createComponent(CatalystPage);
    fixture.detectChanges();
    for (const m of memberships) {
      http.expectOne(`/api/catalyst?organisationId=${m.organisationId}`).flush({
        organisationId: m.organisationId,
        territories: (grants[m.organisationId] ?? []).map((code) => ({ code, name: code === '69' ? 'Rhône' : 'Ain', kind: 'departement' })),
        grantedAt: null,
      });
    }
    await settle();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const byTestId = <T extends HTMLElement>(id: string) => el.querySelector<T>(`[data-testid="${id}"]`);
    const step = async () => {
      await settle();
      fixture.detectChanges();
    };
    return { fixture, el, byTestId, step };
  }

  const tableRows = (table: HTMLElement | null) =>
    [...(table?.querySelectorAll('tbody tr') ?? [])].map((r) => [...r.children].map((c) => c.textContent?.trim()));

  it('says so when none of the person’s organisations is a catalyst', async () => {
    const { byTestId, fixture } = await render([OTHER], {});
    await fixture.whenStable();

    expect(byTestId('not-catalyst')?.textContent?.trim()).toBe(
      "Aucune de vos organisations n'est catalyseur territorial. L'équipe Alliances attribue ce rôle.",
    );
  });

  it('shows the counts of the first granted territory, with a table beside each chart', async () => {
    const { byTestId, fixture } = await render([RESEAU, OTHER], { 'org-reseau': ['69', '01'] });
    http.expectOne('/api/catalyst/territory?organisationId=org-reseau&territory=69').flush(RHONE);
    await settle();
    await fixture.whenStable();

    expect(byTestId('catalyst-totals')?.textContent?.trim()).toBe("12 organisations (dont 9 dans l'annuaire), 5 alliances.");
    expect(tableRows(byTestId('catalyst-profiles-table'))).toEqual([
      ['Association', '7'],
      ['Entreprise', '4'],
      ['Fondation', '1'],
    ]);
    expect(tableRows(byTestId('catalyst-categories-table'))).toEqual([
      ['Innovation sociétale', '3'],
      ['Mécénat', '2'],
    ]);
    expect(tableRows(byTestId('catalyst-statuses-table'))).toEqual([
      ['Active', '4'],
      ['Brouillon', '1'],
    ]);
  });

  it('introduces two organisations of the territory on the catalyst’s behalf', async () => {
    const { byTestId, fixture, step } = await render([RESEAU], { 'org-reseau': ['69'] });
    http.expectOne('/api/catalyst/territory?organisationId=org-reseau&territory=69').flush(RHONE);
    await settle();
    await fixture.whenStable();

    const pick = async (testId: string, q: string, found: DirectoryCard) => {
      const input = byTestId<HTMLInputElement>(testId);
      if (!input) throw new Error(`no ${testId}`);
      input.focus();
      input.value = q;
      input.dispatchEvent(new Event('input'));
      await wait(300);
      await step();
      http.expectOne(`/api/directory?territory=69&q=${encodeURIComponent(q)}`).flush({ items: [found], nextCursor: null });
      await step();
      await fixture.whenStable();
      document.querySelector<HTMLElement>('mat-option')?.click();
      await step();
    };
    await pick('introduce-first', 'Jardins', card('org-asso', 'Les Jardins Partagés', 'association'));
    await pick('introduce-second', 'Transports', card('org-company', 'Transports Rhône', 'company'));
    const message = byTestId<HTMLTextAreaElement>('introduce-message');
    if (!message) throw new Error('no message');
    message.value = 'Vous cherchez tous deux des terrains à cultiver.';
    message.dispatchEvent(new Event('input'));
    byTestId('introduce-submit')?.click();
    await step();

    const post = http.expectOne((r) => r.method === 'POST' && r.url === '/api/catalyst/introductions');
    expect(post.request.body).toEqual({
      catalystOrganisationId: 'org-reseau',
      organisationIds: ['org-asso', 'org-company'],
      message: 'Vous cherchez tous deux des terrains à cultiver.',
    });
    post.flush({}, { status: 201, statusText: 'Created' });
    await step();
    await fixture.whenStable();

    expect(byTestId('introduce-done')?.textContent?.trim()).toBe('Les Jardins Partagés et Transports Rhône ont reçu votre présentation.');
    expect(byTestId<HTMLInputElement>('introduce-first')?.value).toBe('');
  });
});
