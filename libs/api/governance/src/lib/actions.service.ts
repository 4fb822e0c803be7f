import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AuditService,
  decodeKeyCursor,
  DomainException,
  encodeKeyCursor,
  InvalidInputException,
  NotFoundDomainException,
  returnedRows,
  type AuthUser,
} from '@alliances/api/core';
import { AlliancePolicy, AlliancesReader, notFoundUnlessClosed, type AllianceAccess } from '@alliances/api/alliances';
import { EvaluationsReader, type EvaluationPlanAction } from '@alliances/api/evaluations';
import { UsersReader } from '@alliances/api/identity';
import { NotificationsService } from '@alliances/api/notifications';
import type {
  ActionSource,
  ActionSourceType,
  ActionsPage,
  ActionStatus,
  AllianceAction,
  AssignablePerson,
  CreateActionRequest,
  FieldError,
  UpdateActionRequest,
} from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';
import { AlliancePeople } from './alliance-people';
import { ActionEntity } from './governance.entities';
import { MeetingSource } from './meeting-source';

/** An open action is recalled to its assignee once, this many days before its due date (or when already overdue). */
const DUE_WITHIN_DAYS = 3;
/** Actions overdue for longer than this are no longer recalled by the scheduled job. */
const REMIND_LOOKBACK_DAYS = 30;

export interface ActionsFilter {
  status?: ActionStatus;
  assignee?: 'me';
  sourceType?: ActionSourceType;
  sourceId?: string;
  limit?: number;
  cursor?: string;
}

interface ActionRow {
  id: string;
  alliance_id: string;
  title: string;
  description: string | null;
  assignee_user_id: string | null;
  assignee_organisation_id: string | null;
  due_on: string;
  status: ActionStatus;
  done_at: Date | null;
  source_type: ActionSourceType | null;
  source_id: string | null;
  created_by: string | null;
  creator_organisation_id: string | null;
  version: number;
}

const SELECT = `SELECT id, alliance_id, title, description, assignee_user_id, assignee_organisation_id, due_on::text AS due_on, status, done_at,
                       source_type, source_id, created_by, creator_organisation_id, version FROM actions`;

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * Actions assigned to a person, and the alliance's one list of actions, which also shows the evaluation
 * action plans' actions read through EvaluationsReader (docs/decisions/0023-actions-one-list.md).
 */
@Injectable()
export class ActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AlliancePolicy,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly people: AlliancePeople,
    private readonly users: UsersReader,
    private readonly alliances: AlliancesReader,
    private readonly evaluations: EvaluationsReader,
    private readonly meetings: MeetingSource,
  ) {}

  /** The people an action may be assigned to. */
  async assignable(user: AuthUser, allianceId: string): Promise<AssignablePerson[]> {
    await this.policy.partnerReadable(user, allianceId);
    return this.people.peopleOf(allianceId);
  }

  async create(user: AuthUser, allianceId: string, input: CreateActionRequest, ip: string | null): Promise<AllianceAction> {
    const access = await this.policy.partnerReadable(user, allianceId);
    const creatorOrganisationId = writerSeat(access);
    if (!creatorOrganisationId)
      throw new DomainException('action.partner_required', 'Only the lead and partner organisations may create an action');
    const errors: FieldError[] = [];
    const assignee = await this.assigneeIn(allianceId, input.assigneeUserId);
    if (!assignee)
      errors.push({
        field: 'assigneeUserId',
        messages: ['must be a person of a lead or partner organisation of this alliance'],
        codes: ['notAPartnerPerson'],
      });
    if (input.source && !(await this.sourceExists(allianceId, input.source)))
      errors.push({ field: 'source.id', messages: [`not a ${input.source.type} of this alliance`], codes: ['unknownSource'] });
    if (errors.length) throw new InvalidInputException(errors);
    const saved = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(ActionEntity, {
          allianceId,
          title: input.title.trim(),
          description: input.description?.trim() || null,
          assigneeUserId: input.assigneeUserId,
          assigneeOrganisationId: assignee?.organisationId ?? null,
          dueOn: input.dueOn,
          sourceType: input.source?.type ?? null,
          sourceId: input.source?.id ?? null,
          createdBy: user.id,
          creatorOrganisationId,
        }),
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'action.created',
          objectType: 'action',
          objectId: saved.id,
          allianceId,
          organisationId: creatorOrganisationId,
          ip,
          details: { title: saved.title, dueOn: input.dueOn, assigneeUserId: input.assigneeUserId, source: input.source ?? null },
        },
        manager,
      );
      return saved;
    });
    return this.one(user, access, saved.id);
  }

  /** The one list: actions and evaluation plan actions, by due date then id (keyset cursor on both). */
  async list(user: AuthUser, allianceId: string, filter: ActionsFilter): Promise<ActionsPage> {
    const access = await this.policy.partnerReadable(user, allianceId);
    const limit = filter.limit ?? 50;
    const after = filter.cursor ? decodeKeyCursor(filter.cursor, ['string'] as const) : null;
    const afterKey = after ? { dueOn: after.keys[0], id: after.id } : null;
    const rows: ActionRow[] = await this.dataSource.query(
      `${SELECT}
        WHERE alliance_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::uuid IS NULL OR assignee_user_id = $3)
          AND ($4::text IS NULL OR source_type = $4) AND ($5::uuid IS NULL OR source_id = $5)
          AND ($6::date IS NULL OR (due_on, id) > ($6::date, $7::uuid))
        ORDER BY due_on, id LIMIT $8`,
      [
        allianceId,
        filter.status ?? null,
        filter.assignee === 'me' ? user.id : null,
        filter.sourceType ?? null,
        filter.sourceId ?? null,
        afterKey?.dueOn ?? null,
        afterKey?.id ?? null,
        limit + 1,
      ],
    );
    // The plan's actions belong to an organisation, not a person: not in "assigned to me".
    const plan =
      filter.assignee === 'me' || (filter.sourceType && filter.sourceType !== 'evaluation')
        ? []
        : (await this.evaluations.planActions(allianceId, filter.sourceType === 'evaluation' ? filter.sourceId : undefined)).filter(
            (a) =>
              (!filter.sourceId || filter.sourceType === 'evaluation' || a.campaignId === filter.sourceId) &&
              (!filter.status || (filter.status === 'done') === !!a.doneAt) &&
              (!afterKey || a.dueOn > afterKey.dueOn || (a.dueOn === afterKey.dueOn && a.id > afterKey.id)),
          );
    const merged: ({ kind: 'action'; row: ActionRow } | { kind: 'plan'; row: EvaluationPlanAction })[] = [
      ...rows.map((row) => ({ kind: 'action' as const, row })),
      ...plan.map((row) => ({ kind: 'plan' as const, row })),
    ].sort((a, b) => {
      const [da, db] = [a.kind === 'action' ? a.row.due_on : a.row.dueOn, b.kind === 'action' ? b.row.due_on : b.row.dueOn];
      return da < db ? -1 : da > db ? 1 : a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0;
    });
    const page = merged.slice(0, limit);
    const items = await this.present(
      access,
      user,
      page.filter((p) => p.kind === 'action').map((p) => p.row as ActionRow),
      page.filter((p) => p.kind === 'plan').map((p) => p.row as EvaluationPlanAction),
    );
    const order = new Map(page.map((p, i) => [p.row.id, i]));
    items.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    const last = items[items.length - 1];
    return { items, nextCursor: merged.length > limit && last ? encodeKeyCursor([last.dueOn], last.id) : null };
  }

  /** Status, title, due date or assignee; by the assignee, the lead, or a person of the organisation that created it. */
  async update(user: AuthUser, id: string, input: UpdateActionRequest, ip: string | null): Promise<AllianceAction> {
    const [row]: ActionRow[] = await this.dataSource.query(`${SELECT} WHERE id = $1`, [id]);
    if (!row) throw new NotFoundDomainException('action');
    const access = await this.policy.partnerReadable(user, row.alliance_id).catch(notFoundUnlessClosed('action'));
    if (!canEdit(access, user, row))
      throw new DomainException(
        'action.edit_forbidden',
        'Only the assignee, the lead and the creating organisation may change this action',
      );
    let assigneeOrganisationId = row.assignee_organisation_id;
    if (input.assigneeUserId && input.assigneeUserId !== row.assignee_user_id) {
      const assignee = await this.assigneeIn(row.alliance_id, input.assigneeUserId);
      if (!assignee)
        throw new InvalidInputException([
          {
            field: 'assigneeUserId',
            messages: ['must be a person of a lead or partner organisation of this alliance'],
            codes: ['notAPartnerPerson'],
          },
        ]);
      assigneeOrganisationId = assignee.organisationId;
    }
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    if (input.title !== undefined && input.title.trim() !== row.title) changes['title'] = { before: row.title, after: input.title.trim() };
    if (input.dueOn !== undefined && input.dueOn !== row.due_on) changes['dueOn'] = { before: row.due_on, after: input.dueOn };
    if (input.assigneeUserId !== undefined && input.assigneeUserId !== row.assignee_user_id)
      changes['assigneeUserId'] = { before: row.assignee_user_id, after: input.assigneeUserId };
    if (input.status !== undefined && input.status !== row.status) changes['status'] = { before: row.status, after: input.status };
    await this.dataSource.transaction(async (manager) => {
      const status = input.status ?? row.status;
      const updated = returnedRows<{ id: string }>(
        await manager.query(
          `UPDATE actions SET title = $3, due_on = $4, assignee_user_id = $5, assignee_organisation_id = $6, status = $7,
                done_at = CASE WHEN $7 = 'done' THEN coalesce(done_at, now()) END, version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2 RETURNING id`,
          [
            id,
            input.version,
            input.title?.trim() ?? row.title,
            input.dueOn ?? row.due_on,
            input.assigneeUserId ?? row.assignee_user_id,
            assigneeOrganisationId,
            status,
          ],
        ),
      );
      if (!updated.length) throw new DomainException('action.stale_version', 'This action was changed in the meantime');
      const done = changes['status']?.after === 'done';
      await this.audit.record(
        {
          actorId: user.id,
          action: done && Object.keys(changes).length === 1 ? 'action.done' : 'action.updated',
          objectType: 'action',
          objectId: id,
          allianceId: row.alliance_id,
          ip,
          details: { title: input.title?.trim() ?? row.title, changes },
        },
        manager,
      );
    });
    return this.one(user, access, id);
  }

  /**
   * A scheduled job: each open action due soon or overdue (by at most REMIND_LOOKBACK_DAYS) is recalled
   * once to its assignee, only while the organisation it was assigned through holds its seat in an open
   * alliance (as the calendar feed and the evaluation plan's reminders); returns how many.
   */
  async remindDue(): Promise<number> {
    const due: { id: string; alliance_id: string; title: string; assignee_user_id: string; assignee_organisation_id: string | null }[] =
      await this.dataSource.query(
        `SELECT id, alliance_id, title, assignee_user_id, assignee_organisation_id FROM actions
          WHERE status = 'open' AND assignee_user_id IS NOT NULL
            AND due_on <= current_date + $1::int AND due_on >= current_date - $2::int`,
        [DUE_WITHIN_DAYS, REMIND_LOOKBACK_DAYS],
      );
    const seats = await this.alliances.openSeats(due.map((a) => a.alliance_id));
    let reminded = 0;
    for (const action of due) {
      if (!action.assignee_organisation_id || !seats.has(`${action.alliance_id}|${action.assignee_organisation_id}`)) continue;
      const notified = await this.notifications.notify({
        userIds: [action.assignee_user_id],
        type: 'action_due',
        allianceId: action.alliance_id,
        excerpt: action.title,
        link: `/alliances/${action.alliance_id}/actions`,
        onceFor: action.id,
      });
      this.notifications.changed(notified);
      if (notified.length) reminded++;
    }
    return reminded;
  }

  private async one(user: AuthUser, access: AllianceAccess, id: string): Promise<AllianceAction> {
    const rows: ActionRow[] = await this.dataSource.query(`${SELECT} WHERE id = $1`, [id]);
    const [action] = await this.present(access, user, rows, []);
    return action as AllianceAction;
  }

  private async present(
    access: AllianceAccess,
    user: AuthUser,
    rows: ActionRow[],
    plan: EvaluationPlanAction[],
  ): Promise<AllianceAction[]> {
    const allianceId = access.alliance.id;
    const organisations = new Map((await this.people.organisationsOf(allianceId)).map((o) => [o.organisationId, o.organisationName]));
    const names = await this.users.displayNames(rows.map((r) => r.assignee_user_id));
    const decisionIds = rows.filter((r) => r.source_type === 'decision').map((r) => r.source_id as string);
    const decisionTitles = new Map<string, string>(
      decisionIds.length
        ? (
            (await this.dataSource.query(`SELECT id, title FROM decisions WHERE id = ANY($1::uuid[])`, [decisionIds])) as {
              id: string;
              title: string;
            }[]
          ).map((d) => [d.id, d.title])
        : [],
    );
    const campaignIds = rows.filter((r) => r.source_type === 'evaluation').map((r) => r.source_id as string);
    const campaignTitles = await this.evaluations.campaignTitles(allianceId, campaignIds);
    const meetingTitles = await this.meetings.titles(rows.filter((r) => r.source_type === 'meeting').map((r) => r.source_id as string));
    const now = today();
    const titles: Record<ActionSourceType, Map<string, string>> = {
      decision: decisionTitles,
      evaluation: campaignTitles,
      meeting: meetingTitles,
    };
    const sourceTitle = (type: ActionSourceType, sourceId: string): string | null => titles[type]?.get(sourceId) ?? null;
    const planEditable = access.canWriteCharter;
    return [
      ...rows.map((r): AllianceAction => ({
        id: r.id,
        allianceId: r.alliance_id,
        title: r.title,
        description: r.description,
        assignee: r.assignee_user_id ? { userId: r.assignee_user_id, name: names.get(r.assignee_user_id) ?? '' } : null,
        organisationId: r.assignee_organisation_id,
        organisationName: r.assignee_organisation_id ? (organisations.get(r.assignee_organisation_id) ?? null) : null,
        dueOn: r.due_on,
        status: r.status,
        overdue: r.status === 'open' && r.due_on < now,
        source:
          r.source_type && r.source_id
            ? ({ type: r.source_type, id: r.source_id, title: sourceTitle(r.source_type, r.source_id) } as ActionSource & {
                title: string | null;
              })
            : null,
        createdBy: r.created_by,
        doneAt: r.done_at ? new Date(r.done_at).toISOString() : null,
        version: r.version,
        origin: 'governance',
        canEdit: canEdit(access, user, r),
      })),
      ...plan.map((a): AllianceAction => ({
        id: a.id,
        allianceId,
        title: a.title,
        description: null,
        assignee: null,
        organisationId: a.ownerOrganisationId,
        organisationName: organisations.get(a.ownerOrganisationId) ?? null,
        dueOn: a.dueOn,
        status: a.doneAt ? 'done' : 'open',
        overdue: !a.doneAt && a.dueOn < now,
        source: { type: 'evaluation', id: a.campaignId, title: a.campaignTitle },
        createdBy: null,
        doneAt: a.doneAt ? new Date(a.doneAt).toISOString() : null,
        version: 0,
        origin: 'evaluation',
        canEdit: planEditable,
      })),
    ];
  }

  /** The assignee's lead or partner organisation in this alliance, or undefined when they hold none. */
  private async assigneeIn(allianceId: string, userId: string): Promise<AssignablePerson | undefined> {
    return (await this.people.peopleOf(allianceId)).find((p) => p.userId === userId);
  }

  private async sourceExists(allianceId: string, source: ActionSource): Promise<boolean> {
    switch (source.type) {
      case 'meeting':
        return !!(await this.meetings.meetingIn(allianceId, source.id));
      case 'decision': {
        const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM decisions WHERE id = $1 AND alliance_id = $2`, [
          source.id,
          allianceId,
        ]);
        return rows.length > 0;
      }
      case 'evaluation':
        return this.evaluations.campaignExists(allianceId, source.id);
    }
  }
}

function writerSeat(access: AllianceAccess): string | null {
  if (!access.canWriteCharter) return null;
  const seats = access.active.filter((s) => s.allianceRole === 'lead' || s.allianceRole === 'partner');
  return (seats.find((s) => s.allianceRole === 'lead') ?? seats[0])?.organisationId ?? null;
}

function canEdit(access: AllianceAccess, user: AuthUser, row: ActionRow): boolean {
  if (access.alliance.status === 'closed') return false;
  return (
    row.assignee_user_id === user.id ||
    access.active.some((s) => s.allianceRole === 'lead') ||
    (!!row.creator_organisation_id && access.active.some((s) => s.organisationId === row.creator_organisation_id))
  );
}
