import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AuditService,
  DomainException,
  InvalidInputException,
  NotFoundDomainException,
  csvDocument,
  type AuthUser,
} from '@alliances/api/core';
import { AlliancePolicy, AlliancesReader, type AllianceAccess, notFoundUnlessClosed } from '@alliances/api/alliances';
import { UsersReader } from '@alliances/api/identity';
import { NotificationsService } from '@alliances/api/notifications';
import { OrganisationsReader } from '@alliances/api/organisations';
import {
  indicatorStatus,
  objectiveStatus,
  plannedTrajectory,
  type BenefitMatrix,
  type CheckIn,
  type CollectiveObjective,
  type FieldError,
  type Indicator,
  type IndicatorDetail,
  type IndicatorStatus,
  type MagicSquare,
  type Milestone,
  type NotFoundSubject,
  type Objective,
} from '@alliances/shared/contracts';
import { randomUUID } from 'node:crypto';
import { ObjectLiteral, Repository } from 'typeorm';
import { latestCheckIn } from './latest-checkin';
import { CheckInEntity, IndicatorEntity, MilestoneEntity, ObjectiveBenefitEntity, ObjectiveEntity } from './objective.entities';
import type {
  CreateCheckInDto,
  CreateIndicatorDto,
  CreateMilestoneDto,
  CreateObjectiveDto,
  UpdateCheckInDto,
  UpdateIndicatorDto,
  UpdateMilestoneDto,
  UpdateObjectiveDto,
} from './objectives.dto';

const CHECKIN_EDIT_WINDOW_MS = 24 * 3_600_000;
const today = (): string => new Date().toISOString().slice(0, 10);
const day = (value: string | Date): string => (typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10));

@Injectable()
export class ObjectivesService {
  constructor(
    @InjectRepository(ObjectiveEntity) private readonly objectives: Repository<ObjectiveEntity>,
    @InjectRepository(ObjectiveBenefitEntity) private readonly benefits: Repository<ObjectiveBenefitEntity>,
    @InjectRepository(IndicatorEntity) private readonly indicators: Repository<IndicatorEntity>,
    @InjectRepository(CheckInEntity) private readonly checkins: Repository<CheckInEntity>,
    @InjectRepository(MilestoneEntity) private readonly milestones: Repository<MilestoneEntity>,
    private readonly policy: AlliancePolicy,
    private readonly audit: AuditService,
    private readonly alliances: AlliancesReader,
    private readonly organisations: OrganisationsReader,
    private readonly users: UsersReader,
    private readonly notifications: NotificationsService,
  ) {}

  // Access ---------------------------------------------------------------------------------------

  /** Loads an object of an alliance and the caller's access to that alliance; 404 for both "absent" and "not yours". */
  private async scoped<T extends ObjectLiteral & { allianceId: string }>(
    user: AuthUser,
    repository: Repository<T>,
    id: string,
    what: NotFoundSubject,
  ): Promise<{ row: T; access: AllianceAccess }> {
    const row = await repository.findOne({ where: { id } as never });
    if (!row) throw new NotFoundDomainException(what);
    const access = await this.policy.readable(user, row.allianceId).catch(notFoundUnlessClosed(what));
    return { row, access };
  }

  private assertContributor(access: AllianceAccess): void {
    if (!access.canWriteCharter)
      throw new DomainException(
        'objectives.partner_required',
        'Only the lead and partner organisations of an open alliance may change objectives',
      );
  }

  private async assertOwnerInAlliance(allianceId: string, organisationId: string, field: string): Promise<void> {
    if (!(await this.alliances.isActiveMember(allianceId, organisationId)))
      throw new InvalidInputException([{ field, messages: ['must be an organisation of this alliance'], codes: ['notInAlliance'] }]);
  }

  private checkIndicator(values: { baseline: number; target: number; startDate: string; targetDate: string }): void {
    const errors: FieldError[] = [];
    if (values.target === values.baseline)
      errors.push({ field: 'target', messages: ['target must differ from baseline'], codes: ['targetEqualsBaseline'] });
    if (Date.parse(values.targetDate) <= Date.parse(values.startDate))
      errors.push({ field: 'targetDate', messages: ['targetDate must be after startDate'], codes: ['targetDateBeforeStart'] });
    if (errors.length) throw new InvalidInputException(errors);
  }

  /**
   * Optimistic concurrency: an edit naming the version it read is a conditional UPDATE on that version,
   * so of two writers racing from the same version exactly one wins and the other gets 409.
   */
  private async versionedUpdate(
    repository: Repository<ObjectiveEntity> | Repository<IndicatorEntity>,
    id: string,
    patch: object,
    version: number | undefined,
    what: 'objective' | 'indicator',
  ): Promise<void> {
    if (!Object.keys(patch).length && version === undefined) return;
    const result = await repository.manager
      .createQueryBuilder()
      .update(repository.target)
      .set({ ...patch, version: () => 'version + 1' })
      .where(version === undefined ? 'id = :id' : 'id = :id AND version = :version', { id, version })
      .execute();
    if (!result.affected)
      throw new DomainException(`${what}.stale_version`, `Someone changed this ${what} meanwhile: reload and try again`);
  }

  // Objectives -----------------------------------------------------------------------------------

  async create(user: AuthUser, allianceId: string, input: CreateObjectiveDto, ip: string | null): Promise<Objective> {
    const access = await this.policy.readable(user, allianceId);
    this.assertContributor(access);
    const saved = await this.objectives.save(
      this.objectives.create({
        allianceId,
        title: input.title.trim(),
        collectiveObjective: input.collectiveObjective,
        description: input.description.trim(),
        createdBy: user.id,
      }),
    );
    await this.audit.record({ actorId: user.id, action: 'objective.created', objectType: 'objective', objectId: saved.id, allianceId, ip });
    return (await this.list(user, allianceId, [saved.id]))[0];
  }

  async update(user: AuthUser, id: string, input: UpdateObjectiveDto, ip: string | null): Promise<Objective> {
    const { row, access } = await this.scoped(user, this.objectives, id, 'objective');
    this.assertContributor(access);
    const patch: Partial<ObjectiveEntity> = {};
    if (input.title !== undefined) patch.title = input.title.trim();
    if (input.collectiveObjective !== undefined) patch.collectiveObjective = input.collectiveObjective;
    if (input.description !== undefined) patch.description = input.description.trim();
    await this.versionedUpdate(this.objectives, id, patch, input.version, 'objective');
    await this.audit.record({
      actorId: user.id,
      action: 'objective.updated',
      objectType: 'objective',
      objectId: id,
      allianceId: row.allianceId,
      ip,
    });
    return (await this.list(user, row.allianceId, [id]))[0];
  }

  /** Objectives with their indicators (progress and status computed now), milestones and benefits. */
  async list(user: AuthUser, allianceId: string, only?: string[]): Promise<Objective[]> {
    await this.policy.readable(user, allianceId);
    const objectives = await this.objectives.find({ where: { allianceId }, order: { createdAt: 'ASC' } });
    const wanted = only ? objectives.filter((o) => only.includes(o.id)) : objectives;
    if (!wanted.length) return [];
    const ids = wanted.map((o) => o.id);
    const [indicators, { milestones, benefits }] = await Promise.all([
      this.indicatorsOf(allianceId, ids),
      this.milestonesAndBenefitsOf(ids),
    ]);
    const now = today();
    return wanted.map((o) => {
      const own = indicators.filter((i) => i.objectiveId === o.id);
      const measured = own.filter((i) => i.progress !== null);
      return {
        id: o.id,
        allianceId: o.allianceId,
        title: o.title,
        collectiveObjective: o.collectiveObjective as CollectiveObjective,
        description: o.description,
        indicators: own,
        milestones: milestones.filter((m) => m.objectiveId === o.id).map((m) => this.toMilestone(m, now)),
        progress: measured.length
          ? measured.reduce((sum, i) => sum + Math.min(1, Math.max(0, i.progress as number)), 0) / measured.length
          : null,
        status: objectiveStatus(own.map((i) => i.status)),
        benefits: benefits.filter((b) => b.objectiveId === o.id).map((b) => ({ organisationId: b.organisationId, squares: b.squares })),
        version: o.version,
        createdAt: o.createdAt.toISOString(),
      };
    });
  }

  /** Milestones (by due date) and benefits of the objectives, in one statement (a round trip less on the board). */
  private async milestonesAndBenefitsOf(
    ids: string[],
  ): Promise<{ milestones: MilestoneEntity[]; benefits: { objectiveId: string; organisationId: string; squares: MagicSquare[] }[] }> {
    const [row]: { milestones: MilestoneJson[]; benefits: { objective_id: string; organisation_id: string; squares: MagicSquare[] }[] }[] =
      await this.milestones.query(
        `SELECT
         (SELECT coalesce(json_agg(m ORDER BY m.due_date, m.created_at), '[]'::json)
            FROM (SELECT id, objective_id, alliance_id, title, owner_organisation_id, due_date::text AS due_date, done_at, created_at FROM milestones WHERE objective_id = ANY($1)) m) AS milestones,
         (SELECT coalesce(json_agg(b), '[]'::json)
            FROM (SELECT objective_id, organisation_id, squares FROM objective_benefits WHERE objective_id = ANY($1)) b) AS benefits`,
        [ids],
      );
    return {
      milestones: row.milestones.map((m) =>
        Object.assign(new MilestoneEntity(), {
          id: m.id,
          objectiveId: m.objective_id,
          allianceId: m.alliance_id,
          title: m.title,
          ownerOrganisationId: m.owner_organisation_id,
          dueDate: m.due_date,
          doneAt: m.done_at ? new Date(m.done_at) : null,
          createdAt: new Date(m.created_at),
        }),
      ),
      benefits: row.benefits.map((b) => ({ objectiveId: b.objective_id, organisationId: b.organisation_id, squares: b.squares })),
    };
  }

  private toMilestone(m: MilestoneEntity, now: string): Milestone {
    return {
      id: m.id,
      objectiveId: m.objectiveId,
      title: m.title,
      ownerOrganisationId: m.ownerOrganisationId,
      dueDate: day(m.dueDate),
      done: !!m.doneAt,
      doneAt: m.doneAt?.toISOString() ?? null,
      overdue: !m.doneAt && day(m.dueDate) < now,
    };
  }

  /** Indicators with their latest check-in (by measurement date, then entry time), in one query. */
  private async indicatorsOf(allianceId: string, objectiveIds?: string[], indicatorId?: string): Promise<Indicator[]> {
    const found: (IndicatorRow & { latest_value: number | null; latest_date: string | null })[] = await this.indicators.query(
      `SELECT i.*, c.value AS latest_value, c.date::text AS latest_date
         FROM indicators i
         ${latestCheckIn('i', 'c')}
        WHERE i.alliance_id = $1 ${objectiveIds ? 'AND i.objective_id = ANY($2::uuid[])' : ''} ${indicatorId ? 'AND i.id = $2' : ''}
        ORDER BY i.created_at`,
      objectiveIds ? [allianceId, objectiveIds] : indicatorId ? [allianceId, indicatorId] : [allianceId],
    );
    // The owners' names in one more statement (organisations own them); an owner the caller cannot see drops its indicator, as the join did.
    const names = new Map((await this.organisations.names(found.map((r) => r.owner_organisation_id))).map((o) => [o.id, o.name]));
    const rows = found
      .filter((r) => names.has(r.owner_organisation_id))
      .map((r) => ({ ...r, owner_name: names.get(r.owner_organisation_id) as string }));
    const now = today();
    return rows.map((r) => {
      const indicator = {
        baseline: Number(r.baseline),
        target: Number(r.target),
        startDate: day(r.start_date),
        targetDate: day(r.target_date),
      };
      const latest = r.latest_value === null ? null : Number(r.latest_value);
      return {
        id: r.id,
        objectiveId: r.objective_id,
        name: r.name,
        unit: r.unit,
        ...indicator,
        direction: r.direction,
        ownerOrganisationId: r.owner_organisation_id,
        ownerOrganisationName: r.owner_name,
        latest: latest === null ? null : { value: latest, date: day(r.latest_date as string) },
        ...indicatorStatus(indicator, latest, now),
        version: r.version,
      };
    });
  }

  // Indicators -----------------------------------------------------------------------------------

  async addIndicator(user: AuthUser, objectiveId: string, input: CreateIndicatorDto, ip: string | null): Promise<Indicator> {
    const { row, access } = await this.scoped(user, this.objectives, objectiveId, 'objective');
    this.assertContributor(access);
    this.checkIndicator(input);
    await this.assertOwnerInAlliance(row.allianceId, input.ownerOrganisationId, 'ownerOrganisationId');
    const saved = await this.indicators.save(
      this.indicators.create({ ...input, name: input.name.trim(), unit: input.unit.trim(), objectiveId, allianceId: row.allianceId }),
    );
    await this.audit.record({
      actorId: user.id,
      action: 'indicator.created',
      objectType: 'indicator',
      objectId: saved.id,
      allianceId: row.allianceId,
      ip,
    });
    return (await this.indicatorsOf(row.allianceId, undefined, saved.id))[0];
  }

  async updateIndicator(user: AuthUser, id: string, input: UpdateIndicatorDto, ip: string | null): Promise<Indicator> {
    const { row, access } = await this.scoped(user, this.indicators, id, 'indicator');
    this.assertContributor(access);
    const merged = {
      baseline: input.baseline ?? row.baseline,
      target: input.target ?? row.target,
      startDate: input.startDate ?? day(row.startDate),
      targetDate: input.targetDate ?? day(row.targetDate),
    };
    this.checkIndicator(merged);
    if (input.ownerOrganisationId) await this.assertOwnerInAlliance(row.allianceId, input.ownerOrganisationId, 'ownerOrganisationId');
    const { version, ...changes } = input;
    const patch = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    await this.versionedUpdate(this.indicators, id, patch, version, 'indicator');
    await this.audit.record({
      actorId: user.id,
      action: 'indicator.updated',
      objectType: 'indicator',
      objectId: id,
      allianceId: row.allianceId,
      ip,
      details: { fields: Object.keys(patch) },
    });
    return (await this.indicatorsOf(row.allianceId, undefined, id))[0];
  }

  async indicator(user: AuthUser, id: string): Promise<IndicatorDetail> {
    const { row, access } = await this.scoped(user, this.indicators, id, 'indicator');
    const [indicator] = await this.indicatorsOf(row.allianceId, undefined, id);
    const checkIns = await this.checkInsOf(id, access);
    return { ...indicator, checkIns, planned: plannedTrajectory(indicator) };
  }

  /** A funder sees the measured values, not the notes the partners wrote beside them (docs/domain.md "Visibility"). */
  private async checkInsOf(indicatorId: string, access: AllianceAccess): Promise<CheckIn[]> {
    const rows: CheckInRow[] = await this.checkins.query(
      `SELECT c.*, c.date::text AS date FROM checkins c
        WHERE c.indicator_id = $1 ORDER BY c.date DESC, c.created_at DESC`,
      [indicatorId],
    );
    const names = await this.users.displayNames(rows.map((r) => r.author_id));
    return rows.map((r) =>
      this.toCheckIn(noteReadable(r, access) ? r : { ...r, note: null }, (r.author_id && names.get(r.author_id)) ?? null),
    );
  }

  /** Every check-in of an alliance by indicator, newest first, as checkInsOf gives them one indicator at a time. */
  private async checkInsOfAlliance(allianceId: string, access: AllianceAccess): Promise<Map<string, CheckIn[]>> {
    const rows: CheckInRow[] = await this.checkins.query(
      `SELECT c.*, c.date::text AS date FROM checkins c
        WHERE c.alliance_id = $1 ORDER BY c.indicator_id, c.date DESC, c.created_at DESC`,
      [allianceId],
    );
    const names = await this.users.displayNames(rows.map((r) => r.author_id));
    const byIndicator = new Map<string, CheckIn[]>();
    for (const r of rows) {
      const list = byIndicator.get(r.indicator_id) ?? [];
      list.push(this.toCheckIn(noteReadable(r, access) ? r : { ...r, note: null }, (r.author_id && names.get(r.author_id)) ?? null));
      byIndicator.set(r.indicator_id, list);
    }
    return byIndicator;
  }

  /** The organisation a private note belongs to: the author's first contributing seat in the alliance. */
  private noteOrganisation(access: AllianceAccess, notePrivate: boolean | undefined): string | null {
    if (!notePrivate) return null;
    return access.active.find((s) => s.allianceRole === 'lead' || s.allianceRole === 'partner')?.organisationId ?? null;
  }

  private toCheckIn(r: CheckInRow, displayName: string | null): CheckIn {
    const created = new Date(r.created_at);
    return {
      id: r.id,
      indicatorId: r.indicator_id,
      value: Number(r.value),
      date: day(r.date),
      note: r.note,
      notePrivate: !!r.note_organisation_id,
      confidence: r.confidence,
      author: { id: r.author_id, displayName: displayName || null },
      createdAt: created.toISOString(),
      editableUntil: new Date(created.getTime() + CHECKIN_EDIT_WINDOW_MS).toISOString(),
    };
  }

  // Check-ins ------------------------------------------------------------------------------------

  /** Records a check-in; the same client id again returns the original (`created: false`), never a second row. */
  async checkIn(
    user: AuthUser,
    indicatorId: string,
    input: CreateCheckInDto,
    ip: string | null,
  ): Promise<{ checkIn: CheckIn; created: boolean }> {
    const { row, access } = await this.scoped(user, this.indicators, indicatorId, 'indicator');
    this.assertContributor(access);
    const id = input.id ?? randomUUID();
    const before = (await this.indicatorsOf(row.allianceId, undefined, indicatorId))[0]?.status;
    const inserted: { id: string }[] = await this.checkins.query(
      `INSERT INTO checkins (id, indicator_id, alliance_id, value, date, note, note_organisation_id, confidence, author_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        id,
        indicatorId,
        row.allianceId,
        input.value,
        input.date,
        input.note?.trim() || null,
        this.noteOrganisation(access, input.notePrivate),
        input.confidence ?? null,
        user.id,
      ],
    );
    const stored: CheckInRow[] = await this.checkins.query('SELECT *, date::text AS date FROM checkins WHERE id = $1', [id]);
    const existing = stored[0];
    if (!inserted.length && (existing.indicator_id !== indicatorId || existing.author_id !== user.id)) {
      throw new DomainException('checkin.id_conflict', 'This id is already used by another check-in');
    }
    if (inserted.length)
      await this.audit.record({
        actorId: user.id,
        action: 'checkin.created',
        objectType: 'checkin',
        objectId: id,
        allianceId: row.allianceId,
        ip,
        details: { indicatorId, value: input.value },
      });
    if (inserted.length) await this.notifyTurnedAtRisk(user, row.allianceId, indicatorId, before);
    return { checkIn: this.toCheckIn(existing, user.displayName), created: inserted.length > 0 };
  }

  /** An indicator whose status this check-in turned to at risk or off track: the people of the lead and partner organisations are told. */
  private async notifyTurnedAtRisk(
    user: AuthUser,
    allianceId: string,
    indicatorId: string,
    before: IndicatorStatus | undefined,
  ): Promise<void> {
    const after = (await this.indicatorsOf(allianceId, undefined, indicatorId))[0];
    if (!after || after.status === before || (after.status !== 'at_risk' && after.status !== 'off_track')) return;
    const members = await this.alliances.activeMembers(allianceId, ['lead', 'partner']);
    const people = await this.organisations.memberRoles(members.map((m) => m.organisationId));
    const notified = await this.notifications.notify({
      userIds: people.map((p) => p.user_id),
      type: 'indicator_at_risk',
      allianceId,
      actorId: user.id,
      excerpt: after.name,
      link: `/alliances/${allianceId}/indicators/${indicatorId}`,
    });
    this.notifications.changed(notified);
  }

  /** Its author corrects a check-in within 24 hours; after that, corrections are new check-ins. */
  async updateCheckIn(user: AuthUser, id: string, input: UpdateCheckInDto, ip: string | null): Promise<CheckIn> {
    const { row, access } = await this.scoped(user, this.checkins, id, 'checkin');
    if (row.authorId !== user.id) throw new DomainException('checkin.author_only', 'Only the author may correct a check-in');
    if (Date.now() - row.createdAt.getTime() > CHECKIN_EDIT_WINDOW_MS) {
      throw new DomainException('checkin.immutable', 'A check-in can be corrected for 24 hours; record a new one instead');
    }
    const { notePrivate, ...fields } = input;
    const patch: Partial<CheckInEntity> = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    if (notePrivate !== undefined) patch.noteOrganisationId = this.noteOrganisation(access, notePrivate);
    if (Object.keys(patch).length) await this.checkins.update(id, patch);
    await this.audit.record({
      actorId: user.id,
      action: 'checkin.corrected',
      objectType: 'checkin',
      objectId: id,
      allianceId: row.allianceId,
      ip,
    });
    const stored: CheckInRow[] = await this.checkins.query('SELECT *, date::text AS date FROM checkins WHERE id = $1', [id]);
    return this.toCheckIn(stored[0], user.displayName);
  }

  // Milestones -----------------------------------------------------------------------------------

  async addMilestone(user: AuthUser, objectiveId: string, input: CreateMilestoneDto, ip: string | null): Promise<Milestone> {
    const { row, access } = await this.scoped(user, this.objectives, objectiveId, 'objective');
    this.assertContributor(access);
    await this.assertOwnerInAlliance(row.allianceId, input.ownerOrganisationId, 'ownerOrganisationId');
    const saved = await this.milestones.save(
      this.milestones.create({ ...input, title: input.title.trim(), objectiveId, allianceId: row.allianceId }),
    );
    await this.audit.record({
      actorId: user.id,
      action: 'milestone.created',
      objectType: 'milestone',
      objectId: saved.id,
      allianceId: row.allianceId,
      ip,
    });
    return this.toMilestone(saved, today());
  }

  async updateMilestone(user: AuthUser, id: string, input: UpdateMilestoneDto, ip: string | null): Promise<Milestone> {
    const { row, access } = await this.scoped(user, this.milestones, id, 'milestone');
    this.assertContributor(access);
    if (input.ownerOrganisationId) await this.assertOwnerInAlliance(row.allianceId, input.ownerOrganisationId, 'ownerOrganisationId');
    const patch: Partial<MilestoneEntity> = {};
    if (input.title !== undefined) patch.title = input.title.trim();
    if (input.ownerOrganisationId !== undefined) patch.ownerOrganisationId = input.ownerOrganisationId;
    if (input.dueDate !== undefined) patch.dueDate = input.dueDate;
    if (input.done !== undefined) patch.doneAt = input.done ? (row.doneAt ?? new Date()) : null;
    if (Object.keys(patch).length) await this.milestones.update(id, patch);
    await this.audit.record({
      actorId: user.id,
      action: input.done ? 'milestone.done' : 'milestone.updated',
      objectType: 'milestone',
      objectId: id,
      allianceId: row.allianceId,
      ip,
    });
    return this.toMilestone((await this.milestones.findOneByOrFail({ id })) as MilestoneEntity, today());
  }

  // Mutual-benefit matrix ------------------------------------------------------------------------

  /** A partner records which part of its own magic square an objective serves. */
  async setBenefit(
    user: AuthUser,
    objectiveId: string,
    organisationId: string,
    squares: MagicSquare[],
    ip: string | null,
  ): Promise<Objective> {
    const { row, access } = await this.scoped(user, this.objectives, objectiveId, 'objective');
    this.assertContributor(access);
    if (!access.active.some((s) => s.organisationId === organisationId)) {
      throw new DomainException('objectives.own_organisation_only', 'You record the benefit of your own organisation only');
    }
    if (squares.length) {
      await this.benefits.query(
        `INSERT INTO objective_benefits (objective_id, organisation_id, squares) VALUES ($1, $2, $3)
         ON CONFLICT (objective_id, organisation_id) DO UPDATE SET squares = EXCLUDED.squares`,
        [objectiveId, organisationId, squares],
      );
    } else {
      await this.benefits.delete({ objectiveId, organisationId });
    }
    await this.audit.record({
      actorId: user.id,
      action: 'objective.benefit_set',
      objectType: 'objective',
      objectId: objectiveId,
      organisationId,
      allianceId: row.allianceId,
      ip,
      details: { squares },
    });
    return (await this.list(user, row.allianceId, [objectiveId]))[0];
  }

  async matrix(user: AuthUser, allianceId: string): Promise<BenefitMatrix> {
    await this.policy.readable(user, allianceId);
    // The lead and partners, by role then name: the alliance's members, then their names (ordered by name) from the organisations' reader.
    const members = await this.alliances.activeMembers(allianceId, ['lead', 'partner']);
    const roles = new Map(members.map((m) => [m.organisationId, m.role as string]));
    const partners: { organisation_id: string; name: string; role: string }[] = (
      await this.organisations.names(members.map((m) => m.organisationId))
    )
      .map((o) => ({ organisation_id: o.id, name: o.name, role: roles.get(o.id) as string }))
      .sort((a, b) => (a.role === b.role ? 0 : a.role < b.role ? -1 : 1));
    const objectives = await this.objectives.find({ where: { allianceId }, order: { createdAt: 'ASC' } });
    const benefits = objectives.length
      ? await this.benefits
          .createQueryBuilder('b')
          .where('b.objectiveId = ANY(:ids)', { ids: objectives.map((o) => o.id) })
          .getMany()
      : [];
    const cells: BenefitMatrix['cells'] = {};
    for (const o of objectives) cells[o.id] = {};
    for (const b of benefits) cells[b.objectiveId][b.organisationId] = b.squares;
    const served = new Set(benefits.filter((b) => b.squares.length).map((b) => b.organisationId));
    return {
      partners: partners.map((p) => ({ organisationId: p.organisation_id, organisationName: p.name, role: p.role })),
      objectives: objectives.map((o) => ({ id: o.id, title: o.title, collectiveObjective: o.collectiveObjective })),
      cells,
      partnersWithoutBenefit: partners.filter((p) => !served.has(p.organisation_id)).map((p) => p.organisation_id),
    };
  }

  // Export ---------------------------------------------------------------------------------------

  /** Indicators and every check-in, one line per check-in (indicators without any get one line). */
  async exportCsv(user: AuthUser, allianceId: string): Promise<string> {
    const access = await this.policy.readable(user, allianceId);
    const objectives = await this.list(user, allianceId);
    // Every check-in of the alliance in one statement, not one per indicator.
    const checkInsByIndicator = await this.checkInsOfAlliance(allianceId, access);
    const header = [
      'objective',
      'collective_objective',
      'indicator',
      'unit',
      'direction',
      'baseline',
      'target',
      'start_date',
      'target_date',
      'owner',
      'status',
      'progress',
      'checkin_date',
      'value',
      'confidence',
      'note',
      'author',
    ];
    const lines: (string | number)[][] = [header];
    for (const o of objectives) {
      for (const i of o.indicators) {
        const base = [
          o.title,
          o.collectiveObjective,
          i.name,
          i.unit,
          i.direction,
          i.baseline,
          i.target,
          i.startDate,
          i.targetDate,
          i.ownerOrganisationName,
          i.status,
          i.progress ?? '',
        ];
        const checkIns = checkInsByIndicator.get(i.id) ?? [];
        if (!checkIns.length) lines.push([...base, '', '', '', '', '']);
        for (const c of [...checkIns].reverse())
          lines.push([...base, c.date, c.value, c.confidence ?? '', c.note ?? '', c.author.displayName ?? '']);
      }
    }
    return csvDocument(lines);
  }
}

interface IndicatorRow {
  id: string;
  version: number;
  objective_id: string;
  alliance_id: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  start_date: string | Date;
  target_date: string | Date;
  direction: 'increase' | 'decrease';
  owner_organisation_id: string;
}

interface MilestoneJson {
  id: string;
  objective_id: string;
  alliance_id: string;
  title: string;
  owner_organisation_id: string;
  due_date: string;
  done_at: string | null;
  created_at: string;
}

interface CheckInRow {
  id: string;
  indicator_id: string;
  alliance_id: string;
  value: number;
  date: string;
  note: string | null;
  note_organisation_id: string | null;
  confidence: number | null;
  author_id: string | null;
  created_at: Date;
}

/** Funders never read the partners' notes; a private note stays with its organisation's members. */
function noteReadable(r: CheckInRow, access: AllianceAccess): boolean {
  if (access.funderOnly) return false;
  return !r.note_organisation_id || access.active.some((s) => s.organisationId === r.note_organisation_id);
}
