import { Injectable } from '@nestjs/common';
import { type AuthUser } from '@alliances/api/core';
import { AlliancePolicy, AlliancesReader } from '@alliances/api/alliances';
import { EvaluationsReader } from '@alliances/api/evaluations';
import { ObjectivesReader } from '@alliances/api/objectives';
import { OrganisationsReader } from '@alliances/api/organisations';
import {
  CONTRIBUTION_KINDS,
  INDICATOR_STATUSES,
  type ContributionKind,
  type IndicatorStatus,
  type ValueCreated,
  type ValueCreatedOrganisation,
} from '@alliances/shared/contracts';
import { FundingService } from './funding.service';

const ROLE_ORDER = ['lead', 'partner', 'funder'];
/** Money in cents while adding up, so that totals do not drift. */
const sum = (values: number[]): number => Math.round(values.reduce((s, v) => s + Math.round(v * 100), 0)) / 100;

/**
 * Valeur créée: the partners' valued contributions and the grants beside the objectives reached and the
 * latest evaluation's focus means. A funder follows its usual view: every contribution, its own grants only.
 */
@Injectable()
export class ValueCreatedService {
  constructor(
    private readonly policy: AlliancePolicy,
    private readonly funding: FundingService,
    private readonly alliances: AlliancesReader,
    private readonly directory: OrganisationsReader,
    private readonly objectives: ObjectivesReader,
    private readonly evaluations: EvaluationsReader,
  ) {}

  async valueCreated(user: AuthUser, allianceId: string): Promise<ValueCreated> {
    const access = await this.policy.readable(user, allianceId);
    // The funding service's own reads apply the funder's view of grants.
    const [grants, contributions, members, statuses, evaluation] = await Promise.all([
      this.funding.grants(user, allianceId),
      this.funding.contributions(user, allianceId),
      this.alliances.activeMembers(allianceId, ['lead', 'partner', 'funder']),
      this.objectives.statusCounts([allianceId]),
      this.evaluations.latestFocusMeans(allianceId),
    ]);
    const own = new Set(access.active.map((s) => s.organisationId));
    // A funder sees the partners and itself, not another funder's figures.
    const seated = members.filter((m) => !access.funderOnly || m.role !== 'funder' || own.has(m.organisationId));
    const ids = [
      ...new Set([
        ...seated.map((m) => m.organisationId),
        ...contributions.map((c) => c.organisationId),
        ...grants.map((g) => g.funderOrganisationId),
      ]),
    ];
    const names = new Map((await this.directory.names(ids)).map((o) => [o.id, o.name]));
    const rank = (id: string) => {
      const role = members.find((m) => m.organisationId === id)?.role;
      return role ? ROLE_ORDER.indexOf(role) : ROLE_ORDER.length;
    };
    const organisations: ValueCreatedOrganisation[] = ids
      .filter((id) => names.has(id))
      .sort((a, b) => rank(a) - rank(b) || (names.get(a) as string).localeCompare(names.get(b) as string, 'fr'))
      .map((id) => {
        const given = contributions.filter((c) => c.organisationId === id);
        const funded = grants.filter((g) => g.funderOrganisationId === id);
        return {
          organisationId: id,
          organisationName: names.get(id) as string,
          contributions: sum(given.map((c) => c.valuation)),
          contributionsByKind: Object.fromEntries(
            CONTRIBUTION_KINDS.map((k) => [k, sum(given.filter((c) => c.kind === k).map((c) => c.valuation))]),
          ) as Record<ContributionKind, number>,
          grantsCommitted: sum(funded.map((g) => g.amount)),
          grantsPaid: sum(funded.map((g) => g.paid)),
        };
      });
    const counts = statuses.get(allianceId) ?? {};
    const byStatus = Object.fromEntries(INDICATOR_STATUSES.map((s) => [s, counts[s] ?? 0])) as Record<IndicatorStatus, number>;
    const totals = {
      contributions: sum(organisations.map((o) => o.contributions)),
      grantsCommitted: sum(organisations.map((o) => o.grantsCommitted)),
      grantsPaid: sum(organisations.map((o) => o.grantsPaid)),
    };
    return {
      allianceId,
      currency: grants[0]?.currency ?? contributions[0]?.currency ?? 'EUR',
      organisations,
      totals: { ...totals, total: sum([totals.contributions, totals.grantsCommitted]) },
      indicators: { total: Object.values(byStatus).reduce((s, n) => s + n, 0), byStatus },
      evaluation,
    };
  }
}
