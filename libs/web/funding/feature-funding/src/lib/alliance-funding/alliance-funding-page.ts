import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Contribution, Grant } from '@alliances/shared/contracts';
import { FundingApi } from '@alliances/web/funding/data-access';
import { AuthStore } from '@alliances/web/identity/data-access';
import { Notice } from '@alliances/web/ui';
import { fundingErrorKey } from '../shared/funding-errors';
import { MoneyListPipe, sumByCurrency } from '../shared/money';
import { funderAdminOrganisations, partnerOrganisations } from '../shared/roles';
import { ContributionsSection } from './contributions-section';
import { GrantCard } from './grant-card';
import { GrantForm, type GrantRecorded } from './grant-form';

interface Feedback {
  kind: 'success' | 'error' | 'info';
  key: string;
  params?: Record<string, string>;
}

/**
 * Financements of an alliance: the grants of its funders with their tranches and reports, and the
 * partners' valued non-financial contributions beside them.
 */
@Component({
  selector: 'all-alliance-funding-page',
  imports: [MatButton, RouterLink, TranslocoPipe, Notice, MoneyListPipe, GrantCard, GrantForm, ContributionsSection],
  templateUrl: './alliance-funding-page.html',
  styleUrl: './alliance-funding-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AllianceFundingPage {
  private readonly api = inject(FundingApi);
  private readonly auth = inject(AuthStore);

  /** Route parameter: the alliance. */
  readonly id = input.required<string>();

  protected readonly alliance = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.alliance(params) });
  protected readonly grants = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.grants(params) });
  protected readonly contributions = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.contributions(params) });

  protected readonly funders = computed(() =>
    this.alliance.hasValue() ? funderAdminOrganisations(this.alliance.value(), this.auth.memberships()) : [],
  );
  protected readonly partnerOrganisations = computed(() => (this.alliance.hasValue() ? partnerOrganisations(this.alliance.value()) : []));
  /** Lead and partners request tranches and write reports (the API's "may write the charter" rule). */
  protected readonly isPartner = computed(() => this.alliance.value()?.can.writeCharter ?? false);

  protected readonly committed = computed(() =>
    sumByCurrency((this.grants.value() ?? []).map((g) => ({ amount: g.amount, currency: g.currency }))),
  );
  protected readonly paid = computed(() =>
    sumByCurrency((this.grants.value() ?? []).map((g) => ({ amount: g.paid, currency: g.currency }))),
  );
  protected readonly valued = computed(() =>
    sumByCurrency((this.contributions.value() ?? []).map((c) => ({ amount: c.valuation, currency: c.currency }))),
  );

  protected readonly showForm = signal(false);
  protected readonly feedback = signal<Feedback | null>(null);
  protected readonly errorKey = fundingErrorKey;

  protected isFunderAdmin(grant: Grant): boolean {
    return this.funders().some((f) => f.organisationId === grant.funderOrganisationId);
  }

  protected openForm(): void {
    this.feedback.set(null);
    this.showForm.set(true);
  }

  protected recorded({ grant, statusesFailed }: GrantRecorded): void {
    this.showForm.set(false);
    this.grants.update((list) => [...(list ?? []).filter((g) => g.id !== grant.id), grant]);
    this.feedback.set(
      statusesFailed
        ? { kind: 'error', key: 'funding.alliance.recordedStatusesFailed' }
        : { kind: 'success', key: 'funding.alliance.recorded', params: { funder: grant.funderOrganisationName } },
    );
  }

  /** A tranche or report changed: the API answers with the whole grant. */
  protected changed(grant: Grant): void {
    this.grants.update((list) => (list ?? []).map((g) => (g.id === grant.id ? grant : g)));
  }

  protected added(contribution: Contribution): void {
    this.contributions.update((list) => [...(list ?? []), contribution]);
  }
}
