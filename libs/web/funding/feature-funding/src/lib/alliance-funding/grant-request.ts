import { AbstractControl, FormArray, FormControl, FormGroup, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import type { CreateGrantRequest, Grant, Tranche, TrancheStatus } from '@alliances/shared/contracts';

export type TrancheForm = FormGroup<{
  amount: FormControl<number | null>;
  dueOn: FormControl<string>;
  status: FormControl<TrancheStatus>;
  /** Index in the form's reports of the report to approve before paying, or null. */
  requiresReport: FormControl<number | null>;
}>;

export type ReportForm = FormGroup<{ title: FormControl<string>; dueOn: FormControl<string> }>;

export type GrantForm = FormGroup<{
  funderOrganisationId: FormControl<string>;
  amount: FormControl<number | null>;
  currency: FormControl<string>;
  startsOn: FormControl<string>;
  endsOn: FormControl<string>;
  conditions: FormControl<string>;
  reports: FormArray<ReportForm>;
  tranches: FormArray<TrancheForm>;
}>;

/** The API takes at most this many tranches and reports per grant. */
export const MAX_ROWS = 50;

const cents = (n: number | null | undefined): number => Math.round(Number(n ?? 0) * 100);
/** The API's bounds for an amount: more than zero, at most 100 billion, two decimals. */
const amountValidators = [Validators.required, Validators.min(0.01), Validators.max(1e11)];

export function trancheForm(): TrancheForm {
  return new FormGroup(
    {
      amount: new FormControl<number | null>(null, amountValidators),
      dueOn: new FormControl('', { nonNullable: true, validators: Validators.required }),
      status: new FormControl<TrancheStatus>('planned', { nonNullable: true }),
      requiresReport: new FormControl<number | null>(null),
    },
    { validators: paidNeedsApprovedReport },
  );
}

export function reportForm(): ReportForm {
  return new FormGroup({
    title: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(2), Validators.maxLength(200)],
    }),
    dueOn: new FormControl('', { nonNullable: true, validators: Validators.required }),
  });
}

/** A new grant: EUR by default, starting today. */
export function grantForm(funderOrganisationId: string, today: string): GrantForm {
  return new FormGroup(
    {
      funderOrganisationId: new FormControl(funderOrganisationId, { nonNullable: true, validators: Validators.required }),
      amount: new FormControl<number | null>(null, amountValidators),
      currency: new FormControl('EUR', { nonNullable: true, validators: [Validators.required, Validators.pattern(/^[A-Z]{3}$/)] }),
      startsOn: new FormControl(today, { nonNullable: true, validators: Validators.required }),
      endsOn: new FormControl('', { nonNullable: true, validators: Validators.required }),
      conditions: new FormControl('', { nonNullable: true, validators: Validators.maxLength(4000) }),
      reports: new FormArray<ReportForm>([]),
      tranches: new FormArray<TrancheForm>([]),
    },
    { validators: [endsAfterStart, tranchesWithinGrant] },
  );
}

/** The end date must come after the start date; the error sits on `endsOn`, as the API reports it. */
export const endsAfterStart: ValidatorFn = (group: AbstractControl): null => {
  const { startsOn, endsOn } = (group as GrantForm).controls;
  flag(endsOn, 'endsBeforeStart', !!startsOn.value && !!endsOn.value && endsOn.value <= startsOn.value);
  return null;
};

/** The tranches may not add up to more than the grant; the error sits on `tranches`, as the API reports it. */
export const tranchesWithinGrant: ValidatorFn = (group: AbstractControl): null => {
  const { amount, tranches } = (group as GrantForm).controls;
  flag(tranches, 'tranchesExceedGrant', amount.value !== null && trancheTotal(tranches.getRawValue()) > cents(amount.value) / 100);
  return null;
};

/** A tranche waiting on a report cannot be recorded as already paid: the report is not approved yet. */
export function paidNeedsApprovedReport(group: AbstractControl): ValidationErrors | null {
  const { status, requiresReport } = (group as TrancheForm).controls;
  flag(status, 'paidNeedsApprovedReport', status.value === 'paid' && requiresReport.value !== null);
  return null;
}

/** Sets or clears one error code on a control without touching its other errors. */
function flag(control: AbstractControl, code: string, on: boolean): void {
  const next: ValidationErrors = { ...(control.errors ?? {}) };
  if (on) next[code] = true;
  else delete next[code];
  control.setErrors(Object.keys(next).length ? next : null);
}

export function trancheTotal(tranches: { amount: number | null }[]): number {
  return tranches.reduce((sum, t) => sum + cents(t.amount), 0) / 100;
}

/** The request the API expects: numbers as numbers, empty conditions and unset links left out. */
export function grantRequest(form: GrantForm): CreateGrantRequest {
  const value = form.getRawValue();
  const request: CreateGrantRequest = {
    funderOrganisationId: value.funderOrganisationId,
    amount: Number(value.amount),
    currency: value.currency,
    startsOn: value.startsOn,
    endsOn: value.endsOn,
    reports: value.reports.map((r) => ({ title: r.title.trim(), dueOn: r.dueOn })),
    tranches: value.tranches.map((t) =>
      t.requiresReport === null
        ? { amount: Number(t.amount), dueOn: t.dueOn }
        : { amount: Number(t.amount), dueOn: t.dueOn, requiresReport: t.requiresReport },
    ),
  };
  if (value.conditions.trim()) request.conditions = value.conditions.trim();
  return request;
}

/**
 * Once a report is removed, the tranches that waited on it wait on nothing, and links to the reports
 * after it shift by one.
 */
export function forgetReport(tranches: FormArray<TrancheForm>, removed: number): void {
  for (const tranche of tranches.controls) {
    const linked = tranche.controls.requiresReport.value;
    if (linked === null) continue;
    if (linked === removed) tranche.controls.requiresReport.setValue(null);
    else if (linked > removed) tranche.controls.requiresReport.setValue(linked - 1);
  }
}

/**
 * The tranches recorded as requested or already paid in the form, matched to the created grant's
 * tranches (the API returns them by due date): what to send next, in order.
 */
export function statusChanges(
  form: { amount: number | null; dueOn: string; status: TrancheStatus }[],
  created: Grant,
): { tranche: Tranche; status: 'requested' | 'paid' }[] {
  const free = [...created.tranches];
  const changes: { tranche: Tranche; status: 'requested' | 'paid' }[] = [];
  for (const row of form) {
    const index = free.findIndex((t) => t.dueOn === row.dueOn && cents(t.amount) === cents(row.amount));
    if (index < 0) continue;
    const [tranche] = free.splice(index, 1);
    if (row.status !== 'planned') changes.push({ tranche, status: row.status });
  }
  return changes;
}
