import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { AuditService, DomainException, InvalidInputException, NotFoundDomainException, type AuthUser } from '@alliances/api/core';
import { AlliancePolicy, AlliancesReader, notFoundUnlessClosed, type AllianceAccess } from '@alliances/api/alliances';
import { UsersReader } from '@alliances/api/identity';
import { fragmentToMarkdown } from '@alliances/api/live-docs';
import { NotificationsService } from '@alliances/api/notifications';
import { OrganisationsReader } from '@alliances/api/organisations';
import {
  MINUTES_FRAGMENT,
  type AllianceRole,
  type FieldError,
  type Meeting,
  type MeetingList,
  type MeetingPerson,
  type Minutes,
} from '@alliances/shared/contracts';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { MeetingEntity, MeetingInviteeEntity, MinutesApprovalEntity, MinutesVersionEntity } from './meeting.entities';
import type { ApproveMinutesDto, CreateMeetingDto, SetAttendanceDto, UpdateMeetingDto } from './meetings.dto';
import { MinutesDocs, MinutesStore } from './minutes-live';

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The frozen text of the minutes: the fragment's Markdown, trimmed, with one final newline. */
export const minutesText = (doc: { getXmlFragment(name: string): import('yjs').XmlFragment }): string =>
  `${fragmentToMarkdown(doc.getXmlFragment(MINUTES_FRAGMENT)).trim()}\n`;

const WRITERS: AllianceRole[] = ['lead', 'partner'];
const INVITABLE: AllianceRole[] = ['lead', 'partner', 'observer'];

type Ip = string | null;

@Injectable()
export class MeetingsService {
  constructor(
    @InjectRepository(MeetingEntity) private readonly meetings: Repository<MeetingEntity>,
    @InjectRepository(MeetingInviteeEntity) private readonly invitees: Repository<MeetingInviteeEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AlliancePolicy,
    private readonly audit: AuditService,
    private readonly alliances: AlliancesReader,
    private readonly organisations: OrganisationsReader,
    private readonly users: UsersReader,
    private readonly docs: MinutesDocs,
    private readonly store: MinutesStore,
    private readonly notifications: NotificationsService,
  ) {}

  // Access ---------------------------------------------------------------------------------------

  /** Meetings are the partners' work: outsiders and funders get 404 for the meeting, whatever the id. */
  async scoped(user: AuthUser, meetingId: string): Promise<{ meeting: MeetingEntity; access: AllianceAccess }> {
    const meeting = await this.meetings.findOne({ where: { id: meetingId } });
    if (!meeting) throw new NotFoundDomainException('meeting');
    const access = await this.policy.partnerReadable(user, meeting.allianceId).catch(notFoundUnlessClosed('meeting'));
    return { meeting, access };
  }

  private assertWriter(access: AllianceAccess): void {
    if (!access.canWriteCharter)
      throw new DomainException('meetings.partner_required', 'Only the lead and partner organisations of an open alliance may do this');
  }

  private assertScheduled(meeting: MeetingEntity): void {
    if (meeting.status === 'cancelled') throw new DomainException('meeting.cancelled', 'This meeting is cancelled');
  }

  private checkTimes(startsAt: string | Date, endsAt: string | Date, errors: FieldError[]): void {
    if (new Date(endsAt).getTime() <= new Date(startsAt).getTime())
      errors.push({ field: 'endsAt', messages: ['endsAt must be after startsAt'], codes: ['endsBeforeStart'] });
  }

  /** The organisations that may be invited (active leads, partners and observers) and those invited by default. */
  private async invitable(allianceId: string): Promise<Map<string, AllianceRole>> {
    const members = await this.alliances.activeMembers(allianceId, INVITABLE);
    return new Map(members.map((m) => [m.organisationId, m.role]));
  }

  private async checkInvited(allianceId: string, ids: string[], errors: FieldError[]): Promise<void> {
    const members = await this.invitable(allianceId);
    ids.forEach((id, i) => {
      if (!members.has(id))
        errors.push({
          field: `invitedOrganisationIds.${i}`,
          messages: ['must be a lead, partner or observer organisation of this alliance'],
          codes: ['notInAlliance'],
        });
    });
  }

  // Meetings -------------------------------------------------------------------------------------

  async create(user: AuthUser, allianceId: string, input: CreateMeetingDto, ip: Ip): Promise<Meeting> {
    const access = await this.policy.partnerReadable(user, allianceId);
    this.assertWriter(access);
    const errors: FieldError[] = [];
    this.checkTimes(input.startsAt, input.endsAt, errors);
    let invited = input.invitedOrganisationIds;
    if (invited) await this.checkInvited(allianceId, invited, errors);
    if (errors.length) throw new InvalidInputException(errors);
    if (!invited) invited = [...(await this.invitable(allianceId)).entries()].filter(([, r]) => WRITERS.includes(r)).map(([id]) => id);
    // The people of the invited organisations hear of it (notification preferences, kind `meeting_scheduled`).
    const people = [...new Set((await this.organisations.members(invited)).map((m) => m.user_id))];
    let notified: string[] = [];
    const id = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(MeetingEntity, {
          allianceId,
          title: input.title,
          startsAt: new Date(input.startsAt),
          endsAt: new Date(input.endsAt),
          location: input.location || null,
          videoUrl: input.videoUrl || null,
          agenda: input.agenda.map((a) => ({ title: a.title, ...(a.notes ? { notes: a.notes } : {}) })),
          createdBy: user.id,
        }),
      );
      if (invited.length)
        await manager.insert(
          MeetingInviteeEntity,
          invited.map((organisationId) => ({ meetingId: saved.id, organisationId, allianceId })),
        );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'meeting.scheduled',
          objectType: 'meeting',
          objectId: saved.id,
          allianceId,
          ip,
          details: { title: saved.title, startsAt: saved.startsAt.toISOString() },
        },
        manager,
      );
      notified = await this.notifications.notify(
        {
          userIds: people,
          type: 'meeting_scheduled',
          allianceId,
          actorId: user.id,
          excerpt: `${saved.title} — ${saved.startsAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
          link: `/alliances/${allianceId}/meetings/${saved.id}`,
        },
        manager,
      );
      return saved.id;
    });
    this.notifications.changed(notified);
    return this.get(user, id);
  }

  async list(user: AuthUser, allianceId: string): Promise<MeetingList> {
    const access = await this.policy.partnerReadable(user, allianceId);
    const rows = await this.meetings.find({ where: { allianceId }, order: { startsAt: 'ASC' } });
    const views = await this.views(user, access, rows);
    const now = Date.now();
    return {
      upcoming: views.filter((m) => Date.parse(m.endsAt) >= now),
      past: views.filter((m) => Date.parse(m.endsAt) < now).reverse(),
    };
  }

  async get(user: AuthUser, meetingId: string): Promise<Meeting> {
    const { meeting, access } = await this.scoped(user, meetingId);
    return (await this.views(user, access, [meeting]))[0];
  }

  async update(user: AuthUser, meetingId: string, input: UpdateMeetingDto, ip: Ip): Promise<Meeting> {
    const { meeting, access } = await this.scoped(user, meetingId);
    this.assertWriter(access);
    this.assertScheduled(meeting);
    const errors: FieldError[] = [];
    this.checkTimes(input.startsAt ?? meeting.startsAt, input.endsAt ?? meeting.endsAt, errors);
    if (input.invitedOrganisationIds) await this.checkInvited(meeting.allianceId, input.invitedOrganisationIds, errors);
    if (errors.length) throw new InvalidInputException(errors);
    const patch: Partial<MeetingEntity> = {};
    if (input.title !== undefined) patch.title = input.title;
    if (input.startsAt !== undefined) patch.startsAt = new Date(input.startsAt);
    if (input.endsAt !== undefined) patch.endsAt = new Date(input.endsAt);
    if (input.location !== undefined) patch.location = input.location || null;
    if (input.videoUrl !== undefined) patch.videoUrl = input.videoUrl || null;
    if (input.agenda !== undefined) patch.agenda = input.agenda.map((a) => ({ title: a.title, ...(a.notes ? { notes: a.notes } : {}) }));
    const changed = Object.keys(patch).filter(
      (k) => JSON.stringify(patch[k as keyof MeetingEntity]) !== JSON.stringify(meeting[k as keyof MeetingEntity]),
    );
    await this.dataSource
      .transaction(async (manager) => {
        const result = await manager
          .createQueryBuilder()
          .update(MeetingEntity)
          .set({ ...patch, version: () => 'version + 1', updatedAt: () => 'now()' })
          .where(input.version === undefined ? 'id = :id' : 'id = :id AND version = :version', { id: meeting.id, version: input.version })
          .andWhere("status = 'scheduled'")
          .execute();
        if (!result.affected)
          throw new DomainException('meeting.stale_version', 'Someone changed this meeting meanwhile: reload and try again');
        if (input.invitedOrganisationIds) {
          const wanted = new Set(input.invitedOrganisationIds);
          const current = await manager.find(MeetingInviteeEntity, { where: { meetingId: meeting.id } });
          const gone = current.filter((c) => !wanted.has(c.organisationId)).map((c) => c.organisationId);
          const added = [...wanted].filter((o) => !current.some((c) => c.organisationId === o));
          if (gone.length) await manager.delete(MeetingInviteeEntity, { meetingId: meeting.id, organisationId: In(gone) });
          if (added.length)
            await manager.insert(
              MeetingInviteeEntity,
              added.map((organisationId) => ({ meetingId: meeting.id, organisationId, allianceId: meeting.allianceId })),
            );
          if (gone.length || added.length) changed.push('invitedOrganisationIds');
          // An organisation no longer invited may have been the last one awaited: the minutes may be approved now.
          if (gone.length) await this.completeIfApproved(manager, meeting.id, user.id, ip);
        }
        await this.audit.record(
          {
            actorId: user.id,
            action: 'meeting.updated',
            objectType: 'meeting',
            objectId: meeting.id,
            allianceId: meeting.allianceId,
            ip,
            details: { title: patch.title ?? meeting.title, fields: changed },
          },
          manager,
        );
      })
      .catch((error: unknown) => {
        // Without a `version`, two PATCHes may each move one end past the other's: the table's check answers.
        const driver = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
        if (driver?.code === '23514' && driver.constraint === 'meetings_times_check')
          throw new InvalidInputException([
            { field: 'endsAt', messages: ['endsAt must be after startsAt'], codes: ['endsBeforeStart'] },
            { field: 'startsAt', messages: ['startsAt must be before endsAt'], codes: ['endsBeforeStart'] },
          ]);
        throw error;
      });
    return this.get(user, meeting.id);
  }

  async cancel(user: AuthUser, meetingId: string, ip: Ip): Promise<Meeting> {
    const { meeting, access } = await this.scoped(user, meetingId);
    this.assertWriter(access);
    this.assertScheduled(meeting);
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.update(
        MeetingEntity,
        { id: meeting.id, status: 'scheduled' },
        { status: 'cancelled', version: () => 'version + 1', updatedAt: () => 'now()' },
      );
      if (!result.affected) throw new DomainException('meeting.cancelled', 'This meeting is cancelled');
      await this.audit.record(
        {
          actorId: user.id,
          action: 'meeting.cancelled',
          objectType: 'meeting',
          objectId: meeting.id,
          allianceId: meeting.allianceId,
          ip,
          details: { title: meeting.title },
        },
        manager,
      );
    });
    return this.get(user, meeting.id);
  }

  // Attendance -----------------------------------------------------------------------------------

  async setAttendance(user: AuthUser, meetingId: string, input: SetAttendanceDto, ip: Ip): Promise<Meeting> {
    const { meeting, access } = await this.scoped(user, meetingId);
    if (!access.active.some((s) => s.organisationId === input.organisationId))
      throw new DomainException('meetings.not_representative', 'Only a person of this organisation may do this for it');
    this.assertScheduled(meeting);
    const invitee = await this.invitees.findOne({ where: { meetingId: meeting.id, organisationId: input.organisationId } });
    if (!invitee)
      throw new InvalidInputException([
        { field: 'organisationId', messages: ['this organisation is not invited to the meeting'], codes: ['notInvited'] },
      ]);
    const people = new Set((await this.organisations.members([input.organisationId])).map((m) => m.user_id));
    const errors: FieldError[] = input.present
      .map((userId, i) => ({ userId, i }))
      .filter(({ userId }) => !people.has(userId))
      .map(({ i }) => ({ field: `present.${i}`, messages: ['not a person of this organisation'], codes: ['notInOrganisation'] }));
    if (errors.length) throw new InvalidInputException(errors);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        MeetingInviteeEntity,
        { meetingId: meeting.id, organisationId: input.organisationId },
        { present: input.present, attendanceSetBy: user.id, attendanceSetAt: () => 'now()' },
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'meeting.attendance_recorded',
          objectType: 'meeting',
          objectId: meeting.id,
          organisationId: input.organisationId,
          allianceId: meeting.allianceId,
          ip,
          details: { title: meeting.title, present: input.present.length },
        },
        manager,
      );
    });
    return this.get(user, meeting.id);
  }

  // Minutes --------------------------------------------------------------------------------------

  async minutes(user: AuthUser, meetingId: string): Promise<Minutes> {
    const { meeting, access } = await this.scoped(user, meetingId);
    return this.minutesView(meeting, access);
  }

  private async latestVersion(manager: EntityManager, meetingId: string): Promise<MinutesVersionEntity | null> {
    return manager.findOne(MinutesVersionEntity, { where: { meetingId }, order: { version: 'DESC' } });
  }

  /** Invited organisations that are active leads or partners now: their approval is needed. */
  private async approvers(meeting: MeetingEntity, manager?: EntityManager): Promise<string[]> {
    const [invited, writers] = await Promise.all([
      manager
        ? manager.find(MeetingInviteeEntity, { where: { meetingId: meeting.id } })
        : this.invitees.find({ where: { meetingId: meeting.id } }),
      this.alliances.activeMembers(meeting.allianceId, WRITERS),
    ]);
    const writerIds = new Set(writers.map((w) => w.organisationId));
    return invited.map((i) => i.organisationId).filter((o) => writerIds.has(o));
  }

  /**
   * Final minutes whose every awaited organisation has approved the current version (one may have left,
   * or been un-invited, since) become approved; journaled as the last approval would be. True when done.
   */
  private async completeIfApproved(manager: EntityManager, meetingId: string, actorId: string | null, ip: Ip): Promise<boolean> {
    const locked: { minutes_status: string; alliance_id: string; title: string }[] = await manager.query(
      'SELECT minutes_status, alliance_id, title FROM meetings WHERE id = $1 FOR UPDATE',
      [meetingId],
    );
    if (locked[0]?.minutes_status !== 'final') return false;
    const meeting = { id: meetingId, allianceId: locked[0].alliance_id } as MeetingEntity;
    const [approvers, current] = await Promise.all([this.approvers(meeting, manager), this.latestVersion(manager, meetingId)]);
    if (!current || !approvers.length) return false;
    const given = await manager.find(MinutesApprovalEntity, { where: { meetingId, version: current.version } });
    if (!approvers.every((o) => given.some((g) => g.organisationId === o))) return false;
    await manager.update(MeetingEntity, { id: meetingId }, { minutesStatus: 'approved', updatedAt: () => 'now()' });
    await this.audit.record(
      {
        actorId,
        action: 'minutes.approved',
        objectType: 'meeting',
        objectId: meetingId,
        allianceId: meeting.allianceId,
        ip,
        details: { title: locked[0].title, version: current.version, sha256: current.sha256 },
      },
      manager,
    );
    return true;
  }

  private async minutesView(meeting: MeetingEntity, access: AllianceAccess): Promise<Minutes> {
    // An awaited organisation that left its seat since: the minutes may be complete now (not in a closed, read-only alliance).
    if (meeting.minutesStatus === 'final' && access.alliance.status !== 'closed') {
      const approvers = await this.approvers(meeting);
      const given = await this.dataSource.manager.count(MinutesApprovalEntity, { where: { meetingId: meeting.id } });
      if (approvers.length && given && (await this.dataSource.transaction((m) => this.completeIfApproved(m, meeting.id, null, null))))
        meeting = { ...meeting, minutesStatus: 'approved' } as MeetingEntity;
    }
    const manager = this.dataSource.manager;
    const current = await this.latestVersion(manager, meeting.id);
    const approvals =
      current && meeting.minutesStatus !== 'draft'
        ? await manager.find(MinutesApprovalEntity, {
            where: { meetingId: meeting.id, version: current.version },
            order: { approvedAt: 'ASC' },
          })
        : [];
    const approvers = await this.approvers(meeting);
    const [names, people] = await Promise.all([
      this.organisations.names(approvals.map((a) => a.organisationId)),
      this.users.displayNames([current?.createdBy ?? null, ...approvals.map((a) => a.approvedBy)]),
    ]);
    const person = (id: string | null): MeetingPerson | null => (id ? { userId: id, displayName: people.get(id) ?? '' } : null);
    const awaiting = meeting.minutesStatus === 'final' ? approvers.filter((o) => !approvals.some((a) => a.organisationId === o)) : [];
    const mine = new Set(access.active.map((s) => s.organisationId));
    return {
      meetingId: meeting.id,
      allianceId: meeting.allianceId,
      status: meeting.minutesStatus,
      current: current
        ? {
            version: current.version,
            text: current.text,
            sha256: current.sha256,
            createdAt: current.createdAt.toISOString(),
            createdBy: person(current.createdBy),
          }
        : null,
      approvals: approvals.map((a) => ({
        organisationId: a.organisationId,
        organisationName: names.find((n) => n.id === a.organisationId)?.name ?? '',
        approvedBy: person(a.approvedBy),
        approvedAt: a.approvedAt.toISOString(),
        sha256: a.sha256,
      })),
      awaiting,
      canFinalise: access.canWriteCharter && meeting.minutesStatus !== 'approved',
      approveFor: access.canWriteCharter ? awaiting.filter((o) => mine.has(o)) : [],
    };
  }

  /** Freezes the live minutes into a new version awaiting approval; the live document turns read-only. */
  async finalise(user: AuthUser, meetingId: string, ip: Ip): Promise<Minutes> {
    const { meeting, access } = await this.scoped(user, meetingId);
    this.assertWriter(access);
    if (meeting.minutesStatus !== 'draft')
      throw new DomainException('minutes.not_draft', 'These minutes are already final or approved: reopen them first');
    await this.docs.settled(meeting.id);
    await this.dataSource.transaction(async (manager) => {
      // Exclusive against every append (shared), then the row: appends take them in the same order.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.store.lockName(meeting.id)]);
      const result = await manager.update(
        MeetingEntity,
        { id: meeting.id, minutesStatus: 'draft' },
        { minutesStatus: 'final', updatedAt: () => 'now()' },
      );
      if (!result.affected)
        throw new DomainException('minutes.not_draft', 'These minutes are already final or approved: reopen them first');
      if (!(await this.approvers(meeting)).length)
        throw new DomainException(
          'minutes.no_approvers',
          'No invited lead or partner organisation could approve these minutes: invite one first',
        );
      const loaded = await this.store.read(meeting.id, manager);
      const text = loaded ? minutesText(loaded.doc) : '\n';
      if (!text.trim()) throw new DomainException('minutes.empty', 'Nothing is written in these minutes yet');
      const version = ((await this.latestVersion(manager, meeting.id))?.version ?? 0) + 1;
      const hash = sha256(text);
      await manager.insert(MinutesVersionEntity, {
        meetingId: meeting.id,
        version,
        allianceId: meeting.allianceId,
        text,
        sha256: hash,
        createdBy: user.id,
      });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'minutes.finalised',
          objectType: 'meeting',
          objectId: meeting.id,
          allianceId: meeting.allianceId,
          ip,
          details: { title: meeting.title, version, sha256: hash },
        },
        manager,
      );
    });
    return this.minutes(user, meeting.id);
  }

  /** Back to a draft written live: the final version's approvals no longer count. */
  async reopen(user: AuthUser, meetingId: string, ip: Ip): Promise<Minutes> {
    const { meeting, access } = await this.scoped(user, meetingId);
    this.assertWriter(access);
    if (meeting.minutesStatus !== 'final')
      throw new DomainException('minutes.not_final', 'Only final minutes awaiting approval can be reopened or approved');
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.update(
        MeetingEntity,
        { id: meeting.id, minutesStatus: 'final' },
        { minutesStatus: 'draft', updatedAt: () => 'now()' },
      );
      if (!result.affected)
        throw new DomainException('minutes.not_final', 'Only final minutes awaiting approval can be reopened or approved');
      await this.audit.record(
        {
          actorId: user.id,
          action: 'minutes.reopened',
          objectType: 'meeting',
          objectId: meeting.id,
          allianceId: meeting.allianceId,
          ip,
          details: { title: meeting.title },
        },
        manager,
      );
    });
    return this.minutes(user, meeting.id);
  }

  async approve(user: AuthUser, meetingId: string, input: ApproveMinutesDto, ip: Ip): Promise<Minutes> {
    const { meeting, access } = await this.scoped(user, meetingId);
    this.assertWriter(access);
    if (meeting.minutesStatus !== 'final')
      throw new DomainException('minutes.not_final', 'Only final minutes awaiting approval can be reopened or approved');
    const approvers = await this.approvers(meeting);
    const mine = access.active
      .filter((s) => WRITERS.includes(s.allianceRole) && approvers.includes(s.organisationId))
      .map((s) => s.organisationId);
    let organisationId = input.organisationId;
    if (organisationId && !mine.includes(organisationId))
      throw new DomainException('meetings.not_representative', 'Only a person of this organisation may do this for it');
    if (!organisationId) {
      if (!mine.length) throw new DomainException('meetings.not_representative', 'Only a person of this organisation may do this for it');
      if (mine.length > 1)
        throw new InvalidInputException([
          { field: 'organisationId', messages: ['you represent several invited organisations: name one'], codes: ['required'] },
        ]);
      organisationId = mine[0];
    }
    const approvedFor = organisationId;
    await this.dataSource.transaction(async (manager) => {
      const locked: { minutes_status: string }[] = await manager.query('SELECT minutes_status FROM meetings WHERE id = $1 FOR UPDATE', [
        meeting.id,
      ]);
      if (locked[0]?.minutes_status !== 'final')
        throw new DomainException('minutes.not_final', 'Only final minutes awaiting approval can be reopened or approved');
      const current = await this.latestVersion(manager, meeting.id);
      if (!current || current.sha256 !== input.sha256)
        throw new DomainException('minutes.hash_mismatch', 'The minutes changed since you read them: read the final version again');
      const done = await manager.findOne(MinutesApprovalEntity, {
        where: { meetingId: meeting.id, version: current.version, organisationId: approvedFor },
      });
      if (done) throw new DomainException('minutes.already_approved', 'This organisation already approved these minutes');
      await manager.insert(MinutesApprovalEntity, {
        meetingId: meeting.id,
        version: current.version,
        organisationId: approvedFor,
        allianceId: meeting.allianceId,
        sha256: current.sha256,
        approvedBy: user.id,
      });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'minutes.approval_given',
          objectType: 'meeting',
          objectId: meeting.id,
          organisationId: approvedFor,
          allianceId: meeting.allianceId,
          ip,
          details: { title: meeting.title, version: current.version, sha256: current.sha256 },
        },
        manager,
      );
      const given = await manager.find(MinutesApprovalEntity, { where: { meetingId: meeting.id, version: current.version } });
      if (approvers.every((o) => given.some((g) => g.organisationId === o))) {
        await manager.update(MeetingEntity, { id: meeting.id }, { minutesStatus: 'approved', updatedAt: () => 'now()' });
        await this.audit.record(
          {
            actorId: user.id,
            action: 'minutes.approved',
            objectType: 'meeting',
            objectId: meeting.id,
            allianceId: meeting.allianceId,
            ip,
            details: { title: meeting.title, version: current.version, sha256: current.sha256 },
          },
          manager,
        );
      }
    });
    return this.minutes(user, meeting.id);
  }

  // Views ----------------------------------------------------------------------------------------

  private async views(user: AuthUser, access: AllianceAccess, rows: MeetingEntity[]): Promise<Meeting[]> {
    if (!rows.length) return [];
    const invitees = await this.invitees.find({ where: { meetingId: In(rows.map((r) => r.id)) } });
    const [orgNames, members] = await Promise.all([
      this.organisations.names(invitees.map((i) => i.organisationId)),
      this.alliances.activeMembers(rows[0].allianceId),
    ]);
    const people = await this.users.displayNames([...rows.map((r) => r.createdBy), ...invitees.flatMap((i) => i.present ?? [])]);
    const mine = new Set(access.active.map((s) => s.organisationId));
    const person = (id: string): MeetingPerson => ({ userId: id, displayName: people.get(id) ?? '' });
    return rows.map((r) => ({
      id: r.id,
      allianceId: r.allianceId,
      title: r.title,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      location: r.location,
      videoUrl: r.videoUrl,
      agenda: r.agenda,
      status: r.status,
      minutesStatus: r.minutesStatus,
      version: r.version,
      invited: invitees
        .filter((i) => i.meetingId === r.id)
        .map((i) => ({
          organisationId: i.organisationId,
          organisationName: orgNames.find((o) => o.id === i.organisationId)?.name ?? '',
          allianceRole: members.find((m) => m.organisationId === i.organisationId)?.role ?? 'former',
          present: i.present ? i.present.map(person) : null,
          attendanceSetAt: i.attendanceSetAt?.toISOString() ?? null,
          canRepresent: mine.has(i.organisationId),
        }))
        .sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'fr')),
      createdBy: r.createdBy ? person(r.createdBy) : null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      canEdit: access.canWriteCharter && r.status === 'scheduled',
    }));
  }
}
