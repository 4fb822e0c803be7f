import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APP_CONFIG,
  AuditService,
  DomainException,
  MailService,
  NotFoundDomainException,
  runAsSystem,
  type AppConfig,
  type AuthUser,
} from '@alliances/api/core';
import { AllianceLifecycle, AlliancePolicy, AlliancesReader } from '@alliances/api/alliances';
import { normaliseEmail } from '@alliances/api/identity';
import { OrganisationHooks, OrganisationsReader } from '@alliances/api/organisations';
import type { AllianceInvitationPreview, ExternalInvitation } from '@alliances/shared/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { MAILS, mailLocale } from './mails';
import { AllianceExternalInvitationEntity } from './proposal.entity';

const INVITATION_TTL_MS = 14 * 86_400_000;
const sha256 = (v: string): string => createHash('sha256').update(v).digest('hex');

/**
 * The lead invites an organisation not yet on the platform by e-mail. The link leads to sign-up and the
 * application form; the application carries the token (single-use, 14 days, only its SHA-256 kept), and
 * the organisation's approval gives it an `invited` partner seat, through the organisations domain's hooks.
 */
@Injectable()
export class ExternalInvitationsService implements OnModuleInit {
  constructor(
    // The invitation and its audit entry commit together; the hooks run in the organisations' transactions.
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AlliancePolicy,
    private readonly alliances: AlliancesReader,
    private readonly lifecycle: AllianceLifecycle,
    private readonly organisations: OrganisationsReader,
    private readonly hooks: OrganisationHooks,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      applied: (event, manager) => this.applied(event, manager),
      approved: (event, manager) => this.approved(event, manager),
    });
  }

  /** 404 to outsiders, 403 to partners and to the lead's members who are not its admins. */
  private async leadAdmin(user: AuthUser, allianceId: string): Promise<string> {
    const access = await this.policy.editable(user, allianceId);
    const seat = access.active.find((s) => s.allianceRole === 'lead');
    if (!seat || seat.organisationRole !== 'admin')
      throw new DomainException('organisation.admin_required', 'Only an admin of the lead organisation may invite');
    return seat.organisationId;
  }

  async invite(
    user: AuthUser,
    allianceId: string,
    input: { email: string; organisationName: string },
    ip: string | null,
  ): Promise<ExternalInvitation> {
    const leadId = await this.leadAdmin(user, allianceId);
    const email = normaliseEmail(input.email);
    const token = randomBytes(32).toString('base64url');
    const invitation = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(AllianceExternalInvitationEntity, {
          allianceId,
          email,
          organisationName: input.organisationName.trim(),
          tokenHash: sha256(token),
          invitedBy: user.id,
          expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        }),
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'alliance.external_invitation_sent',
          objectType: 'alliance_invitation',
          objectId: saved.id,
          allianceId,
          organisationId: leadId,
          ip,
          details: { email, organisationName: saved.organisationName },
        },
        manager,
      );
      return saved;
    });
    const [allianceNames, leadNames] = await Promise.all([this.alliances.names([allianceId]), this.organisations.names([leadId])]);
    // The invitee has no account yet: the mail speaks the inviter's language.
    await this.mail.send({
      to: email,
      ...MAILS.externalInvitation[mailLocale(user.locale)]({
        alliance: allianceNames.get(allianceId) ?? '',
        lead: leadNames[0]?.name ?? '',
        organisation: invitation.organisationName,
        inviter: user.displayName,
        link: `${this.config.publicUrl}/register?allianceInvitation=${token}`,
      }),
    });
    return this.toInvitation(invitation);
  }

  async list(user: AuthUser, allianceId: string): Promise<ExternalInvitation[]> {
    await this.leadAdmin(user, allianceId);
    const rows = await this.dataSource.manager.find(AllianceExternalInvitationEntity, {
      where: { allianceId },
      order: { createdAt: 'DESC' },
    });
    return rows.map((r) => this.toInvitation(r));
  }

  /** Public: knowing the token is the capability. Read as the system: the caller belongs to no alliance yet. */
  preview(token: string): Promise<AllianceInvitationPreview> {
    return runAsSystem(async (): Promise<AllianceInvitationPreview> => {
      const invitation = await this.dataSource.manager.findOne(AllianceExternalInvitationEntity, { where: { tokenHash: sha256(token) } });
      if (!invitation) throw new NotFoundDomainException('alliance_invitation');
      const [names, lead] = await Promise.all([
        this.alliances.names([invitation.allianceId]),
        this.alliances.leadOf(invitation.allianceId),
      ]);
      const leadName = lead ? ((await this.organisations.names([lead.organisationId]))[0]?.name ?? '') : '';
      return {
        allianceName: names.get(invitation.allianceId) ?? '',
        leadName,
        organisationName: invitation.organisationName,
        email: invitation.email,
        status: invitation.appliedAt ? 'used' : invitation.expiresAt.getTime() < Date.now() ? 'expired' : 'valid',
        expiresAt: invitation.expiresAt.toISOString(),
      };
    });
  }

  /** An application brought the token: the invitation is used, and linked to the new organisation. */
  private async applied(
    event: { organisationId: string; userId: string; allianceInvitationToken: string; ip: string | null },
    manager: EntityManager,
  ): Promise<void> {
    const invitation = await manager
      .createQueryBuilder(AllianceExternalInvitationEntity, 'i')
      .setLock('pessimistic_write')
      .where('i.tokenHash = :hash', { hash: sha256(event.allianceInvitationToken) })
      .getOne();
    if (!invitation) throw new NotFoundDomainException('alliance_invitation');
    if (invitation.appliedAt) throw new DomainException('alliance_invitation.used', 'This invitation was already used');
    if (invitation.expiresAt.getTime() < Date.now())
      throw new DomainException('alliance_invitation.expired', 'This invitation has expired');
    await manager.update(AllianceExternalInvitationEntity, invitation.id, {
      appliedOrganisationId: event.organisationId,
      appliedAt: new Date(),
    });
    await this.audit.record(
      {
        actorId: event.userId,
        action: 'alliance.external_invitation_applied',
        objectType: 'alliance_invitation',
        objectId: invitation.id,
        allianceId: invitation.allianceId,
        organisationId: event.organisationId,
        ip: event.ip,
      },
      manager,
    );
  }

  /** The organisation was approved: each invitation it applied with gives it an `invited` partner seat. */
  private async approved(event: { organisationId: string; adminId: string; ip: string | null }, manager: EntityManager): Promise<void> {
    const invitations = await manager.find(AllianceExternalInvitationEntity, {
      where: { appliedOrganisationId: event.organisationId, joinedAt: IsNull() },
    });
    for (const invitation of invitations) {
      const lead = await this.alliances.leadOf(invitation.allianceId);
      // A closed alliance, or a seat the organisation already has, leaves the approval as it is.
      if (!lead || lead.status === 'closed') continue;
      try {
        await this.lifecycle.addMember(manager, {
          allianceId: invitation.allianceId,
          organisationId: event.organisationId,
          role: 'partner',
          status: 'invited',
          invitedBy: invitation.invitedBy,
        });
      } catch (error) {
        if (error instanceof DomainException && error.code === 'alliance.already_member') continue;
        throw error;
      }
      await manager.update(AllianceExternalInvitationEntity, invitation.id, { joinedAt: new Date() });
      await this.audit.record(
        {
          actorId: event.adminId,
          action: 'alliance.organisation_invited',
          objectType: 'organisation',
          objectId: event.organisationId,
          allianceId: invitation.allianceId,
          organisationId: event.organisationId,
          ip: event.ip,
          details: { role: 'partner', externalInvitationId: invitation.id },
        },
        manager,
      );
    }
  }

  private toInvitation(entity: AllianceExternalInvitationEntity): ExternalInvitation {
    return {
      id: entity.id,
      allianceId: entity.allianceId,
      email: entity.email,
      organisationName: entity.organisationName,
      status: entity.joinedAt ? 'joined' : entity.appliedAt ? 'applied' : entity.expiresAt.getTime() < Date.now() ? 'expired' : 'sent',
      createdAt: entity.createdAt.toISOString(),
    };
  }
}
