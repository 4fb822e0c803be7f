import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ANIMATION_MODULE_TYPE } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import { MEETING } from '../../testing/fixtures';
import { ScheduleDialog, type ScheduleDialogData } from './schedule-dialog';

const DATA: ScheduleDialogData = {
  allianceId: 'all-1',
  organisations: [
    { organisationId: 'org-lead', organisationName: 'Les Jardins Partagés' },
    { organisationId: 'org-partner', organisationName: 'Coopérative Solaire' },
  ],
};

describe('ScheduleDialog', () => {
  let http: HttpTestingController;
  let closed: unknown[];

  beforeEach(() => {
    browserLanguage('fr-FR');
    closed = [];
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: ANIMATION_MODULE_TYPE, useValue: 'NoopAnimations' },
        { provide: MAT_DIALOG_DATA, useValue: DATA },
        { provide: MatDialogRef, useValue: { close: (value: unknown) => closed.push(value) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render() {
    const fixture = TestBed.createComponent(ScheduleDialog);
    fixture.detectChanges();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const one = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    const type = (id: string, value: string) => {
      const input = one(id) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('blur'));
    };
    const submit = async () => {
      one('schedule-form')?.dispatchEvent(new Event('submit'));
      await fixture.whenStable();
      fixture.detectChanges();
    };
    return { fixture, el, one, type, submit };
  }

  it('says under the end time that the end must come after the start, and sends nothing', async () => {
    const { one, type, submit } = await render();
    type('meeting-title', 'Comité de pilotage');
    type('meeting-start-date', '2027-01-14');
    type('meeting-start-time', '14:00');
    type('meeting-end-date', '2027-01-14');
    type('meeting-end-time', '13:00');
    await submit();
    expect(one('meeting-end-error')?.textContent).toContain('La fin doit venir après le début.');
    http.expectNone('/api/alliances/all-1/meetings');
  });

  it('invites every partner by default and sends the meeting, then closes with it', async () => {
    const { type, submit, fixture } = await render();
    type('meeting-title', 'Comité de pilotage');
    type('meeting-start-date', '2027-01-14');
    type('meeting-start-time', '14:00');
    type('meeting-end-date', '2027-01-14');
    type('meeting-end-time', '16:00');
    type('agenda-item', 'Bilan du trimestre');
    await submit();
    const request = http.expectOne('/api/alliances/all-1/meetings');
    expect(request.request.body).toMatchObject({
      title: 'Comité de pilotage',
      agenda: [{ title: 'Bilan du trimestre' }],
      invitedOrganisationIds: ['org-lead', 'org-partner'],
    });
    request.flush(MEETING);
    await fixture.whenStable();
    expect(closed).toEqual([MEETING]);
  });
});
