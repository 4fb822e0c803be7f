import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AuditService,
  decodeCursor,
  DomainException,
  encodeCursor,
  exactInstant,
  InvalidInputException,
  NotFoundDomainException,
  type AuthUser,
} from '@alliances/api/core';
import { AlliancePolicy, notFoundUnlessClosed, type AllianceAccess } from '@alliances/api/alliances';
import { UsersReader } from '@alliances/api/identity';
import { NotificationsService } from '@alliances/api/notifications';
import {
  POSITIONS_NEEDING_REASON,
  type CreateDecisionRequest,
  type Decision,
  type DecisionCounts,
  type DecisionRule,
  type DecisionsPage,
  type DecisionStatus,
  type DecisionSummary,
  type OrganisationPosition,
  type SetPositionRequest,
} from '@alliances/shared/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AlliancePeople, containing } from './alliance-people';
import { countPositions, outcomeOf } from './decision-outcome';
import { DecisionEntity, DecisionPositionEntity } from './governance.entities';
import { MeetingSource } from './meeting-source';

interface DecisionRow {
  id: string;
  alliance_id: string;
  title: string;
  proposal: string;
  rule: DecisionRule;
  status: DecisionStatus;
  closes_at: Date;
  closed_at: Date | null;
  outcome: DecisionCounts | null;
  meeting_id: string | null;
  proposed_by: string | null;
  proposer_organisation_id: string | null;
  created_at: Date;
  created_exact: string;
}

export interface DecisionsFilter {
  q?: string;
  status?: DecisionStatus;
  meetingId?: string;
}

const SELECT = `SELECT d.id, d.alliance_id, d.title, d.proposal, d.rule, d.status, d.closes_at, d.closed_at, d.outcome, d.meeting_id,
                       d.proposed_by, d.proposer_organisation_id, d.created_at, ${exactInstant('d.created_at')} AS created_exact
                  FROM decisions d`;

@Injectable()
export class DecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AlliancePolicy,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly people: AlliancePeople,
    private readonly users: UsersReader,
    private readonly meetings: MeetingSource,
  ) {}

  /** A lead or partner proposes; the people of the lead and partner organisations are told. */
  async propose(user: AuthUser, allianceId: string, input: CreateDecisionRequest, ip: string | null): Promise<Decision> {
    const access = await this.policy.partnerReadable(user, allianceId);
    const proposerOrganisationId = this.writerSeat(access);
    if (!proposerOrganisationId)
      throw new DomainException('decision.partner_required', 'Only the lead and partner organisations may propose a decision');
    const closesAt = new Date(input.closesAt);
    if (Number.isNaN(closesAt.getTime()) || closesAt.getTime() <= Date.now())
      throw new InvalidInputException([{ field: 'closesAt', messages: ['closesAt must be in the future'], codes: ['closesAtInPast'] }]);
    if (closesAt.getFullYear() > 9999)
      throw new InvalidInputException([{ field: 'closesAt', messages: ['closesAt is too far'], codes: ['closesAtTooFar'] }]);
    if (input.meetingId && !(await this.meetings.meetingIn(allianceId, input.meetingId)))
      throw new InvalidInputException([{ field: 'meetingId', messages: ['not a meeting of this alliance'], codes: ['unknownMeeting'] }]);
    const people = await this.people.peopleOf(allianceId);
    const { saved, notified } = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(DecisionEntity, {
          allianceId,
          title: input.title.trim(),
          proposal: input.proposal.trim(),
          rule: input.rule,
          closesAt,
          meetingId: input.meetingId ?? null,
          proposedBy: user.id,
          proposerOrganisationId,
        }),
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'decision.proposed',
          objectType: 'decision',
          objectId: saved.id,
          allianceId,
          organisationId: proposerOrganisationId,
          ip,
          details: { title: saved.title, rule: saved.rule, closesAt: closesAt.toISOString() },
        },
        manager,
      );
      const notified = await this.notifications.notify(
        {
          userIds: people.map((p) => p.userId),
          type: 'decision_proposed',
          allianceId,
          actorId: user.id,
          excerpt: saved.title,
          link: `/alliances/${allianceId}/decisions/${saved.id}`,
        },
        manager,
      );
      return { saved, notified };
    });
    this.notifications.changed(notified);
    return this.get(user, saved.id);
  }

  /** The register: newest first, searchable without accents or case in the title and the proposal. */
  async list(user: AuthUser, allianceId: string, filter: DecisionsFilter & { limit?: number; cursor?: string }): Promise<DecisionsPage> {
    await this.policy.partnerReadable(user, allianceId);
    const limit = filter.limit ?? 50;
    const after = filter.cursor ? decodeCursor(filter.cursor) : null;
    const rows = await this.rows(allianceId, filter, after, limit + 1);
    const page = rows.slice(0, limit);
    const items = await this.summaries(allianceId, page);
    const last = page[page.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.created_exact, last.id) : null };
  }

  /** Every decision of the register matching the filter, for the export. */
  async all(user: AuthUser, allianceId: string, filter: DecisionsFilter): Promise<DecisionSummary[]> {
    await this.policy.partnerReadable(user, allianceId);
    return this.summaries(allianceId, await this.rows(allianceId, filter, null, 10_000));
  }

  private rows(
    allianceId: string,
    filter: DecisionsFilter,
    after: { at: string; id: string } | null,
    limit: number,
  ): Promise<DecisionRow[]> {
    const q = filter.q?.trim() || null;
    return this.dataSource.query(
      `${SELECT}
        WHERE d.alliance_id = $1
          AND ($2::text IS NULL OR fold_accents(d.title) LIKE fold_accents($2) OR fold_accents(d.proposal) LIKE fold_accents($2))
          AND ($3::text IS NULL OR d.status = $3)
          AND ($4::uuid IS NULL OR d.meeting_id = $4)
          AND ($5::timestamptz IS NULL OR (d.created_at, d.id) < ($5::timestamptz, $6::uuid))
        ORDER BY d.created_at DESC, d.id DESC LIMIT $7`,
      [allianceId, q ? containing(q) : null, filter.status ?? null, filter.meetingId ?? null, after?.at ?? null, after?.id ?? null, limit],
    );
  }

  private async summaries(allianceId: string, rows: DecisionRow[]): Promise<DecisionSummary[]> {
    if (!rows.length) return [];
    const organisations = await this.people.organisationsOf(allianceId);
    const seated = organisations.map((o) => o.organisationId);
    const positions: { decision_id: string; organisation_id: string; position: string }[] = await this.dataSource.query(
      `SELECT decision_id, organisation_id, position FROM decision_positions WHERE decision_id = ANY($1::uuid[])`,
      [rows.map((r) => r.id)],
    );
    const names = await this.users.displayNames(rows.map((r) => r.proposed_by));
    const organisationNames = new Map(organisations.map((o) => [o.organisationId, o.organisationName]));
    return rows.map((r) => ({
      id: r.id,
      allianceId: r.alliance_id,
      title: r.title,
      rule: r.rule,
      status: r.status,
      closesAt: new Date(r.closes_at).toISOString(),
      closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
      meetingId: r.meeting_id,
      proposedBy: {
        userId: r.proposed_by,
        name: r.proposed_by ? (names.get(r.proposed_by) ?? null) : null,
        organisationId: r.proposer_organisation_id,
        organisationName: r.proposer_organisation_id ? (organisationNames.get(r.proposer_organisation_id) ?? null) : null,
      },
      createdAt: new Date(r.created_at).toISOString(),
      counts:
        r.outcome ??
        countPositions(
          positions.filter((p) => p.decision_id === r.id).map((p) => ({ organisationId: p.organisation_id, position: p.position })),
          seated,
        ),
    }));
  }

  private async decisionFor(user: AuthUser, id: string): Promise<{ row: DecisionRow; access: AllianceAccess }> {
    const [row]: DecisionRow[] = await this.dataSource.query(`${SELECT} WHERE d.id = $1`, [id]);
    if (!row) throw new NotFoundDomainException('decision');
    const access = await this.policy.partnerReadable(user, row.alliance_id).catch(notFoundUnlessClosed('decision'));
    return { row, access };
  }

  /** The decision with each lead and partner organisation's position (and those of organisations that left since). */
  async get(user: AuthUser, id: string): Promise<Decision> {
    const { row, access } = await this.decisionFor(user, id);
    const [summary] = await this.summaries(row.alliance_id, [row]);
    const organisations = await this.people.organisationsOf(row.alliance_id);
    const given: {
      organisation_id: string;
      position: Decision['positions'][number]['position'];
      reason: string | null;
      set_by: string | null;
      set_at: Date;
    }[] = await this.dataSource.query(
      `SELECT organisation_id, position, reason, set_by, set_at FROM decision_positions WHERE decision_id = $1`,
      [id],
    );
    const byOrganisation = new Map(given.map((g) => [g.organisation_id, g]));
    const setters = await this.users.displayNames(given.map((g) => g.set_by));
    // A closed decision keeps the positions of organisations that left since (who blocked stays visible).
    const seated = new Set(organisations.map((o) => o.organisationId));
    const formerIds = row.status === 'open' ? [] : given.map((g) => g.organisation_id).filter((o) => !seated.has(o));
    const formerNames = await this.people.organisationNames(formerIds);
    const rowsShown: { organisationId: string; organisationName: string; role: OrganisationPosition['role'] }[] = [
      ...organisations,
      ...formerIds.map((o) => ({ organisationId: o, organisationName: formerNames.get(o) ?? '', role: 'former' as const })),
    ];
    const positions = rowsShown.map((o) => {
      const g = byOrganisation.get(o.organisationId);
      return {
        organisationId: o.organisationId,
        organisationName: o.organisationName,
        role: o.role,
        position: g?.position ?? null,
        reason: g?.reason ?? null,
        setBy: g?.set_by ? (setters.get(g.set_by) ?? null) : null,
        setAt: g ? new Date(g.set_at).toISOString() : null,
      };
    });
    const open = row.status === 'open';
    const writerSeats = access.active.filter((s) => s.allianceRole === 'lead' || s.allianceRole === 'partner').map((s) => s.organisationId);
    return {
      ...(summary as DecisionSummary),
      proposal: row.proposal,
      positions,
      canPositionFor: open && access.canWriteCharter ? writerSeats : [],
      canClose: open && access.alliance.status !== 'closed' && this.mayClose(user, row, access),
    };
  }

  /** One organisation's position, given by a person who represents it; changeable until the close (409 after). */
  async setPosition(user: AuthUser, id: string, input: SetPositionRequest, ip: string | null): Promise<Decision> {
    const { row, access } = await this.decisionFor(user, id);
    const represents = access.active.some(
      (s) => s.organisationId === input.organisationId && (s.allianceRole === 'lead' || s.allianceRole === 'partner'),
    );
    if (!represents)
      throw new DomainException('decision.not_represented', 'You do not represent this organisation as a lead or partner of this alliance');
    const reason = input.reason?.trim() || null;
    if (POSITIONS_NEEDING_REASON.includes(input.position) && !reason)
      throw new InvalidInputException([
        { field: 'reason', messages: [`a reason is required to ${input.position}`], codes: ['reasonRequired'] },
      ]);
    await this.dataSource.transaction(async (manager) => {
      // The row lock orders a position against a close running at the same time.
      const [locked]: { status: string; due: boolean }[] = await manager.query(
        `SELECT status, closes_at <= now() AS due FROM decisions WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!locked || locked.status !== 'open' || locked.due) throw new DomainException('decision.closed', 'This decision is closed');
      await manager.query(
        `INSERT INTO decision_positions (decision_id, organisation_id, alliance_id, position, reason, set_by, set_at)
         VALUES ($1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (decision_id, organisation_id) DO UPDATE SET position = EXCLUDED.position, reason = EXCLUDED.reason,
           set_by = EXCLUDED.set_by, set_at = now()`,
        [id, input.organisationId, row.alliance_id, input.position, reason, user.id],
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'decision.position_set',
          objectType: 'decision',
          objectId: id,
          allianceId: row.alliance_id,
          organisationId: input.organisationId,
          ip,
          details: { position: input.position },
        },
        manager,
      );
    });
    return this.get(user, id);
  }

  /** The proposer or the lead closes before the date. */
  async close(user: AuthUser, id: string, ip: string | null): Promise<Decision> {
    const { row, access } = await this.decisionFor(user, id);
    if (!this.mayClose(user, row, access))
      throw new DomainException('decision.close_forbidden', 'Only the proposer and the lead may close a decision early');
    const closed = await this.closeOne(id, user.id, ip, 'early');
    if (!closed) throw new DomainException('decision.closed', 'This decision is already closed');
    return this.get(user, id);
  }

  /** A scheduled job: closes the decisions whose date has passed; returns how many. */
  async closeDue(): Promise<number> {
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM decisions WHERE status = 'open' AND closes_at <= now() ORDER BY closes_at LIMIT 500`,
    );
    let closed = 0;
    for (const d of due) if (await this.closeOne(d.id, null, null, 'schedule')) closed++;
    return closed;
  }

  /** Computes the outcome from the seated organisations' positions, journals it and tells the people; false when already closed. */
  private async closeOne(id: string, actorId: string | null, ip: string | null, by: 'early' | 'schedule'): Promise<boolean> {
    const result = await this.dataSource.transaction(async (manager: EntityManager) => {
      const [decision]: { alliance_id: string; rule: DecisionRule; status: string; title: string }[] = await manager.query(
        `SELECT alliance_id, rule, status, title FROM decisions WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!decision || decision.status !== 'open') return null;
      const organisations = await this.people.organisationsOf(decision.alliance_id);
      const positions = await manager.find(DecisionPositionEntity, { where: { decisionId: id } });
      const counts = countPositions(
        positions,
        organisations.map((o) => o.organisationId),
      );
      const outcome = outcomeOf(decision.rule, counts);
      await manager.update(DecisionEntity, { id }, { status: outcome, closedAt: new Date(), closedBy: actorId, outcome: counts });
      await this.audit.record(
        {
          actorId,
          action: 'decision.closed',
          objectType: 'decision',
          objectId: id,
          allianceId: decision.alliance_id,
          ip,
          details: { outcome, counts, rule: decision.rule, by },
        },
        manager,
      );
      // In a closed (read-only) alliance the decision closes silently, as action reminders stop there.
      if (await this.people.isClosed(decision.alliance_id)) return { notified: [] };
      const people = await this.people.peopleOf(decision.alliance_id);
      const notified = await this.notifications.notify(
        {
          userIds: people.map((p) => p.userId),
          type: 'decision_closed',
          allianceId: decision.alliance_id,
          actorId,
          excerpt: decision.title,
          link: `/alliances/${decision.alliance_id}/decisions/${id}`,
        },
        manager,
      );
      return { notified };
    });
    if (!result) return false;
    this.notifications.changed(result.notified);
    return true;
  }

  /** The lead, or the proposer while they still hold a lead or partner seat (a person who left may no longer close). */
  private mayClose(user: AuthUser, row: DecisionRow, access: AllianceAccess): boolean {
    if (access.active.some((s) => s.allianceRole === 'lead')) return true;
    return row.proposed_by === user.id && this.writerSeat(access) !== null;
  }

  /** The caller's lead seat first, else a partner seat, while the alliance is open. */
  private writerSeat(access: AllianceAccess): string | null {
    if (!access.canWriteCharter) return null;
    const seats = access.active.filter((s) => s.allianceRole === 'lead' || s.allianceRole === 'partner');
    return (seats.find((s) => s.allianceRole === 'lead') ?? seats[0])?.organisationId ?? null;
  }
}
