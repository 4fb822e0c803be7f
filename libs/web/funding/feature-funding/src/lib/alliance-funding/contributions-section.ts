import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { CONTRIBUTION_KINDS, type Contribution, type ContributionKind } from '@alliances/shared/contracts';
import { FundingApi } from '@alliances/web/funding/data-access';
import { applyFieldErrors } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import { fieldError, fundingErrorKey } from '../shared/funding-errors';
import { MoneyListPipe, MoneyPipe, sumByCurrency } from '../shared/money';
import type { OrganisationOption } from '../shared/roles';

/**
 * Partners' non-financial contributions (apports en compétences, bénévolat, en nature), each valued in
 * money so they read beside the grants; partners record those of their own organisation.
 */
@Component({
  selector: 'all-contributions-section',
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
    MoneyListPipe,
  ],
  templateUrl: './contributions-section.html',
  styleUrl: './contributions-section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContributionsSection implements OnInit {
  private readonly api = inject(FundingApi);

  readonly allianceId = input.required<string>();
  readonly contributions = input.required<Contribution[]>();
  /** The person's lead or partner organisations in this alliance; empty for funders and observers. */
  readonly organisations = input<OrganisationOption[]>([]);
  readonly added = output<Contribution>();

  protected readonly kinds = CONTRIBUTION_KINDS;
  protected readonly fieldError = fieldError;
  protected readonly totals = computed(() =>
    sumByCurrency(this.contributions().map((c) => ({ amount: c.valuation, currency: c.currency }))),
  );
  protected readonly saving = signal(false);
  protected readonly feedback = signal<{ kind: 'success' | 'error'; key: string; params?: Record<string, string> } | null>(null);

  private readonly directive = viewChild(FormGroupDirective);
  protected readonly form = inject(NonNullableFormBuilder).group({
    organisationId: ['', Validators.required],
    kind: ['skills' as ContributionKind, Validators.required],
    description: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(1000)]],
    valuation: [null as number | null, [Validators.required, Validators.min(0), Validators.max(1e11)]],
  });

  ngOnInit(): void {
    this.form.controls.organisationId.setValue(this.organisations()[0]?.organisationId ?? '');
  }

  protected async submit(): Promise<void> {
    this.feedback.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { organisationId, kind, description, valuation } = this.form.getRawValue();
    this.saving.set(true);
    try {
      const created = await firstValueFrom(
        this.api.addContribution(this.allianceId(), {
          organisationId,
          kind,
          description: description.trim(),
          valuation: Number(valuation),
        }),
      );
      this.directive()?.resetForm({ organisationId, kind, description: '', valuation: null });
      this.feedback.set({ kind: 'success', key: 'funding.contributions.added' });
      this.added.emit(created);
    } catch (error) {
      if (!applyFieldErrors(this.form, error)) this.feedback.set({ kind: 'error', key: fundingErrorKey(error) });
    } finally {
      this.saving.set(false);
    }
  }
}
