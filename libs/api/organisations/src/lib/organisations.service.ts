import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APP_CONFIG,
  AuditService,
  decodeCursor,
  DomainException,
  encodeCursor,
  exactInstant,
  InvalidInputException,
  MailService,
  NotFoundDomainException,
  type AppConfig,
  type AuthUser,
} from '@alliances/api/core';
import { normaliseEmail, UsersReader } from '@alliances/api/identity';
import {
  IdentityErrorCode,
  isValidRna,
  isValidSiren,
  isValidSiret,
  normaliseRna,
  normaliseSiren,
  PAGE_LIMIT_DEFAULT,
  type FieldError,
  type Invitation,
  type InvitationPreview,
  type MembershipSummary,
  type Organisation,
  type OrganisationMember,
  type OrganisationWithProfile,
  type OrganisationRole,
  type OrganisationStatus,
  type Page,
  type ReviewQueueEntry,
} from '@alliances/shared/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { InvitationEntity } from './invitation.entity';
import { MAILS, mailLocale } from './mails';
import { MembershipEntity } from './membership.entity';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationHooks } from './organisation-hooks';
import { OrganisationPolicy } from './organisation.policy';
import type { ApplyOrganisationDto, UpdateOrganisationProfileDto } from './organisations.dto';
import { TerritoriesService } from './territories.service';

const INVITATION_TTL_MS = 7 * 86_400_000;
const sha256 = (v: string): string => createHash('sha256').update(v).digest('hex');

@Injectable()
export class OrganisationsService {
  constructor(
    // Applications, reviews, invitations and membership changes each commit with their audit entry in one transaction.
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersReader,
    private readonly policy: OrganisationPolicy,
    private readonly territories: TerritoriesService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hooks: OrganisationHooks,
  ) {}

  toOrganisation(entity: OrganisationEntity): OrganisationWithProfile {
    return {
      id: entity.id,
      name: entity.name,
      profile: entity.profile,
      siren: entity.siren,
      siret: entity.siret,
      rna: entity.rna,
      territoryCode: entity.territoryCode,
      territoryName: this.territories.find(entity.territoryCode)?.name ?? null,
      description: entity.description,
      socioEconomicProfile: entity.socioEconomicProfile,
      status: entity.status,
      rejectionReason: entity.rejectionReason,
      createdAt: entity.createdAt.toISOString(),
      reviewedAt: entity.reviewedAt?.toISOString() ?? null,
      website: entity.website,
      hasLogo: entity.logoType !== null,
      domains: entity.domains,
      seeks: entity.seeks,
      offers: entity.offers,
      openToAlliances: entity.openToAlliances,
      listed: entity.listed,
      requireTwoFactor: entity.requireTwoFactor,
    };
  }

  /** Identifier and territory rules of docs/domain.md ("Identifiers and territories"), all failures reported at once. */
  private checkApplication(input: ApplyOrganisationDto): {
    siren: string | null;
    siret: string | null;
    rna: string | null;
    territoryCode: string | null;
  } {
    const errors: FieldError[] = [];
    const fail = (field: string, message: string, code: string) => errors.push({ field, messages: [message], codes: [code] });
    const siren = input.siren?.trim() ? normaliseSiren(input.siren) : null;
    const siret = input.siret?.trim() ? normaliseSiren(input.siret) : null;
    const rna = input.rna?.trim() ? normaliseRna(input.rna) : null;
    const territoryCode = input.territoryCode?.trim() ? input.territoryCode.trim().toUpperCase() : null;
    if (siren && !isValidSiren(siren)) fail('siren', 'SIREN must be 9 digits with a valid check digit', 'invalidSiren');
    if (siret && !isValidSiret(siret)) fail('siret', 'SIRET must be 14 digits with a valid check digit', 'invalidSiret');
    if (siren && siret && !siret.startsWith(siren)) fail('siret', 'SIRET must start with the SIREN', 'siretSirenMismatch');
    if (rna && !isValidRna(rna)) fail('rna', 'RNA must be W followed by 9 characters', 'invalidRna');
    if (input.profile === 'association' && !rna && !siren && !siret)
      fail('rna', 'An association needs its RNA number or its SIREN', 'identifierRequired');
    if (input.profile === 'company' && !siren && !siret) fail('siren', 'A company needs its SIREN or SIRET', 'identifierRequired');
    if (territoryCode && !this.territories.isValid(territoryCode))
      fail('territoryCode', 'Unknown INSEE territory code', 'invalidTerritory');
    if (errors.length) throw new InvalidInputException(errors);
    return { siren: siren ?? (siret ? siret.slice(0, 9) : null), siret, rna, territoryCode };
  }

  async apply(user: AuthUser, input: ApplyOrganisationDto, ip: string | null): Promise<Organisation> {
    const identifiers = this.checkApplication(input);
    const placement = this.territories.locate(identifiers.territoryCode);
    const entity = await this.dataSource.transaction(async (manager) => {
      const organisation = await manager.save(
        manager.create(OrganisationEntity, {
          name: input.name.trim(),
          profile: input.profile,
          ...identifiers,
          departementCode: placement?.departementCode ?? null,
          regionCode: placement?.regionCode ?? null,
          description: input.description?.trim() || null,
          socioEconomicProfile: input.socioEconomicProfile ?? null,
          status: 'pending',
          createdBy: user.id,
        }),
      );
      await manager.insert(MembershipEntity, { organisationId: organisation.id, userId: user.id, role: 'admin' });
      if (input.allianceInvitationToken)
        await this.hooks.applied(
          { organisationId: organisation.id, userId: user.id, allianceInvitationToken: input.allianceInvitationToken, ip },
          manager,
        );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'organisation.applied',
          objectType: 'organisation',
          objectId: organisation.id,
          organisationId: organisation.id,
          ip,
        },
        manager,
      );
      return organisation;
    });
    return this.toOrganisation(entity);
  }

  async mine(user: AuthUser): Promise<MembershipSummary[]> {
    const rows: { organisation_id: string; name: string; status: OrganisationStatus; role: OrganisationRole; funds: boolean }[] =
      await this.dataSource.query(
        `SELECT m.organisation_id, o.name, o.status, m.role,
              EXISTS (SELECT 1 FROM alliance_members am WHERE am.organisation_id = m.organisation_id AND am.role = 'funder' AND am.status = 'active') AS funds
         FROM memberships m JOIN organisations o ON o.id = m.organisation_id
        WHERE m.user_id = $1 ORDER BY o.name`,
        [user.id],
      );
    return rows.map((r) => ({
      organisationId: r.organisation_id,
      organisationName: r.name,
      organisationStatus: r.status,
      role: r.role,
      funds: r.funds,
    }));
  }

  async get(user: AuthUser, id: string): Promise<OrganisationWithProfile> {
    return this.toOrganisation(await this.policy.viewable(user, id));
  }

  /**
   * `PATCH /api/organisations/:id` (its admins): the fields sent change, the territory's département
   * and région are derived again (docs/decisions/0014), and the change is audited with the fields' names.
   */
  async updateProfile(
    user: AuthUser,
    id: string,
    input: UpdateOrganisationProfileDto,
    ip: string | null,
  ): Promise<OrganisationWithProfile> {
    await this.policy.profileAdmin(user, id);
    const changes: Partial<OrganisationEntity> = {};
    if (input.description !== undefined) changes.description = input.description?.trim() || null;
    if (input.website !== undefined) changes.website = input.website?.trim() || null;
    if (input.territoryCode !== undefined) {
      const placement = this.territories.locate(input.territoryCode);
      changes.territoryCode = placement?.territory.code ?? null;
      changes.departementCode = placement?.departementCode ?? null;
      changes.regionCode = placement?.regionCode ?? null;
    }
    if (input.domains !== undefined) changes.domains = input.domains;
    if (input.seeks !== undefined) changes.seeks = input.seeks;
    if (input.offers !== undefined) changes.offers = input.offers;
    if (input.openToAlliances !== undefined) changes.openToAlliances = input.openToAlliances;
    if (input.listed !== undefined) changes.listed = input.listed;
    if (input.requireTwoFactor !== undefined) changes.requireTwoFactor = input.requireTwoFactor;
    if (input.houseModel !== undefined) changes.socioEconomicProfile = input.houseModel ? { ...input.houseModel } : null;
    const fields = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
    const entity = await this.dataSource.transaction(async (manager) => {
      if (Object.keys(changes).length) await manager.update(OrganisationEntity, { id }, changes);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'organisation.profile_updated',
          objectType: 'organisation',
          objectId: id,
          organisationId: id,
          ip,
          details: { fields, ...(input.listed !== undefined ? { listed: input.listed } : {}) },
        },
        manager,
      );
      if (input.requireTwoFactor !== undefined) {
        await this.audit.record(
          {
            actorId: user.id,
            action: 'organisation.two_factor_rule_changed',
            objectType: 'organisation',
            objectId: id,
            organisationId: id,
            ip,
            details: { requireTwoFactor: input.requireTwoFactor },
          },
          manager,
        );
      }
      return manager.findOneOrFail(OrganisationEntity, { where: { id } });
    });
    return this.toOrganisation(entity);
  }

  /** Applications of one status, oldest first (a queue), keyset-paginated on (created_at, id). */
  async reviewQueue(status: OrganisationStatus, page: { limit?: number; cursor?: string } = {}): Promise<Page<ReviewQueueEntry>> {
    const limit = page.limit ?? PAGE_LIMIT_DEFAULT;
    const qb = this.dataSource.manager
      .createQueryBuilder(OrganisationEntity, 'o')
      .addSelect(exactInstant('o.createdAt'), 'created_exact')
      .where('o.status = :status', { status })
      .orderBy('o.createdAt', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .limit(limit + 1);
    if (page.cursor) {
      const { at, id } = decodeCursor(page.cursor);
      qb.andWhere('(o.createdAt, o.id) > (:at, :id)', { at, id });
    }
    const { entities, raw } = await qb.getRawAndEntities<{ o_id: string; created_exact: string }>();
    const applicants = await this.users.contacts(entities.slice(0, limit).map((o) => o.createdBy));
    const items = entities.slice(0, limit).map((o) => {
      const applicant = o.createdBy ? applicants.get(o.createdBy) : undefined;
      return { ...this.toOrganisation(o), applicant: applicant ? { displayName: applicant.displayName, email: applicant.email } : null };
    });
    const last = entities.length > limit ? entities[limit - 1] : undefined;
    const lastAt = last && raw.find((r) => r.o_id === last.id)?.created_exact;
    return { items, nextCursor: last && lastAt ? encodeCursor(lastAt, last.id) : null };
  }

  async review(admin: AuthUser, id: string, decision: { approve: boolean; reason?: string }, ip: string | null): Promise<Organisation> {
    const reason = decision.reason?.trim() ?? '';
    const organisation = await this.dataSource.transaction(async (manager) => {
      // Conditional update: two admins deciding at once cannot both win.
      const status: OrganisationStatus = decision.approve ? 'approved' : 'rejected';
      const result = await manager
        .createQueryBuilder()
        .update(OrganisationEntity)
        .set({ status, rejectionReason: decision.approve ? null : reason, reviewedBy: admin.id, reviewedAt: () => 'now()' })
        .where('id = :id AND status = :pending', { id, pending: 'pending' })
        .execute();
      const entity = await manager.findOne(OrganisationEntity, { where: { id } });
      if (!entity) throw new NotFoundDomainException('organisation');
      if (!result.affected) throw new DomainException(IdentityErrorCode.AlreadyReviewed, `The application was already ${entity.status}`);
      await this.audit.record(
        {
          actorId: admin.id,
          action: `organisation.${status}`,
          objectType: 'organisation',
          objectId: id,
          organisationId: id,
          ip,
          details: decision.approve ? undefined : { reason },
        },
        manager,
      );
      if (decision.approve) await this.hooks.approved({ organisationId: id, adminId: admin.id, ip }, manager);
      return entity;
    });
    const applicant = organisation.createdBy
      ? (await this.users.contacts([organisation.createdBy])).get(organisation.createdBy)
      : undefined;
    if (applicant && !applicant.deletedAt) {
      const locale = mailLocale(applicant.locale);
      const link = `${this.config.publicUrl}/organisations/${organisation.id}`;
      const content = decision.approve
        ? MAILS.approved[locale]({ organisation: organisation.name, link })
        : MAILS.rejected[locale]({ organisation: organisation.name, reason, link: `${this.config.publicUrl}/organisations/apply` });
      await this.mail.send({ to: applicant.email, ...content });
    }
    return this.toOrganisation(organisation);
  }

  async members(user: AuthUser, id: string): Promise<OrganisationMember[]> {
    await this.policy.member(user, id);
    const memberships = await this.dataSource.manager.find(MembershipEntity, { where: { organisationId: id } });
    const byUser = new Map(memberships.map((m) => [m.userId, m]));
    // UsersReader gives the people by display name, the order of the list.
    const people = await this.users.contacts([...byUser.keys()]);
    return [...people.values()].flatMap((u) => {
      const m = byUser.get(u.id);
      return m
        ? [{ userId: u.id, displayName: u.displayName, email: u.email, role: m.role, joinedAt: new Date(m.createdAt).toISOString() }]
        : [];
    });
  }

  async invite(user: AuthUser, id: string, input: { email: string; role: OrganisationRole }, ip: string | null): Promise<Invitation> {
    const organisation = await this.policy.admin(user, id);
    const email = normaliseEmail(input.email);
    const invitee = await this.users.byEmail(email);
    const existing = invitee
      ? await this.dataSource.manager.exists(MembershipEntity, { where: { organisationId: id, userId: invitee.id } })
      : false;
    if (existing) throw new DomainException(IdentityErrorCode.AlreadyMember, 'This person is already a member');
    const token = randomBytes(32).toString('base64url');
    const invitation = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(InvitationEntity, {
          organisationId: id,
          email,
          role: input.role,
          tokenHash: sha256(token),
          invitedBy: user.id,
          expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        }),
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'invitation.created',
          objectType: 'invitation',
          objectId: saved.id,
          organisationId: id,
          ip,
          details: { email, role: input.role },
        },
        manager,
      );
      return saved;
    });
    const locale = mailLocale(invitee?.locale ?? user.locale);
    await this.mail.send({
      to: email,
      ...MAILS.invitation[locale]({
        organisation: organisation.name,
        inviter: user.displayName,
        link: `${this.config.publicUrl}/invitations/${token}`,
      }),
    });
    return this.toInvitation(invitation);
  }

  async invitations(user: AuthUser, id: string): Promise<Invitation[]> {
    await this.policy.admin(user, id);
    const rows = await this.dataSource.manager
      .createQueryBuilder(InvitationEntity, 'i')
      .where('i.organisationId = :id AND i.acceptedAt IS NULL AND i.revokedAt IS NULL AND i.expiresAt > now()', { id })
      .orderBy('i.createdAt', 'DESC')
      .getMany();
    return rows.map((r) => this.toInvitation(r));
  }

  async revokeInvitation(user: AuthUser, id: string, invitationId: string, ip: string | null): Promise<void> {
    await this.policy.admin(user, id);
    // IsNull(): a bare null in a where object is an error in TypeORM 1 (it was silently ignored before).
    const result = await this.dataSource.manager.update(
      InvitationEntity,
      { id: invitationId, organisationId: id, acceptedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    if (!result.affected) throw new NotFoundDomainException('invitation');
    await this.audit.record({
      actorId: user.id,
      action: 'invitation.revoked',
      objectType: 'invitation',
      objectId: invitationId,
      organisationId: id,
      ip,
    });
  }

  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.dataSource.manager.findOne(InvitationEntity, { where: { tokenHash: sha256(token) } });
    if (!invitation || invitation.revokedAt) throw new NotFoundDomainException('invitation');
    const organisation = await this.dataSource.manager.findOneOrFail(OrganisationEntity, { where: { id: invitation.organisationId } });
    return {
      organisationName: organisation.name,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt.toISOString(),
      status: invitation.acceptedAt ? 'used' : invitation.expiresAt.getTime() < Date.now() ? 'expired' : 'valid',
    };
  }

  async accept(user: AuthUser, token: string, ip: string | null): Promise<MembershipSummary> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await manager
        .createQueryBuilder(InvitationEntity, 'i')
        .setLock('pessimistic_write')
        .where('i.tokenHash = :hash', { hash: sha256(token) })
        .getOne();
      if (!invitation || invitation.revokedAt) throw new NotFoundDomainException('invitation');
      if (invitation.acceptedAt) throw new DomainException(IdentityErrorCode.InvitationInvalid, 'This invitation was already used');
      if (invitation.expiresAt.getTime() < Date.now())
        throw new DomainException(IdentityErrorCode.InvitationExpired, 'This invitation has expired');
      if (normaliseEmail(user.email) !== invitation.email) {
        throw new DomainException(
          IdentityErrorCode.InvitationEmailMismatch,
          'This invitation is for another email address: sign in with that address',
        );
      }
      const organisation = await manager.findOneOrFail(OrganisationEntity, { where: { id: invitation.organisationId } });
      const existing = await manager.findOne(MembershipEntity, { where: { organisationId: organisation.id, userId: user.id } });
      if (!existing) await manager.insert(MembershipEntity, { organisationId: organisation.id, userId: user.id, role: invitation.role });
      await manager.update(InvitationEntity, invitation.id, { acceptedAt: new Date(), acceptedBy: user.id });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'invitation.accepted',
          objectType: 'invitation',
          objectId: invitation.id,
          organisationId: organisation.id,
          ip,
        },
        manager,
      );
      return {
        organisationId: organisation.id,
        organisationName: organisation.name,
        organisationStatus: organisation.status,
        role: existing?.role ?? invitation.role,
      };
    });
  }

  async changeRole(user: AuthUser, id: string, memberId: string, role: OrganisationRole, ip: string | null): Promise<OrganisationMember[]> {
    await this.policy.admin(user, id);
    await this.dataSource.transaction(async (manager) => {
      const memberships = await this.lockMemberships(manager, id);
      const target = memberships.find((m) => m.userId === memberId);
      if (!target) throw new NotFoundDomainException('member');
      if (target.role === 'admin' && role !== 'admin' && memberships.filter((m) => m.role === 'admin').length === 1) {
        throw new DomainException(IdentityErrorCode.LastAdmin, 'The organisation must keep at least one admin');
      }
      await manager.update(MembershipEntity, { organisationId: id, userId: memberId }, { role });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'membership.role_changed',
          objectType: 'user',
          objectId: memberId,
          organisationId: id,
          ip,
          details: { from: target.role, to: role },
        },
        manager,
      );
    });
    return this.members(user, id);
  }

  /** An admin removes a member, or a member leaves (removes themself). The last admin cannot go. */
  async removeMember(user: AuthUser, id: string, memberId: string, ip: string | null): Promise<void> {
    if (memberId !== user.id) await this.policy.admin(user, id);
    else await this.policy.member(user, id);
    await this.dataSource.transaction(async (manager) => {
      const memberships = await this.lockMemberships(manager, id);
      const target = memberships.find((m) => m.userId === memberId);
      if (!target) throw new NotFoundDomainException('member');
      if (target.role === 'admin' && memberships.filter((m) => m.role === 'admin').length === 1) {
        throw new DomainException(IdentityErrorCode.LastAdmin, 'The last admin cannot leave: name another admin first');
      }
      await manager.delete(MembershipEntity, { organisationId: id, userId: memberId });
      await this.audit.record(
        {
          actorId: user.id,
          action: memberId === user.id ? 'membership.left' : 'membership.removed',
          objectType: 'user',
          objectId: memberId,
          organisationId: id,
          ip,
        },
        manager,
      );
    });
  }

  /** Serialises membership changes of one organisation, so "last admin" holds under concurrency. */
  private lockMemberships(manager: EntityManager, organisationId: string): Promise<MembershipEntity[]> {
    return manager
      .createQueryBuilder(MembershipEntity, 'm')
      .setLock('pessimistic_write')
      .where('m.organisationId = :organisationId', { organisationId })
      .getMany();
  }

  private toInvitation(entity: InvitationEntity): Invitation {
    return {
      id: entity.id,
      organisationId: entity.organisationId,
      email: entity.email,
      role: entity.role,
      expiresAt: entity.expiresAt.toISOString(),
      createdAt: entity.createdAt.toISOString(),
      acceptedAt: entity.acceptedAt?.toISOString() ?? null,
    };
  }
}
