import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ANIMATION_MODULE_TYPE } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Alliance, Grant } from '@alliances/shared/contracts';
import { browserLanguage } from '@alliances/web/core/testing';
import { aMe, settle, signInAs } from '@alliances/web/identity/data-access/testing';
import { ALLIANCE, CONTRIBUTIONS, GRANT, PARTNER_VIEW } from '../../testing/fixtures';
import { fundingTranslocoTesting } from '../../testing/funding-testing';
import { AllianceFundingPage } from './alliance-funding-page';

const FUNDER_ADMIN = aMe({}, [
  { organisationId: 'org-fund', organisationName: 'Fondation Solidaire', organisationStatus: 'approved', role: 'admin' },
]);
const PARTNER = aMe({}, [
  { organisationId: 'org-lead', organisationName: 'Association Pilote', organisationStatus: 'approved', role: 'member' },
]);
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('AllianceFundingPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({
      imports: [fundingTranslocoTesting()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: ANIMATION_MODULE_TYPE, useValue: 'NoopAnimations' },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    // Each report's attachments panel (libs/web/documents) asks for its documents.
    for (const req of http.match((r) => /\/api\/alliances\/[^/]+\/documents$/.test(r.url))) req.flush([]);
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => e.remove());
  });

  async function render(alliance: Alliance, grants: Grant[] = [GRANT]) {
    const fixture = TestBed.createComponent(AllianceFundingPage);
    fixture.componentRef.setInput('id', 'all-1');
    fixture.detectChanges();
    http.expectOne('/api/alliances/all-1').flush(alliance);
    http.expectOne('/api/alliances/all-1/grants').flush(grants);
    http.expectOne('/api/alliances/all-1/contributions').flush(CONTRIBUTIONS);
    await settle();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const one = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    const all = (id: string) => [...el.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
    const type = async (id: string, value: string, index = 0) => {
      const input = all(id)[index] as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('blur'));
      await fixture.whenStable();
    };
    const click = async (id: string, index = 0) => {
      all(id)[index].click();
      await fixture.whenStable();
    };
    return { fixture, el, one, all, type, click };
  }

  it('shows money committed and paid beside the partners’ valued contributions', async () => {
    await signInAs(FUNDER_ADMIN);
    const { one, all } = await render(ALLIANCE);
    expect(text(one('summary-committed'))).toBe('50 000 €');
    expect(text(one('summary-paid'))).toBe('20 000 €');
    expect(text(one('summary-contributions'))).toBe('4 000 €');
    expect(text(one('grant-paid'))).toBe('20 000 € sur 50 000 € (40 %)');
    expect(all('tranche-line').map((r) => r.getAttribute('data-status'))).toEqual(['paid', 'requested']);
    expect(text(all('tranche-line')[1])).toContain('Après approbation de « Rapport intermédiaire »');
    expect(text(one('contribution-row'))).toContain('Temps bénévole');
  });

  it('lets the funder’s admin record a grant with a tranche and a report', async () => {
    await signInAs(FUNDER_ADMIN);
    const { one, all, type, click } = await render(ALLIANCE, []);
    expect(text(one('grants-empty'))).toContain('Aucune subvention enregistrée pour l’instant');
    await click('record-grant');
    expect(text(one('grant-funder-name'))).toBe('Financeur : Fondation Solidaire');
    await type('grant-amount', '50000');
    await type('grant-ends', '2027-12-31');
    await click('add-report');
    await type('report-title', 'Rapport intermédiaire');
    await type('report-due', '2026-06-30');
    await click('add-tranche');
    // The first tranche proposes what is left to split: the whole grant.
    expect((all('tranche-amount')[0] as HTMLInputElement).value).toBe('50000');
    await type('tranche-amount', '20000');
    await type('tranche-due', '2026-02-01');
    expect(text(one('tranche-allocation'))).toBe('Réparti en tranches : 20 000 € sur 50 000 € · reste 30 000 € à répartir');
    await click('grant-submit');

    const req = http.expectOne('/api/alliances/all-1/grants');
    expect(req.request.body).toMatchObject({
      funderOrganisationId: 'org-fund',
      amount: 50_000,
      currency: 'EUR',
      endsOn: '2027-12-31',
      reports: [{ title: 'Rapport intermédiaire', dueOn: '2026-06-30' }],
      tranches: [{ amount: 20_000, dueOn: '2026-02-01' }],
    });
    req.flush({ ...GRANT, tranches: [GRANT.tranches[0]], paid: 0 });
    await settle();
    await click('funding-title');
    expect(text(one('funding-feedback'))).toBe('Subvention de Fondation Solidaire enregistrée.');
    expect(one('grant-form')).toBeNull();
    expect(all('grant-card')).toHaveLength(1);
  });

  it('shows the API’s validation errors on the failing fields', async () => {
    await signInAs(FUNDER_ADMIN);
    const { fixture, el, one, type, click } = await render(ALLIANCE, []);
    await click('record-grant');
    await type('grant-amount', '1000');
    await type('grant-ends', '2027-12-31');
    await click('add-tranche');
    await type('tranche-due', '2026-02-01');
    await click('grant-submit');
    http.expectOne('/api/alliances/all-1/grants').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid input',
        details: [
          { field: 'endsOn', messages: ['endsOn must be after startsOn'], codes: ['endsBeforeStart'] },
          { field: 'tranches', messages: ['the tranches exceed the grant'], codes: ['tranchesExceedGrant'] },
          { field: 'tranches.0.dueOn', messages: ['dueOn must be a valid ISO 8601 date string'], codes: ['isIso8601'] },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(text(one('grant-ends-error'))).toBe('La fin doit venir après le début.');
    expect(text(one('tranches-error'))).toBe('Les tranches dépassent le montant de la subvention.');
    expect(text(el.querySelector('[data-testid="tranche-row"] mat-error'))).toBe('Une date valide.');
    expect(one('grant-form-error')).toBeNull();
  });

  it('keeps a tranche waiting on its report from being paid, and lets the funder review the report', async () => {
    await signInAs(FUNDER_ADMIN);
    const { one, all, type, click } = await render(ALLIANCE);
    const pay = all('tranche-pay');
    expect(pay).toHaveLength(1);
    expect(pay[0].hasAttribute('disabled')).toBe(true);
    expect(pay[0].getAttribute('aria-describedby')).toBe('waits-t-2');
    expect(all('report-send')).toHaveLength(0);

    // Sending back needs a comment.
    await click('report-send-back');
    expect(text(one('report-review-form')?.querySelector('mat-error'))).toBe('Dites ce qu’il faut compléter pour renvoyer le rapport.');
    await type('report-comment', 'Ajoutez les chiffres par commune');
    await click('report-send-back');
    const back = http.expectOne('/api/reports/r-1/review');
    expect(back.request.body).toEqual({ approved: false, comment: 'Ajoutez les chiffres par commune' });
    back.flush({ ...GRANT, reports: [{ ...GRANT.reports[0], status: 'returned', reviewComment: 'Ajoutez les chiffres par commune' }] });
    await settle();
    await click('funding-title');
    expect(text(one('report-status'))).toBe('Renvoyé pour compléments');
    expect(text(one('report-review-comment'))).toContain('Ajoutez les chiffres par commune');
  });

  it('lets a partner request a tranche, send a report and record a contribution, not record a grant', async () => {
    await signInAs(PARTNER);
    const planned = {
      ...GRANT,
      tranches: [{ ...GRANT.tranches[1], status: 'planned' as const }],
      reports: [{ ...GRANT.reports[0], status: 'pending' as const, submission: null, submittedAt: null, overdue: true }],
    };
    const { one, all, type, click } = await render(PARTNER_VIEW, [planned]);
    expect(one('record-grant')).toBeNull();
    expect(all('tranche-pay')).toHaveLength(0);
    expect(text(one('report-overdue'))).toBe('En retard');

    await click('tranche-request');
    const request = http.expectOne('/api/tranches/t-2');
    expect(request.request.body).toEqual({ status: 'requested' });
    request.flush({ ...planned, tranches: [{ ...planned.tranches[0], status: 'requested' }] });
    await settle();

    await type('report-text', 'Nous avons accompagné 80 aidants.');
    await click('report-send');
    const sent = http.expectOne('/api/reports/r-1/submission');
    expect(sent.request.body).toEqual({ submission: 'Nous avons accompagné 80 aidants.' });
    sent.flush(planned);
    await settle();

    await type('contribution-description', '3 jours de conseil juridique');
    await type('contribution-valuation', '2400');
    await click('contribution-submit');
    const added = http.expectOne('/api/alliances/all-1/contributions');
    expect(added.request.body).toEqual({
      organisationId: 'org-lead',
      kind: 'skills',
      description: '3 jours de conseil juridique',
      valuation: 2400,
    });
    added.flush({ ...CONTRIBUTIONS[0], id: 'c-2', kind: 'skills', description: '3 jours de conseil juridique', valuation: 2400 });
    await settle();
    await click('funding-title');
    expect(all('contribution-row')).toHaveLength(2);
    expect(text(one('summary-contributions'))).toBe('6 400 €');
    expect(text(one('contributions-total'))).toBe('6 400 €');
  });

  it('translates a refusal from the API', async () => {
    await signInAs(FUNDER_ADMIN);
    const { one, click } = await render(ALLIANCE, [{ ...GRANT, tranches: [{ ...GRANT.tranches[1], requiresReportId: null }] }]);
    await click('tranche-pay');
    http
      .expectOne('/api/tranches/t-2')
      .flush({ statusCode: 409, error: 'Conflict', message: 'x', code: 'funding.already_paid' }, { status: 409, statusText: 'Conflict' });
    await settle();
    await click('funding-title');
    expect(text(one('grant-error'))).toBe('Cette tranche est déjà versée.');
  });
});
