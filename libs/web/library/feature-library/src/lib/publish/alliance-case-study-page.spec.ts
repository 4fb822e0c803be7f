import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { browserLanguage } from '@alliances/web/core/testing';
import { aMe, settle, signInAs } from '@alliances/web/identity/data-access/testing';
import type { CaseStudy, MembershipSummary } from '@alliances/shared/contracts';
import { LEAD_ORG, PARTNER_ORG, aCaseStudy, anAlliance, objectivesWithIndicators } from '../../testing/fixtures';
import { answeringDialog, libraryTranslocoTesting } from '../../testing/library-testing';
import { AllianceCaseStudyPage, partnerProfiles } from './alliance-case-study-page';

const membership = (organisationId: string, role: MembershipSummary['role']): MembershipSummary => ({
  organisationId,
  organisationName: organisationId,
  organisationStatus: 'approved',
  role,
});

describe('partnerProfiles', () => {
  it('lists the profiles of active lead and partner organisations once, funders and observers aside', () => {
    expect(partnerProfiles(anAlliance())).toEqual(['company', 'local_authority']);
  });
});

describe('AllianceCaseStudyPage', () => {
  let http: HttpTestingController;

  async function render(options: { lead: boolean; memberships: MembershipSummary[]; study: CaseStudy | null; confirm?: boolean }) {
    const dialog = answeringDialog(options.confirm ?? true);
    TestBed.configureTestingModule({
      imports: [libraryTranslocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), dialog.provider],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(aMe({}, options.memberships));
    const fixture = TestBed.createComponent(AllianceCaseStudyPage);
    fixture.componentRef.setInput('id', 'all-1');
    fixture.detectChanges();
    const myRoles = options.lead
      ? [{ organisationId: LEAD_ORG, role: 'lead' as const, status: 'active' as const }]
      : [{ organisationId: PARTNER_ORG, role: 'partner' as const, status: 'active' as const }];
    http.expectOne('/api/alliances/all-1').flush(anAlliance({ myRoles }));
    const studyReq = http.expectOne('/api/alliances/all-1/case-study');
    if (options.study) studyReq.flush(options.study);
    else studyReq.flush({ statusCode: 404, error: 'Not Found', message: 'case_study' }, { status: 404, statusText: 'Not Found' });
    await settle();
    fixture.detectChanges();
    if (options.lead) http.expectOne('/api/alliances/all-1/objectives').flush(objectivesWithIndicators());
    await settle();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const byTestId = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    return { fixture, el, byTestId, dialog };
  }

  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
  });

  afterEach(() => http.verify());

  it('lets the lead prepare the card from the alliance, with results chosen among its indicators', async () => {
    const { fixture, el, byTestId } = await render({ lead: true, memberships: [membership(LEAD_ORG, 'member')], study: null });
    expect(byTestId('case-study-state')?.getAttribute('data-state')).toBe('none');
    expect(el.textContent).toContain('Innovation sociétale');
    expect([...el.querySelectorAll('[data-testid="facts-profiles"] span')].map((s) => s.textContent?.trim())).toEqual([
      'Entreprise',
      'Collectivité territoriale',
    ]);
    expect(el.textContent).not.toContain('Fondation');
    expect(el.textContent).toContain('De 0 à 240 trajets (cible 400)');

    const type = (id: string, value: string) => {
      const input = el.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('case-study-title-input', 'Des transports solidaires pour les aidants');
    type('case-study-summary-input', 'Les collectivités et les entreprises locales organisent des trajets partagés.');
    el.querySelector<HTMLInputElement>('[data-testid="case-study-indicator"] input')!.click();
    fixture.detectChanges();
    byTestId('case-study-submit')!.click();
    await settle();

    const put = http.expectOne({ method: 'PUT', url: '/api/alliances/all-1/case-study' });
    expect(put.request.body).toEqual({
      title: 'Des transports solidaires pour les aidants',
      summary: 'Les collectivités et les entreprises locales organisent des trajets partagés.',
      indicatorIds: ['ind-1'],
      // The alliance has no SDG tag yet: the card starts from its (empty) list.
      sdgs: [],
    });
    put.flush(aCaseStudy({ consents: aCaseStudy().consents.map((c) => ({ ...c, consentedAt: null })) }));
    await settle();
    fixture.detectChanges();
    expect(byTestId('case-study-message')?.textContent).toContain('La fiche est envoyée');
    expect(byTestId('case-study-state')?.textContent).toContain("attend l'accord de 2 organisation(s) sur 2");
    // A member (not admin) of the lead organisation cannot consent for it.
    expect(el.querySelector('[data-testid="consent-give"]')).toBeNull();
    expect(el.textContent).toContain("Un administrateur de l'organisation répond pour elle.");
  });

  it("lets a partner organisation's admin consent for it only, and says when the card is published", async () => {
    const { fixture, el, byTestId } = await render({ lead: false, memberships: [membership(PARTNER_ORG, 'admin')], study: aCaseStudy() });
    expect(byTestId('case-study-form')).toBeNull();
    expect(byTestId('case-study-card-title')?.textContent).toContain('Des transports solidaires');
    const buttons = el.querySelectorAll<HTMLButtonElement>('[data-testid="consent-give"]');
    expect(buttons).toHaveLength(1);
    expect(buttons[0].textContent).toContain("Donner l'accord de Entreprise locale");
    buttons[0].click();
    await settle();
    const post = http.expectOne({ method: 'POST', url: '/api/case-studies/cs-1/consents' });
    expect(post.request.body).toEqual({ organisationId: PARTNER_ORG });
    post.flush(
      aCaseStudy({
        status: 'published',
        publishedAt: '2026-03-03T10:00:00.000Z',
        consents: aCaseStudy().consents.map((c) => ({ ...c, consentedAt: '2026-03-03T10:00:00.000Z' })),
      }),
    );
    await settle();
    fixture.detectChanges();
    expect(byTestId('case-study-message')?.textContent).toContain('la fiche est publiée dans la bibliothèque');
    expect(byTestId('case-study-library-link')?.getAttribute('href')).toBe('/library/cs-1');
  });

  it('withdraws a consent after confirming that the card leaves the library', async () => {
    const published = aCaseStudy({
      status: 'published',
      publishedAt: '2026-03-03T10:00:00.000Z',
      consents: aCaseStudy().consents.map((c) => ({ ...c, consentedAt: '2026-03-03T10:00:00.000Z' })),
    });
    const { fixture, byTestId, dialog } = await render({ lead: false, memberships: [membership(PARTNER_ORG, 'admin')], study: published });
    byTestId('consent-withdraw')!.click();
    await settle();
    expect(dialog.asked[0].data).toMatchObject({
      message: 'library.consents.withdrawPublished',
      destructive: true,
      params: { organisation: 'Entreprise locale' },
    });
    http.expectOne({ method: 'DELETE', url: `/api/case-studies/cs-1/consents/${PARTNER_ORG}` }).flush(aCaseStudy());
    await settle();
    fixture.detectChanges();
    expect(byTestId('case-study-message')?.textContent).toContain("n'est plus visible dans la bibliothèque");
    expect(byTestId('case-study-state')?.getAttribute('data-state')).toBe('awaiting_consent');
  });

  it('asks the lead before an update takes back the consents already given', async () => {
    const { byTestId, dialog } = await render({
      lead: true,
      memberships: [membership(LEAD_ORG, 'admin')],
      study: aCaseStudy(),
      confirm: false,
    });
    expect((byTestId('case-study-title-input') as HTMLInputElement).value).toBe('Des transports solidaires pour les aidants');
    byTestId('case-study-submit')!.click();
    await settle();
    expect(dialog.asked[0].data).toMatchObject({ message: 'library.publish.updateAwaiting' });
    http.expectNone({ method: 'PUT', url: '/api/alliances/all-1/case-study' });
  });
});
