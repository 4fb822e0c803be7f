import type { Grant } from '@alliances/shared/contracts';
import { forgetReport, grantForm, grantRequest, reportForm, statusChanges, trancheForm } from './grant-request';

function filled() {
  const form = grantForm('org-fund', '2026-01-01');
  form.patchValue({ amount: 50_000, endsOn: '2027-12-31', conditions: '  Rapport annuel ' });
  const report = reportForm();
  report.setValue({ title: ' Rapport intermédiaire ', dueOn: '2026-06-30' });
  form.controls.reports.push(report);
  const first = trancheForm();
  first.patchValue({ amount: 20_000, dueOn: '2026-02-01' });
  const second = trancheForm();
  second.patchValue({ amount: 30_000, dueOn: '2026-09-01', requiresReport: 0 });
  form.controls.tranches.push(first);
  form.controls.tranches.push(second);
  return form;
}

describe('the grant form', () => {
  it('builds the request the API expects', () => {
    const form = filled();
    expect(form.valid).toBe(true);
    expect(grantRequest(form)).toEqual({
      funderOrganisationId: 'org-fund',
      amount: 50_000,
      currency: 'EUR',
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      conditions: 'Rapport annuel',
      reports: [{ title: 'Rapport intermédiaire', dueOn: '2026-06-30' }],
      tranches: [
        { amount: 20_000, dueOn: '2026-02-01' },
        { amount: 30_000, dueOn: '2026-09-01', requiresReport: 0 },
      ],
    });
  });

  it('refuses tranches above the grant, to the cent, and accepts them once the grant grows', () => {
    const form = filled();
    form.controls.tranches.at(0).controls.amount.setValue(20_000.01);
    expect(form.controls.tranches.hasError('tranchesExceedGrant')).toBe(true);
    expect(form.valid).toBe(false);
    form.controls.amount.setValue(50_000.01);
    expect(form.controls.tranches.errors).toBeNull();
    expect(form.valid).toBe(true);
  });

  it('wants the end after the start, and says so on the end date', () => {
    const form = filled();
    form.controls.endsOn.setValue('2026-01-01');
    expect(form.controls.endsOn.hasError('endsBeforeStart')).toBe(true);
    form.controls.startsOn.setValue('2025-12-01');
    expect(form.controls.endsOn.errors).toBeNull();
  });

  it('does not record as paid a tranche that waits on a report', () => {
    const form = filled();
    form.controls.tranches.at(1).controls.status.setValue('paid');
    expect(form.controls.tranches.at(1).controls.status.hasError('paidNeedsApprovedReport')).toBe(true);
    form.controls.tranches.at(1).controls.requiresReport.setValue(null);
    expect(form.valid).toBe(true);
  });

  it('unlinks the tranches from a removed report and shifts the later links', () => {
    const form = filled();
    form.controls.reports.push(reportForm());
    const third = trancheForm();
    third.patchValue({ requiresReport: 1 });
    form.controls.tranches.push(third);
    forgetReport(form.controls.tranches, 0);
    expect(form.controls.tranches.getRawValue().map((t) => t.requiresReport)).toEqual([null, null, 0]);
  });

  it('matches the tranches to set as requested or paid with the created ones, whatever their order', () => {
    const created = {
      tranches: [
        { id: 't-a', amount: 20_000, dueOn: '2026-02-01' },
        { id: 't-b', amount: 20_000, dueOn: '2026-02-01' },
        { id: 't-c', amount: 10_000, dueOn: '2026-05-01' },
      ],
    } as Grant;
    const changes = statusChanges(
      [
        { amount: 10_000, dueOn: '2026-05-01', status: 'requested' },
        { amount: 20_000, dueOn: '2026-02-01', status: 'paid' },
        { amount: 20_000, dueOn: '2026-02-01', status: 'paid' },
      ],
      created,
    );
    expect(changes.map((c) => [c.tranche.id, c.status])).toEqual([
      ['t-c', 'requested'],
      ['t-a', 'paid'],
      ['t-b', 'paid'],
    ]);
  });
});
