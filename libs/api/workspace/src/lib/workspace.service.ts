import { Injectable } from '@nestjs/common';
import { AlliancesDashboardReader, type SeatedAlliance } from '@alliances/api/alliances';
import { CharterDashboardReader, type LatestCharterVersion } from '@alliances/api/charter';
import type { AuthUser } from '@alliances/api/core';
import { EvaluationsDashboardReader } from '@alliances/api/evaluations';
import { FundingDashboardReader } from '@alliances/api/funding';
import { GovernanceDashboardReader } from '@alliances/api/governance';
import { NotificationsReader } from '@alliances/api/notifications';
import { ObjectivesDashboardReader } from '@alliances/api/objectives';
import { OrganisationsDashboardReader, OrganisationsReader } from '@alliances/api/organisations';
import { ProposalsDashboardReader } from '@alliances/api/proposals';
import type { Dashboard, DashboardAlliance, DashboardCharter, TodoItem } from '@alliances/shared/contracts';
import { sortTodo, trendOf } from './dashboard-todo';

type Pair = { allianceId: string; organisationId: string };

/**
 * The signed-in person's home page: what needs them across all their alliances and each alliance's
 * health, in a bounded number of statements whatever the number of alliances (docs/api.md "Workspace"):
 * their memberships, then their alliances and seats, then one statement per domain for all of them
 * together (in parallel), then the names of the organisations that sent proposals.
 */
@Injectable()
export class WorkspaceService {
  constructor(
    private readonly organisations: OrganisationsDashboardReader,
    private readonly organisationNames: OrganisationsReader,
    private readonly alliances: AlliancesDashboardReader,
    private readonly charter: CharterDashboardReader,
    private readonly objectives: ObjectivesDashboardReader,
    private readonly evaluations: EvaluationsDashboardReader,
    private readonly funding: FundingDashboardReader,
    private readonly proposals: ProposalsDashboardReader,
    private readonly notifications: NotificationsReader,
    private readonly governance: GovernanceDashboardReader,
  ) {}

  async dashboard(user: AuthUser): Promise<Dashboard> {
    const memberships = await this.organisations.membershipsOf(user.id);
    const roleOf = new Map(memberships.map((m) => [m.organisationId, m.role]));
    const seated = await this.alliances.seatedAlliances(memberships.map((m) => m.organisationId));
    const ids = seated.map((a) => a.id);
    const names = new Map(seated.map((a) => [a.id, a.name]));
    const closed = new Set(seated.filter((a) => a.status === 'closed').map((a) => a.id));

    // As AlliancePolicy decides: the lead and partners of an open alliance contribute (check-ins, actions,
    // reports); their admins and signatories sign; a funder seat does neither.
    const contributors: Pair[] = [];
    const signers: Pair[] = [];
    const leads: string[] = [];
    for (const a of seated) {
      if (a.status === 'closed') continue;
      for (const s of a.seats) {
        if (s.status !== 'active' || (s.role !== 'lead' && s.role !== 'partner')) continue;
        const pair = { allianceId: a.id, organisationId: s.organisationId };
        contributors.push(pair);
        const role = roleOf.get(s.organisationId);
        if (role === 'admin' || role === 'signatory') signers.push(pair);
        if (s.role === 'lead' && !leads.includes(a.id)) leads.push(a.id);
      }
    }
    const administered = memberships.filter((m) => m.role === 'admin').map((m) => m.organisationId);

    const [versions, objectives, evaluations, reports, proposals, mentions, assigned] = await Promise.all([
      this.charter.latestVersions(ids),
      this.objectives.dashboard(ids, contributors),
      this.evaluations.dashboard(user.id, ids, contributors),
      this.funding.reportsDue(leads),
      this.proposals.awaitingAnswer(administered),
      this.notifications.unreadMentions(user.id, ids),
      this.governance.actionsDue(user.id, contributors),
    ]);
    const proposers = new Map((await this.organisationNames.names(proposals.map((p) => p.fromOrganisationId))).map((o) => [o.id, o.name]));

    const inAlliance = (allianceId: string | null) => ({ allianceId, allianceName: (allianceId && names.get(allianceId)) || null });
    const todo: TodoItem[] = [
      ...signers.flatMap(({ allianceId, organisationId }): TodoItem[] => {
        const latest = versions.get(allianceId);
        if (latest?.status !== 'awaiting_signatures' || latest.answered.includes(organisationId)) return [];
        return [
          {
            kind: 'sign_charter',
            ...inAlliance(allianceId),
            title: String(latest.version),
            link: `/alliances/${allianceId}/charter/signatures`,
          },
        ];
      }),
      ...objectives.checkInsDue.map((c): TodoItem => ({
        kind: 'checkin_due',
        ...inAlliance(c.allianceId),
        title: c.name,
        dueAt: c.dueOn,
        link: `/alliances/${c.allianceId}/indicators/${c.indicatorId}`,
      })),
      // A closed alliance is read-only: its open campaigns can no longer be answered.
      ...evaluations.toAnswer
        .filter((e) => !closed.has(e.allianceId))
        .map((e): TodoItem => ({
          kind: 'answer_evaluation',
          ...inAlliance(e.allianceId),
          title: e.title,
          dueAt: e.closesAt,
          link: `/evaluations/${e.campaignId}`,
        })),
      ...reports.map((r): TodoItem => ({
        kind: 'report_due',
        ...inAlliance(r.allianceId),
        title: r.title,
        dueAt: r.dueOn,
        link: `/alliances/${r.allianceId}/funding`,
      })),
      ...proposals.map((p): TodoItem => ({
        kind: 'proposal_received',
        ...inAlliance(p.allianceId),
        title: proposers.get(p.fromOrganisationId) ?? '',
        link: `/organisations/${p.organisationId}/proposals`,
      })),
      ...evaluations.actionsDue.map((a): TodoItem => ({
        kind: 'action_due',
        ...inAlliance(a.allianceId),
        title: a.title,
        dueAt: a.dueOn,
        link: `/evaluations/${a.campaignId}/results`,
      })),
      // Actions assigned to the person (issue 17): theirs to do, whichever organisation they act for.
      ...assigned.map((a): TodoItem => ({
        kind: 'action_due',
        ...inAlliance(a.allianceId),
        title: a.title,
        dueAt: a.dueOn,
        link: `/alliances/${a.allianceId}/actions`,
      })),
      ...mentions.map((m): TodoItem => ({ kind: 'mention', ...inAlliance(m.allianceId), title: m.excerpt ?? '', link: m.link })),
    ];

    const alliances = seated.map((a): DashboardAlliance => {
      const statuses = objectives.statuses.get(a.id) ?? {};
      const last = evaluations.lastEvaluations.get(a.id);
      const milestone = objectives.nextMilestones.get(a.id);
      return {
        id: a.id,
        name: a.name,
        status: a.status,
        objectives: {
          onTrack: statuses['on_track'] ?? 0,
          atRisk: statuses['at_risk'] ?? 0,
          offTrack: statuses['off_track'] ?? 0,
          achieved: statuses['achieved'] ?? 0,
          noData: statuses['no_data'] ?? 0,
        },
        ...(last
          ? { lastEvaluation: { id: last.id, title: last.title, closedAt: last.closedAt, mean: last.mean, trend: trendOf(last.delta) } }
          : {}),
        charter: charterOf(a, versions.get(a.id)),
        ...(milestone ? { nextMilestone: milestone } : {}),
      };
    });
    return { todo: sortTodo(todo), alliances };
  }
}

function charterOf(alliance: SeatedAlliance, latest: LatestCharterVersion | undefined): DashboardCharter {
  const inForceVersion = alliance.inForceVersion;
  const settled = inForceVersion === null ? 'draft' : 'in_force';
  if (!latest) return { status: settled, inForceVersion, awaitingSignatures: 0 };
  if (latest.status === 'awaiting_signatures')
    return {
      status: 'proposed',
      inForceVersion,
      awaitingSignatures: alliance.signingOrganisations.filter((o) => !latest.signed.includes(o)).length,
    };
  return { status: latest.status === 'changes_requested' ? 'changes_requested' : settled, inForceVersion, awaitingSignatures: 0 };
}
