import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APP_CONFIG,
  AuditService,
  MailService,
  type AppConfig,
  decodeCursor,
  DomainException,
  encodeCursor,
  InvalidInputException,
  NotFoundDomainException,
  type AuthUser,
} from '@alliances/api/core';
import { UsersReader } from '@alliances/api/identity';
import { OrganisationsReader, TerritoriesService } from '@alliances/api/organisations';
import type {
  Alliance,
  AllianceAuditEntry,
  AllianceMember,
  AllianceSummary,
  JournalKind,
  OrganisationDirectoryEntry,
  Page,
  PartnerObjective,
} from '@alliances/shared/contracts';
import { JOURNAL_ACTIONS, journalLinkOf, sortSdgs } from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';
import { AllianceEntity, AllianceMemberEntity } from './alliance.entity';
import { AlliancePolicy, type AllianceAccess } from './alliance.policy';
import type { CreateAllianceDto, InviteOrganisationDto, UpdateAllianceDto } from './alliances.dto';
import { ALLIANCE_CHANGE_MAILS } from './alliance-changes-mails';
import { runAsRead } from './write-requests';

/**
 * The alliance log entries a funder sees (an allow-list, so a new kind of entry stays with the partners
 * until someone decides otherwise): membership, the charter coming into force, objectives and their
 * measures, evaluation campaigns opening and closing, and funding.
 */
export const FUNDER_AUDIT_ACTIONS = [
  'alliance.created',
  'alliance.updated',
  'alliance.closed',
  'alliance.organisation_invited',
  'alliance.invitation_accepted',
  'alliance.invitation_declined',
  'alliance.member_left',
  'alliance.member_removed',
  'alliance.lead_handed_over',
  'charter.signed',
  'charter.in_force',
  'objective.created',
  'indicator.created',
  'milestone.created',
  'milestone.done',
  'checkin.created',
  'evaluation.launched',
  'evaluation.closed',
  'grant.created',
  'tranche.requested',
  'tranche.paid',
  'report.submitted',
  'report.approved',
  'report.returned',
  'contribution.created',
  'case_study.consented',
];

const cursorOf = encodeCursor;
const parseCursor = (cursor: string | undefined): { at: string; id: string } | undefined => (cursor ? decodeCursor(cursor) : undefined);

@Injectable()
export class AlliancesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AlliancePolicy,
    private readonly territories: TerritoriesService,
    private readonly organisations: OrganisationsReader,
    private readonly audit: AuditService,
    private readonly users: UsersReader,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private readonly logger = new Logger('Alliances');

  /** Tells the people of an organisation what changed for it (after the change is committed; a failed mail is logged). */
  private async tell(
    userIds: string[],
    kind: keyof typeof ALLIANCE_CHANGE_MAILS,
    vars: { allianceId: string; alliance: string; organisation: string },
  ): Promise<void> {
    const contacts = await this.users.contacts([...new Set(userIds)]);
    for (const person of contacts.values()) {
      if (person.deletedAt) continue;
      const locale = person.locale === 'en' ? 'en' : 'fr';
      const mail = ALLIANCE_CHANGE_MAILS[kind][locale]({ ...vars, link: `${this.config.publicUrl}/alliances/${vars.allianceId}` });
      await this.mail
        .send({ to: person.email, ...mail })
        .catch((error: unknown) => this.logger.error(`mail "${mail.subject}" failed: ${String(error)}`));
    }
  }

  private checkTerritories(codes: string[] | undefined): string[] | undefined {
    if (!codes) return undefined;
    const normalised = codes.map((c) => c.trim().toUpperCase());
    const bad = normalised.map((c, i) => ({ c, i })).filter(({ c }) => !this.territories.isValid(c));
    if (bad.length) {
      throw new InvalidInputException(
        bad.map(({ i }) => ({ field: `territoryCodes.${i}`, messages: ['Unknown INSEE territory code'], codes: ['invalidTerritory'] })),
      );
    }
    return normalised;
  }

  async create(user: AuthUser, input: CreateAllianceDto, ip: string | null): Promise<Alliance> {
    const territoryCodes = this.checkTerritories(input.territoryCodes) ?? [];
    const lead = await this.organisations.findForMember(input.organisationId, user.id);
    if (!lead[0])
      throw new InvalidInputException([
        { field: 'organisationId', messages: ['not one of your organisations'], codes: ['notYourOrganisation'] },
      ]);
    if (lead[0].status !== 'approved') throw new DomainException('organisation.not_approved', 'The organisation is not approved yet');
    const id = await this.dataSource.transaction(async (manager) => {
      const alliance = await manager.save(
        manager.create(AllianceEntity, {
          name: input.name.trim(),
          purpose: input.purpose.trim(),
          category: input.category,
          collectiveObjectives: input.collectiveObjectives,
          domains: input.domains,
          scale: input.scale,
          territoryCodes,
          innovationStage: input.innovationStage ?? null,
          sdgs: sortSdgs(input.sdgs ?? []),
          status: 'draft',
          createdBy: user.id,
        }),
      );
      await manager.insert(AllianceMemberEntity, {
        allianceId: alliance.id,
        organisationId: input.organisationId,
        role: 'lead',
        status: 'active',
        invitedBy: user.id,
        respondedAt: new Date(),
      });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'alliance.created',
          objectType: 'alliance',
          objectId: alliance.id,
          allianceId: alliance.id,
          organisationId: input.organisationId,
          ip,
        },
        manager,
      );
      return alliance.id;
    });
    return this.get(user, id);
  }

  /** The caller's alliances only (through any organisation they belong to), newest activity first. */
  async list(user: AuthUser, limit = 50, cursor?: string): Promise<Page<AllianceSummary>> {
    const after = parseCursor(cursor);
    const params: unknown[] = [user.id, limit + 1];
    let keyset = '';
    if (after) {
      params.push(after.at, after.id);
      keyset = 'AND (a.updated_at, a.id) < ($3::timestamptz, $4::uuid)';
    }
    const rows: (Record<string, unknown> & { id: string; updated_at: Date })[] = await this.dataSource.query(
      `SELECT a.id, a.name, a.purpose, a.category, a.status, a.collective_objectives, a.domains, a.scale, a.updated_at,
              json_agg(json_build_object('organisationId', am.organisation_id, 'role', am.role, 'status', am.status)) AS my_roles
         FROM alliances a
         JOIN alliance_members am ON am.alliance_id = a.id AND am.status IN ('active', 'invited')
         JOIN memberships m ON m.organisation_id = am.organisation_id AND m.user_id = $1
        WHERE (am.status = 'active' OR m.role = 'admin') ${keyset}
        GROUP BY a.id
        ORDER BY a.updated_at DESC, a.id DESC
        LIMIT $2`,
      params,
    );
    const items = rows.slice(0, limit).map((r) => ({
      id: r.id,
      name: r['name'] as string,
      purpose: r['purpose'] as string,
      category: r['category'] as AllianceSummary['category'],
      status: r['status'] as AllianceSummary['status'],
      collectiveObjectives: r['collective_objectives'] as AllianceSummary['collectiveObjectives'],
      domains: r['domains'] as string[],
      scale: r['scale'] as AllianceSummary['scale'],
      myRoles: r['my_roles'] as AllianceSummary['myRoles'],
      updatedAt: new Date(r.updated_at).toISOString(),
    }));
    const last = rows[limit - 1];
    return { items, nextCursor: rows.length > limit && last ? cursorOf(new Date(last.updated_at), last.id) : null };
  }

  async get(user: AuthUser, id: string): Promise<Alliance> {
    const access = await this.policy.access(user, id);
    return this.toAlliance(access);
  }

  private async toAlliance(access: AllianceAccess): Promise<Alliance> {
    const a = access.alliance;
    const seats: {
      organisation_id: string;
      role: AllianceMember['role'];
      status: AllianceMember['status'];
      objective: PartnerObjective | null;
      invited_at: Date;
      responded_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT am.organisation_id, am.role, am.status, am.objective, am.invited_at, am.responded_at FROM alliance_members am WHERE am.alliance_id = $1`,
      [a.id],
    );
    // Names and profiles from the organisations' reader, ordered by name; then by role (stable): lead, partners, funders, observers.
    const rank = (role: string): number => ({ lead: 0, partner: 1, funder: 2 })[role] ?? 3;
    const members = (await this.organisations.profiles(seats.map((s) => s.organisation_id)))
      .flatMap((o) => seats.filter((s) => s.organisation_id === o.id).map((s) => ({ ...s, name: o.name, profile: o.profile })))
      .sort((x, y) => rank(x.role) - rank(y.role));
    return {
      id: a.id,
      name: a.name,
      purpose: a.purpose,
      category: a.category,
      status: a.status,
      collectiveObjectives: a.collectiveObjectives,
      domains: a.domains,
      scale: a.scale,
      territoryCodes: a.territoryCodes,
      territories: a.territoryCodes.map((code) => ({ code, name: this.territories.find(code)?.name ?? code })),
      innovationStage: a.innovationStage,
      sdgs: a.sdgs ?? [],
      members: members
        // Before accepting, an invited organisation sees the alliance but not who declined.
        .filter((m) => access.canRead || m.status === 'active')
        .map((m) => ({
          organisationId: m.organisation_id,
          organisationName: m.name,
          organisationProfile: m.profile,
          role: m.role,
          status: m.status,
          objective: m.objective,
          invitedAt: new Date(m.invited_at).toISOString(),
          respondedAt: m.responded_at ? new Date(m.responded_at).toISOString() : null,
        })),
      myRoles: access.seats.map((s) => ({ organisationId: s.organisationId, role: s.allianceRole, status: s.status })),
      can: { edit: access.canEdit, invite: access.canInvite, writeCharter: access.canWriteCharter, sign: access.signFor.length > 0 },
      canLeaveFor: access.leaveFor,
      version: a.version,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
      closedAt: a.closedAt?.toISOString() ?? null,
      closingNote: a.closingNote ?? null,
    };
  }

  /**
   * Optimistic concurrency: a conditional UPDATE on the version read, so exactly one of two racing
   * writers wins. The journal keeps each changed field's value before and after (`alliance.updated`,
   * details `{ changes: { <field>: { before, after } } }`); closing is its own entry (`alliance.closed`,
   * details `{ note }`).
   */
  async update(user: AuthUser, id: string, input: UpdateAllianceDto, ip: string | null): Promise<Alliance> {
    const access = await this.policy.editable(user, id);
    const territoryCodes = this.checkTerritories(input.territoryCodes);
    const { version, closingNote, ...fields } = input;
    const closing = fields.status === 'closed';
    if (closingNote !== undefined && !closing)
      throw new InvalidInputException([
        { field: 'closingNote', messages: ["a closing note goes with status 'closed'"], codes: ['closingNoteWithoutClosing'] },
      ]);
    // The values read are those of `version`: when it moved on since, the conditional UPDATE fails anyway.
    if (access.alliance.version !== version)
      throw new DomainException('alliance.stale_version', 'Someone changed this alliance meanwhile: reload and try again');
    const patch: Partial<AllianceEntity> = {};
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) (patch as Record<string, unknown>)[key] = value;
    if (territoryCodes) patch.territoryCodes = territoryCodes;
    if (typeof patch.name === 'string') patch.name = patch.name.trim();
    if (patch.sdgs) patch.sdgs = sortSdgs(patch.sdgs);
    if (typeof patch.purpose === 'string') patch.purpose = patch.purpose.trim();
    const before = access.alliance as unknown as Record<string, unknown>;
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const [key, after] of Object.entries(patch)) {
      if (key === 'status' && closing) continue;
      if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after ?? null)) changes[key] = { before: before[key] ?? null, after };
    }
    const note = closingNote?.trim() || null;
    if (closing) {
      patch.closedAt = new Date();
      patch.closingNote = note;
    }
    await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(AllianceEntity)
        .set({ ...patch, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version })
        .execute();
      if (!result.affected)
        throw new DomainException('alliance.stale_version', 'Someone changed this alliance meanwhile: reload and try again');
      const entry = { actorId: user.id, objectType: 'alliance', objectId: id, allianceId: id, ip };
      if (Object.keys(changes).length) await this.audit.record({ ...entry, action: 'alliance.updated', details: { changes } }, manager);
      if (closing) await this.audit.record({ ...entry, action: 'alliance.closed', details: { note } }, manager);
    });
    // The answer reads the alliance this request may just have closed.
    return runAsRead(() => this.get(user, access.alliance.id));
  }

  /**
   * An organisation leaves (its admin acts) or the lead removes it. The seat stays as history
   * (`left` / `removed`): the signatures of the versions it signed stay, and the next version awaits
   * the remaining active lead and partners only. The lead cannot leave without a successor.
   */
  async removeMember(user: AuthUser, id: string, organisationId: string, ip: string | null): Promise<void> {
    const access = await this.policy.readable(user, id);
    const own = access.active.find((s) => s.organisationId === organisationId);
    const lead = access.active.some((s) => s.allianceRole === 'lead');
    const leaving = !!own && (own.organisationRole === 'admin' || !lead);
    if (own && own.organisationRole !== 'admin' && !lead)
      throw new DomainException('organisation.admin_required', 'Only an admin of the organisation may take it out of the alliance');
    if (!own && !lead) throw new DomainException('alliance.lead_required', 'Only the lead organisation may remove a member');
    const [organisation] = await this.organisations.names([organisationId]);
    await this.dataSource.transaction(async (manager) => {
      const seat = await manager.findOne(AllianceMemberEntity, {
        where: { allianceId: id, organisationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!seat || (seat.status !== 'active' && seat.status !== 'invited'))
        throw new DomainException('alliance.not_a_member', 'This organisation is not a member of the alliance');
      if (seat.role === 'lead')
        throw new DomainException('alliance.lead_needs_successor', 'The lead must hand over to a partner before leaving');
      await manager.update(
        AllianceMemberEntity,
        { allianceId: id, organisationId },
        { status: leaving ? 'left' : 'removed', respondedAt: new Date() },
      );
      await manager.query(`UPDATE alliances SET updated_at = now() WHERE id = $1`, [id]);
      await this.audit.record(
        {
          actorId: user.id,
          action: leaving ? 'alliance.member_left' : 'alliance.member_removed',
          objectType: 'organisation',
          objectId: organisationId,
          allianceId: id,
          organisationId,
          ip,
          details: { organisationName: organisation?.name ?? null },
        },
        manager,
      );
    });
    // The people of a removed organisation learn it by mail (those who left did it themselves).
    if (!leaving)
      await this.tell(
        (await this.organisations.members([organisationId])).map((m) => m.user_id),
        'removed',
        { allianceId: id, alliance: access.alliance.name, organisation: organisation?.name ?? '' },
      );
  }

  /** The lead hands over to an active partner organisation; the former lead stays as a partner. */
  async handOverLead(user: AuthUser, id: string, organisationId: string, ip: string | null): Promise<Alliance> {
    const access = await this.policy.editable(user, id);
    const names = new Map((await this.organisations.names([organisationId])).map((o) => [o.id, o.name]));
    await this.dataSource.transaction(async (manager) => {
      const seats = await manager.find(AllianceMemberEntity, { where: { allianceId: id }, lock: { mode: 'pessimistic_write' } });
      const from = seats.find((s) => s.role === 'lead' && s.status === 'active');
      const to = seats.find((s) => s.organisationId === organisationId);
      if (!from || !to || to.role !== 'partner' || to.status !== 'active')
        throw new DomainException('alliance.successor_not_partner', 'The lead can only be handed over to an active partner organisation');
      const [fromOrganisation] = await this.organisations.names([from.organisationId]);
      await manager.update(AllianceMemberEntity, { allianceId: id, organisationId: from.organisationId }, { role: 'partner' });
      await manager.update(AllianceMemberEntity, { allianceId: id, organisationId }, { role: 'lead' });
      await manager.query(`UPDATE alliances SET updated_at = now() WHERE id = $1`, [id]);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'alliance.lead_handed_over',
          objectType: 'organisation',
          objectId: organisationId,
          allianceId: id,
          organisationId,
          ip,
          details: { fromOrganisationName: fromOrganisation?.name ?? null, toOrganisationName: names.get(organisationId) ?? null },
        },
        manager,
      );
    });
    // The admins of the new lead learn that they now lead the alliance.
    await this.tell(
      (await this.organisations.admins([organisationId])).map((a) => a.user_id),
      'leadHandedOver',
      { allianceId: id, alliance: access.alliance.name, organisation: names.get(organisationId) ?? '' },
    );
    return this.get(user, access.alliance.id);
  }

  async invite(user: AuthUser, id: string, input: InviteOrganisationDto, ip: string | null): Promise<Alliance> {
    await this.policy.editable(user, id);
    const organisation = await this.organisations.approved(input.organisationId);
    if (!organisation) throw new NotFoundDomainException('organisation');
    const existing = await this.dataSource.manager.findOne(AllianceMemberEntity, {
      where: { allianceId: id, organisationId: input.organisationId },
    });
    if (existing && (existing.status === 'active' || existing.status === 'invited'))
      throw new DomainException('alliance.already_member', 'This organisation is already in the alliance or invited');
    await this.dataSource.transaction(async (manager) => {
      if (existing)
        await manager.update(
          AllianceMemberEntity,
          { allianceId: id, organisationId: input.organisationId },
          { role: input.role, status: 'invited', invitedBy: user.id, respondedAt: null },
        );
      else
        await manager.insert(AllianceMemberEntity, {
          allianceId: id,
          organisationId: input.organisationId,
          role: input.role,
          status: 'invited',
          invitedBy: user.id,
        });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'alliance.organisation_invited',
          objectType: 'organisation',
          objectId: input.organisationId,
          allianceId: id,
          organisationId: input.organisationId,
          ip,
          details: { role: input.role },
        },
        manager,
      );
    });
    return this.get(user, id);
  }

  /** The invited organisation's admin answers. */
  async respond(user: AuthUser, id: string, organisationId: string, accept: boolean, ip: string | null): Promise<Alliance> {
    const access = await this.policy.access(user, id);
    const seat = access.seats.find((s) => s.organisationId === organisationId);
    if (!seat) throw new NotFoundDomainException('alliance');
    if (seat.organisationRole !== 'admin')
      throw new DomainException('organisation.admin_required', 'Only an admin of the organisation may answer');
    const result = await this.dataSource.manager.update(
      AllianceMemberEntity,
      { allianceId: id, organisationId, status: 'invited' },
      { status: accept ? 'active' : 'declined', respondedAt: new Date() },
    );
    if (!result.affected) throw new DomainException('alliance.not_invited', 'There is no pending invitation for this organisation');
    await this.audit.record({
      actorId: user.id,
      action: accept ? 'alliance.invitation_accepted' : 'alliance.invitation_declined',
      objectType: 'organisation',
      objectId: organisationId,
      allianceId: id,
      organisationId,
      ip,
    });
    return accept ? this.get(user, id) : ({ ...(await this.toAlliance({ ...access, canRead: false })), members: [] } as Alliance);
  }

  /** A member organisation records its own magic-square objective, expectations and contributions. */
  async setObjective(
    user: AuthUser,
    id: string,
    organisationId: string,
    objective: PartnerObjective,
    ip: string | null,
  ): Promise<Alliance> {
    const access = await this.policy.readable(user, id);
    const seat = access.active.find((s) => s.organisationId === organisationId);
    if (!seat) throw new DomainException('alliance.not_your_organisation', 'You can only describe the objective of your own organisation');
    if (access.alliance.status === 'closed') throw new DomainException('alliance.closed', 'The alliance is closed');
    await this.dataSource.manager.update(AllianceMemberEntity, { allianceId: id, organisationId }, { objective });
    await this.audit.record({
      actorId: user.id,
      action: 'alliance.partner_objective_updated',
      objectType: 'organisation',
      objectId: organisationId,
      allianceId: id,
      organisationId,
      ip,
    });
    return this.get(user, id);
  }

  /** The journal, newest first; `kind` keeps the entries of one kind (see JOURNAL_ACTIONS). */
  async auditLog(user: AuthUser, id: string, limit = 50, cursor?: string, kind?: JournalKind): Promise<Page<AllianceAuditEntry>> {
    const access = await this.policy.readable(user, id);
    const after = parseCursor(cursor);
    const params: unknown[] = [id, limit + 1];
    const where: string[] = [];
    if (after) {
      params.push(after.at, after.id);
      where.push(`(a.at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    // A funder follows the milestones it may see, never the partners' drafts, discussion or answers.
    if (access.funderOnly) {
      params.push(FUNDER_AUDIT_ACTIONS);
      where.push(`a.action = ANY($${params.length}::text[])`);
    }
    if (kind) {
      params.push(JOURNAL_ACTIONS[kind]);
      where.push(`a.action = ANY($${params.length}::text[])`);
    }
    const rows: {
      id: string;
      at: Date;
      actor_id: string | null;
      action: string;
      object_type: string;
      object_id: string | null;
      organisation_id: string | null;
      details: Record<string, unknown> | null;
    }[] = await this.dataSource.query(
      `SELECT a.id, a.at, a.actor_id, a.action, a.object_type, a.object_id, a.organisation_id, a.details
           FROM audit_log a
          WHERE a.alliance_id = $1 ${where.map((w) => `AND ${w}`).join(' ')}
          ORDER BY a.at DESC, a.id DESC LIMIT $2`,
      params,
    );
    const page = rows.slice(0, limit);
    // The actors' and organisations' names from their readers (the page itself depends on audit_log only).
    const [names, organisations] = await Promise.all([
      this.users.displayNames(page.map((r) => r.actor_id)),
      this.organisations.names(page.map((r) => r.organisation_id)),
    ]);
    const organisationNames = new Map(organisations.map((o) => [o.id, o.name]));
    const items = page.map((r) => {
      const entry = { action: r.action, objectType: r.object_type, objectId: r.object_id, details: r.details };
      return {
        id: r.id,
        at: new Date(r.at).toISOString(),
        actorName: (r.actor_id && names.get(r.actor_id)) || null,
        ...entry,
        organisationName: (r.organisation_id && organisationNames.get(r.organisation_id)) || null,
        link: journalLinkOf(id, entry),
      };
    });
    const last = rows[limit - 1];
    return { items, nextCursor: rows.length > limit && last ? cursorOf(new Date(last.at), last.id) : null };
  }

  /** Approved organisations a lead can invite, searched by name. */
  async directory(user: AuthUser, q: string): Promise<OrganisationDirectoryEntry[]> {
    const rows = await this.organisations.searchApproved(q);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      profile: r.profile,
      territoryName: this.territories.find(r.territory_code)?.name ?? null,
    }));
  }
}
