import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, DomainException, InvalidInputException, NotFoundDomainException, type AuthUser } from '@alliances/api/core';
import { AlliancePolicy, AlliancesReader, type AllianceAccess, notFoundUnlessClosed } from '@alliances/api/alliances';
import { EvaluationsReader } from '@alliances/api/evaluations';
import { ObjectivesReader } from '@alliances/api/objectives';
import { OrganisationPolicy, OrganisationsReader } from '@alliances/api/organisations';
import type { Contribution, FieldError, Grant, GrantReport, Portfolio, PortfolioEntry, Tranche } from '@alliances/shared/contracts';
import { DataSource, Not } from 'typeorm';
import type { CreateContributionDto, CreateGrantDto } from './funding.dto';
import { ContributionEntity, GrantEntity, GrantReportEntity, GrantTrancheEntity } from './funding.entities';

const today = (): string => new Date().toISOString().slice(0, 10);
const day = (d: string | Date): string => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));
const cents = (n: number | string): number => Math.round(Number(n) * 100);

@Injectable()
export class FundingService {
  constructor(
    // The DataSource for the grant's transaction (grant, reports, tranches and audit entry together).
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AlliancePolicy,
    private readonly alliances: AlliancesReader,
    private readonly organisations: OrganisationPolicy,
    private readonly audit: AuditService,
    private readonly objectives: ObjectivesReader,
    private readonly evaluations: EvaluationsReader,
    private readonly directory: OrganisationsReader,
  ) {}

  /** The caller acts for this funder organisation: an admin of it, and it funds this alliance. */
  private funderAdmin(access: AllianceAccess, organisationId: string): void {
    const seat = access.active.find((s) => s.organisationId === organisationId && s.allianceRole === 'funder');
    if (!seat || seat.organisationRole !== 'admin')
      throw new DomainException('funding.funder_admin_required', 'Only an admin of the funding organisation may do this');
  }

  async createGrant(user: AuthUser, allianceId: string, input: CreateGrantDto, ip: string | null): Promise<Grant> {
    const access = await this.policy.readable(user, allianceId);
    this.funderAdmin(access, input.funderOrganisationId);
    const errors: FieldError[] = [];
    if (Date.parse(input.endsOn) <= Date.parse(input.startsOn))
      errors.push({ field: 'endsOn', messages: ['endsOn must be after startsOn'], codes: ['endsBeforeStart'] });
    const total = input.tranches.reduce((sum, t) => sum + cents(t.amount), 0);
    if (total > cents(input.amount))
      errors.push({ field: 'tranches', messages: ['the tranches exceed the grant'], codes: ['tranchesExceedGrant'] });
    input.tranches.forEach((t, i) => {
      if (t.requiresReport !== undefined && t.requiresReport >= input.reports.length)
        errors.push({ field: `tranches.${i}.requiresReport`, messages: ['no such report'], codes: ['unknownReport'] });
    });
    if (errors.length) throw new InvalidInputException(errors);
    const id = await this.dataSource.transaction(async (manager) => {
      const grant = await manager.save(
        manager.create(GrantEntity, {
          allianceId,
          funderOrganisationId: input.funderOrganisationId,
          amount: input.amount.toFixed(2),
          currency: input.currency ?? 'EUR',
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          conditions: input.conditions?.trim() || null,
          createdBy: user.id,
        }),
      );
      const reports = await Promise.all(
        input.reports.map((r) =>
          manager.save(manager.create(GrantReportEntity, { grantId: grant.id, title: r.title.trim(), dueOn: r.dueOn })),
        ),
      );
      for (const t of input.tranches) {
        await manager.insert(GrantTrancheEntity, {
          grantId: grant.id,
          amount: t.amount.toFixed(2),
          dueOn: t.dueOn,
          requiresReportId: t.requiresReport !== undefined ? reports[t.requiresReport].id : null,
        });
      }
      await this.audit.record(
        {
          actorId: user.id,
          action: 'grant.created',
          objectType: 'grant',
          objectId: grant.id,
          allianceId,
          organisationId: input.funderOrganisationId,
          ip,
          details: { amount: input.amount, currency: input.currency ?? 'EUR' },
        },
        manager,
      );
      return grant.id;
    });
    return (await this.grantsOf(allianceId, [id]))[0];
  }

  /** Partners see every grant to their alliance; a funder sees its own, not what another funder gives. */
  async grants(user: AuthUser, allianceId: string): Promise<Grant[]> {
    const access = await this.policy.readable(user, allianceId);
    const grants = await this.grantsOf(allianceId);
    return access.funderOnly ? grants.filter((g) => access.active.some((s) => s.organisationId === g.funderOrganisationId)) : grants;
  }

  private async grantsOf(allianceId: string, ids?: string[]): Promise<Grant[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(GrantEntity, 'g')
      .where('g.allianceId = :allianceId', { allianceId })
      .orderBy('g.createdAt', 'ASC');
    if (ids) qb.andWhere('g.id = ANY(:ids)', { ids });
    const grants = await qb.getMany();
    if (!grants.length) return [];
    const grantIds = grants.map((g) => g.id);
    const [tranches, reports, names] = await Promise.all([
      this.dataSource.manager
        .createQueryBuilder(GrantTrancheEntity, 't')
        .where('t.grantId = ANY(:grantIds)', { grantIds })
        .orderBy('t.dueOn', 'ASC')
        .getMany(),
      this.dataSource.manager
        .createQueryBuilder(GrantReportEntity, 'r')
        .where('r.grantId = ANY(:grantIds)', { grantIds })
        .orderBy('r.dueOn', 'ASC')
        .getMany(),
      this.directory.names(grants.map((g) => g.funderOrganisationId)),
    ]);
    const now = today();
    return grants.map((g) => {
      const own = tranches
        .filter((t) => t.grantId === g.id)
        .map((t): Tranche => ({
          id: t.id,
          amount: Number(t.amount),
          dueOn: day(t.dueOn),
          status: t.status,
          requiresReportId: t.requiresReportId,
          paidAt: t.paidAt?.toISOString() ?? null,
        }));
      return {
        id: g.id,
        allianceId: g.allianceId,
        funderOrganisationId: g.funderOrganisationId,
        funderOrganisationName: names.find((n) => n.id === g.funderOrganisationId)?.name ?? '',
        amount: Number(g.amount),
        currency: g.currency,
        startsOn: day(g.startsOn),
        endsOn: day(g.endsOn),
        conditions: g.conditions,
        tranches: own,
        reports: reports.filter((r) => r.grantId === g.id).map((r) => this.toReport(r, now)),
        paid: own.filter((t) => t.status === 'paid').reduce((sum, t) => sum + t.amount, 0),
        createdAt: g.createdAt.toISOString(),
      };
    });
  }

  private toReport(r: GrantReportEntity, now: string): GrantReport {
    return {
      id: r.id,
      title: r.title,
      dueOn: day(r.dueOn),
      status: r.status,
      submission: r.submission,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      reviewComment: r.reviewComment,
      reviewedAt: r.reviewedAt?.toISOString() ?? null,
      overdue: (r.status === 'pending' || r.status === 'returned') && day(r.dueOn) < now,
    };
  }

  private async grantContext(user: AuthUser, grantId: string): Promise<{ grant: GrantEntity; access: AllianceAccess }> {
    const grant = await this.dataSource.manager.findOne(GrantEntity, { where: { id: grantId } });
    if (!grant) throw new NotFoundDomainException('grant');
    const access = await this.policy.readable(user, grant.allianceId).catch(notFoundUnlessClosed('grant'));
    return { grant, access };
  }

  /** Partners request a tranche; the funder's admins mark it paid, once its report (if any) is approved. */
  async setTrancheStatus(user: AuthUser, trancheId: string, status: 'requested' | 'paid', ip: string | null): Promise<Grant> {
    const tranche = await this.dataSource.manager.findOne(GrantTrancheEntity, { where: { id: trancheId } });
    if (!tranche) throw new NotFoundDomainException('tranche');
    const { grant, access } = await this.grantContext(user, tranche.grantId).catch(notFoundUnlessClosed('tranche'));
    if (status === 'paid') {
      this.funderAdmin(access, grant.funderOrganisationId);
      if (tranche.requiresReportId) {
        const report = await this.dataSource.manager.findOne(GrantReportEntity, { where: { id: tranche.requiresReportId } });
        if (report?.status !== 'approved')
          throw new DomainException('funding.report_not_approved', 'This tranche waits for its report to be approved');
      }
    } else if (
      !access.canWriteCharter &&
      !access.active.some((s) => s.organisationId === grant.funderOrganisationId && s.organisationRole === 'admin')
    ) {
      throw new DomainException('funding.partner_required', 'Only a partner of the alliance may request a tranche');
    }
    if (tranche.status === 'paid') throw new DomainException('funding.already_paid', 'This tranche is already paid');
    // Conditional on the status read, as every transition below: of two racing writers one wins, the other gets 409.
    const updated = await this.dataSource.manager.update(
      GrantTrancheEntity,
      { id: trancheId, status: Not('paid') },
      { status, paidAt: status === 'paid' ? new Date() : null },
    );
    if (!updated.affected) throw new DomainException('funding.already_paid', 'This tranche is already paid');
    await this.audit.record({
      actorId: user.id,
      action: `tranche.${status}`,
      objectType: 'tranche',
      objectId: trancheId,
      allianceId: grant.allianceId,
      ip,
    });
    return (await this.grantsOf(grant.allianceId, [grant.id]))[0];
  }

  async submitReport(user: AuthUser, reportId: string, submission: string, ip: string | null): Promise<Grant> {
    const report = await this.dataSource.manager.findOne(GrantReportEntity, { where: { id: reportId } });
    if (!report) throw new NotFoundDomainException('report');
    const { grant, access } = await this.grantContext(user, report.grantId).catch(notFoundUnlessClosed('report'));
    if (!access.canWriteCharter)
      throw new DomainException('funding.partner_required', 'Only a partner of the alliance may submit a report');
    if (report.status === 'approved') throw new DomainException('funding.report_approved', 'This report is already approved');
    const updated = await this.dataSource.manager.update(
      GrantReportEntity,
      { id: reportId, status: Not('approved') },
      { submission: submission.trim(), status: 'submitted', submittedBy: user.id, submittedAt: new Date() },
    );
    if (!updated.affected) throw new DomainException('funding.report_approved', 'This report is already approved');
    await this.audit.record({
      actorId: user.id,
      action: 'report.submitted',
      objectType: 'report',
      objectId: reportId,
      allianceId: grant.allianceId,
      ip,
    });
    return (await this.grantsOf(grant.allianceId, [grant.id]))[0];
  }

  async reviewReport(user: AuthUser, reportId: string, approved: boolean, comment: string | undefined, ip: string | null): Promise<Grant> {
    const report = await this.dataSource.manager.findOne(GrantReportEntity, { where: { id: reportId } });
    if (!report) throw new NotFoundDomainException('report');
    const { grant, access } = await this.grantContext(user, report.grantId).catch(notFoundUnlessClosed('report'));
    this.funderAdmin(access, grant.funderOrganisationId);
    if (report.status !== 'submitted') throw new DomainException('funding.report_not_submitted', 'Only a submitted report can be reviewed');
    if (!approved && !comment?.trim())
      throw new InvalidInputException([
        { field: 'comment', messages: ['say what to change when sending a report back'], codes: ['commentRequired'] },
      ]);
    const updated = await this.dataSource.manager.update(
      GrantReportEntity,
      { id: reportId, status: 'submitted' },
      { status: approved ? 'approved' : 'returned', reviewComment: comment?.trim() || null, reviewedAt: new Date() },
    );
    if (!updated.affected) throw new DomainException('funding.report_not_submitted', 'Only a submitted report can be reviewed');
    await this.audit.record({
      actorId: user.id,
      action: approved ? 'report.approved' : 'report.returned',
      objectType: 'report',
      objectId: reportId,
      allianceId: grant.allianceId,
      ip,
    });
    return (await this.grantsOf(grant.allianceId, [grant.id]))[0];
  }

  async addContribution(user: AuthUser, allianceId: string, input: CreateContributionDto, ip: string | null): Promise<Contribution> {
    const access = await this.policy.readable(user, allianceId);
    if (
      !access.active.some((s) => s.organisationId === input.organisationId && (s.allianceRole === 'lead' || s.allianceRole === 'partner'))
    ) {
      throw new DomainException('funding.own_organisation_only', 'Record the contributions of your own partner organisation');
    }
    const saved = await this.dataSource.manager.save(
      this.dataSource.manager.create(ContributionEntity, {
        allianceId,
        organisationId: input.organisationId,
        kind: input.kind,
        description: input.description.trim(),
        valuation: input.valuation.toFixed(2),
        currency: input.currency ?? 'EUR',
        createdBy: user.id,
      }),
    );
    await this.audit.record({
      actorId: user.id,
      action: 'contribution.created',
      objectType: 'contribution',
      objectId: saved.id,
      allianceId,
      organisationId: input.organisationId,
      ip,
    });
    return (await this.contributionsOf(allianceId)).find((c) => c.id === saved.id) as Contribution;
  }

  async contributions(user: AuthUser, allianceId: string): Promise<Contribution[]> {
    await this.policy.readable(user, allianceId);
    return this.contributionsOf(allianceId);
  }

  private async contributionsOf(allianceId: string): Promise<Contribution[]> {
    const found: {
      id: string;
      organisation_id: string;
      kind: Contribution['kind'];
      description: string;
      valuation: string;
      currency: string;
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT c.id, c.organisation_id, c.kind, c.description, c.valuation, c.currency, c.created_at
         FROM contributions c WHERE c.alliance_id = $1 ORDER BY c.created_at`,
      [allianceId],
    );
    // The organisations' names in one more statement, from their owner; a row whose organisation is not visible drops, as the join did.
    const names = new Map((await this.directory.names(found.map((r) => r.organisation_id))).map((o) => [o.id, o.name]));
    const rows = found.filter((r) => names.has(r.organisation_id)).map((r) => ({ ...r, name: names.get(r.organisation_id) as string }));
    return rows.map((r) => ({
      id: r.id,
      allianceId,
      organisationId: r.organisation_id,
      organisationName: r.name,
      kind: r.kind,
      description: r.description,
      valuation: Number(r.valuation),
      currency: r.currency,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }

  /** Every alliance the organisation funds, with money, deadlines, objective statuses and the latest evaluation. */
  async portfolio(
    user: AuthUser,
    organisationId: string,
    filters: { domain?: string; territory?: string; status?: string },
  ): Promise<Portfolio> {
    const member = [await this.organisations.roleOf(user.id, organisationId)].filter((role) => role !== null);
    if (!member.length) throw new NotFoundDomainException('organisation');
    const alliances = await this.alliances.fundedBy(organisationId, filters);
    // Objective statuses and latest evaluations of every alliance, one statement each (not one per alliance).
    const allianceIds = alliances.map((a) => a.id);
    const statuses = await this.objectives.statusCounts(allianceIds);
    const evaluations = await this.evaluations.latestClosedScores(allianceIds);
    const entries: PortfolioEntry[] = [];
    const timeline = new Map<string, { committed: number; paid: number }>();
    for (const a of alliances) {
      const grants = (await this.grantsOf(a.id)).filter((g) => g.funderOrganisationId === organisationId);
      const tranches = grants.flatMap((g) => g.tranches);
      const reports = grants.flatMap((g) => g.reports).filter((r) => r.status !== 'approved');
      reports.sort((x, y) => Number(y.overdue) - Number(x.overdue) || x.dueOn.localeCompare(y.dueOn));
      const next = tranches.filter((t) => t.status !== 'paid').sort((x, y) => x.dueOn.localeCompare(y.dueOn))[0];
      for (const g of grants) {
        const month = g.startsOn.slice(0, 7);
        timeline.set(month, { committed: (timeline.get(month)?.committed ?? 0) + g.amount, paid: timeline.get(month)?.paid ?? 0 });
      }
      for (const t of tranches.filter((t) => t.paidAt)) {
        const month = (t.paidAt as string).slice(0, 7);
        timeline.set(month, { committed: timeline.get(month)?.committed ?? 0, paid: (timeline.get(month)?.paid ?? 0) + t.amount });
      }
      const contributions = await this.contributionsOf(a.id);
      entries.push({
        allianceId: a.id,
        allianceName: a.name,
        status: a.status,
        domains: a.domains,
        territoryCodes: a.territory_codes,
        committed: grants.reduce((s, g) => s + g.amount, 0),
        paid: grants.reduce((s, g) => s + g.paid, 0),
        currency: grants[0]?.currency ?? 'EUR',
        nextTranche: next ? { amount: next.amount, dueOn: next.dueOn, status: next.status } : null,
        nextReport: reports[0] ? { title: reports[0].title, dueOn: reports[0].dueOn, overdue: reports[0].overdue } : null,
        objectiveStatus: statuses.get(a.id) ?? {},
        latestEvaluation: evaluations.get(a.id) ?? null,
        contributionsValuation: contributions.reduce((s, c) => s + c.valuation, 0),
      });
    }
    // Overdue reports first, then by the next deadline.
    entries.sort(
      (x, y) =>
        Number(!!y.nextReport?.overdue) - Number(!!x.nextReport?.overdue) ||
        (x.nextReport?.dueOn ?? '9999').localeCompare(y.nextReport?.dueOn ?? '9999'),
    );
    const months = [...timeline.keys()].sort();
    let committed = 0;
    let paid = 0;
    return {
      organisationId,
      entries,
      totals: {
        committed: entries.reduce((s, e) => s + e.committed, 0),
        paid: entries.reduce((s, e) => s + e.paid, 0),
        contributions: entries.reduce((s, e) => s + e.contributionsValuation, 0),
      },
      timeline: months.map((month) => {
        committed += timeline.get(month)?.committed ?? 0;
        paid += timeline.get(month)?.paid ?? 0;
        return { month, committed, paid };
      }),
    };
  }
}
