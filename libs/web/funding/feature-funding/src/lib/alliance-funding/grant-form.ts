import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnInit,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom, map, startWith } from 'rxjs';
import type { Grant, TrancheStatus } from '@alliances/shared/contracts';
import { FundingApi } from '@alliances/web/funding/data-access';
import { applyFieldErrors, httpStatus } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { today } from '../shared/dates';
import { fieldError, fundingErrorKey } from '../shared/funding-errors';
import { MoneyPipe } from '../shared/money';
import type { OrganisationOption } from '../shared/roles';
import { MAX_ROWS, forgetReport, grantForm, grantRequest, reportForm, statusChanges, trancheForm, trancheTotal } from './grant-request';

/** What the page hears once a grant is recorded: the grant, and whether every tranche status went through. */
export interface GrantRecorded {
  grant: Grant;
  statusesFailed: boolean;
}

/**
 * A funder organisation's admin records a grant (subvention): amount, dates, conditions, the reporting
 * milestones (rapports) and the disbursement tranches, a tranche possibly waiting on a report.
 */
@Component({
  selector: 'all-grant-form',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatLabel,
    MatSuffix,
    MatInput,
    MatSelect,
    MatOption,
    TranslocoPipe,
    Notice,
    MoneyPipe,
  ],
  templateUrl: './grant-form.html',
  styleUrl: './grant-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GrantForm implements OnInit {
  private readonly api = inject(FundingApi);

  readonly allianceId = input.required<string>();
  /** The funder organisations the person records grants for (at least one). */
  readonly funders = input.required<OrganisationOption[]>();
  readonly recorded = output<GrantRecorded>();
  readonly cancelled = output<void>();

  protected readonly fieldError = fieldError;
  protected readonly maxRows = MAX_ROWS;
  protected readonly statuses: TrancheStatus[] = ['planned', 'requested', 'paid'];
  protected readonly form = grantForm('', today());
  protected readonly saving = signal(false);
  protected readonly submitted = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly value = toSignal(
    this.form.valueChanges.pipe(
      map(() => this.form.getRawValue()),
      startWith(this.form.getRawValue()),
    ),
    { requireSync: true },
  );
  protected readonly allocated = computed(() => trancheTotal(this.value().tranches));
  protected readonly remaining = computed(() => Math.round((Number(this.value().amount ?? 0) - this.allocated()) * 100) / 100);
  protected readonly currency = computed(() => (/^[A-Z]{3}$/.test(this.value().currency) ? this.value().currency : 'EUR'));
  protected readonly reportTitles = computed(() => this.value().reports.map((r) => r.title.trim()));

  constructor() {
    // Opened on request: the keyboard lands in the form's first field.
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    afterNextRender(() => host.querySelector<HTMLElement>('input, mat-select')?.focus());
  }

  ngOnInit(): void {
    this.form.controls.funderOrganisationId.setValue(this.funders()[0]?.organisationId ?? '');
  }

  protected get reports() {
    return this.form.controls.reports;
  }

  protected get tranches() {
    return this.form.controls.tranches;
  }

  protected addReport(): void {
    this.reports.push(reportForm());
  }

  protected removeReport(index: number): void {
    forgetReport(this.tranches, index);
    this.reports.removeAt(index);
  }

  protected addTranche(): void {
    const tranche = trancheForm();
    // The first tranche is often the whole grant, or what is left of it.
    if (this.remaining() > 0) tranche.controls.amount.setValue(this.remaining());
    this.tranches.push(tranche);
  }

  protected removeTranche(index: number): void {
    this.tranches.removeAt(index);
  }

  /** The tranches' own error (above the grant) shows once the person has tried to save or touched a tranche. */
  protected tranchesError(): ReturnType<typeof fieldError> {
    return this.submitted() || this.tranches.touched ? fieldError(this.tranches) : null;
  }

  protected async submit(): Promise<void> {
    this.error.set(null);
    this.submitted.set(true);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    try {
      const rows = this.form.getRawValue().tranches;
      let grant = await firstValueFrom(this.api.createGrant(this.allianceId(), grantRequest(this.form)));
      let statusesFailed = false;
      // Tranches already requested or paid when the grant is recorded: the API sets statuses one by one.
      for (const change of statusChanges(rows, grant)) {
        try {
          grant = await firstValueFrom(this.api.setTrancheStatus(change.tranche.id, change.status));
        } catch {
          statusesFailed = true;
        }
      }
      this.recorded.emit({ grant, statusesFailed });
    } catch (error) {
      const status = httpStatus(error);
      if (status !== 400 || !applyFieldErrors(this.form, error)) this.error.set(fundingErrorKey(error));
    } finally {
      this.saving.set(false);
    }
  }
}
