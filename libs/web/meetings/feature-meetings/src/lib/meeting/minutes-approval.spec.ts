import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Minutes } from '@alliances/shared/contracts';
import { answeringDialog, browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import { FINAL_MINUTES, MEETING } from '../../testing/fixtures';
import { MinutesApproval } from './minutes-approval';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('MinutesApproval', () => {
  let http: HttpTestingController;

  function render(minutes: Minutes, confirm = true) {
    const dialog = answeringDialog(confirm);
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting(), dialog.provider],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(MinutesApproval);
    fixture.componentRef.setInput('meeting', MEETING);
    fixture.componentRef.setInput('minutes', minutes);
    fixture.detectChanges();
    const changed: Minutes[] = [];
    fixture.componentInstance.changed.subscribe((m) => changed.push(m));
    const el = fixture.nativeElement as HTMLElement;
    return { fixture, el, changed, dialog, one: (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`) };
  }

  beforeEach(() => browserLanguage('fr-FR'));
  afterEach(() => http.verify());

  it('shows the frozen version’s short fingerprint, who approved and who is awaited, and approves that very version', async () => {
    const { one, changed, fixture } = render(FINAL_MINUTES);
    expect(text(one('minutes-sha256'))).toBe('8061cdd91dd6');
    expect(one('minutes-sha256')?.getAttribute('title')).toBe(FINAL_MINUTES.current?.sha256);
    expect(text(one('approval-org-lead'))).toContain('Les Jardins Partagés : approuvé par Camille Martin');
    expect(text(one('awaiting-org-partner'))).toBe('Coopérative Solaire : en attente');

    one('approve-org-partner')?.click();
    const request = http.expectOne('/api/meetings/m-1/minutes/approve');
    expect(request.request.body).toEqual({ sha256: FINAL_MINUTES.current?.sha256, organisationId: 'org-partner' });
    request.flush({ ...FINAL_MINUTES, status: 'approved', awaiting: [], approveFor: [] });
    await fixture.whenStable();
    expect(changed.map((m) => m.status)).toEqual(['approved']);
  });

  it('marks a draft final once the person confirms, and not otherwise', async () => {
    const draft: Minutes = { ...FINAL_MINUTES, status: 'draft', current: null, approvals: [], approveFor: [], awaiting: [] };
    const declined = render(draft, false);
    declined.one('finalise-minutes')?.click();
    await declined.fixture.whenStable();
    expect(declined.dialog.asked).toHaveLength(1);
    http.expectNone('/api/meetings/m-1/minutes/finalise');
    TestBed.resetTestingModule();

    const confirmed = render(draft, true);
    confirmed.one('finalise-minutes')?.click();
    await confirmed.fixture.whenStable();
    http.expectOne('/api/meetings/m-1/minutes/finalise').flush(FINAL_MINUTES);
    await confirmed.fixture.whenStable();
    expect(confirmed.changed.map((m) => m.status)).toEqual(['final']);
  });

  it('offers no approval or finalising to someone who may not', () => {
    const { one } = render({ ...FINAL_MINUTES, canFinalise: false, approveFor: [] });
    expect(one('approve-org-partner')).toBeNull();
    expect(one('reopen-minutes')).toBeNull();
    expect(one('finalise-minutes')).toBeNull();
  });
});
