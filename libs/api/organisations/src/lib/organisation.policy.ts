import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainException, NotFoundDomainException, type AuthUser } from '@alliances/api/core';
import { IdentityErrorCode, type OrganisationRole } from '@alliances/shared/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { MembershipEntity } from './membership.entity';
import { OrganisationEntity } from './organisation.entity';

/**
 * Who may do what with an organisation, decided here and nowhere else. Someone with no access gets
 * 404, never a hint that the organisation exists; a member without the right role gets 403.
 */
@Injectable()
export class OrganisationPolicy {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  roleOf(userId: string, organisationId: string, manager: EntityManager = this.dataSource.manager): Promise<OrganisationRole | null> {
    return manager.findOne(MembershipEntity, { where: { userId, organisationId } }).then((m) => m?.role ?? null);
  }

  /** Members and platform admins see an organisation. (Partners in a shared alliance join with the alliances issue.) */
  async viewable(user: AuthUser, organisationId: string): Promise<OrganisationEntity> {
    const organisation = await this.dataSource.manager.findOne(OrganisationEntity, { where: { id: organisationId } });
    if (!organisation) throw new NotFoundDomainException('organisation');
    if (user.isPlatformAdmin) return organisation;
    if (await this.roleOf(user.id, organisationId)) return organisation;
    throw new NotFoundDomainException('organisation');
  }

  /** Members only (the member list is not for platform admins' browsing). */
  async member(user: AuthUser, organisationId: string): Promise<{ organisation: OrganisationEntity; role: OrganisationRole }> {
    const organisation = await this.dataSource.manager.findOne(OrganisationEntity, { where: { id: organisationId } });
    const role = organisation ? await this.roleOf(user.id, organisationId) : null;
    if (!organisation || !role) throw new NotFoundDomainException('organisation');
    return { organisation, role };
  }

  /**
   * An admin of the organisation, approved or not: its profile and logo can be prepared while the
   * application waits (the directory shows approved organisations only).
   */
  async profileAdmin(user: AuthUser, organisationId: string): Promise<OrganisationEntity> {
    const { organisation, role } = await this.member(user, organisationId);
    if (role !== 'admin') throw new DomainException('organisation.admin_required', 'Only an admin of this organisation may do this');
    return organisation;
  }

  /** Anyone signed in sees a listed, approved organisation's public card and logo; otherwise as `viewable`. */
  async publicOrViewable(user: AuthUser, organisationId: string): Promise<OrganisationEntity> {
    const organisation = await this.dataSource.manager.findOne(OrganisationEntity, { where: { id: organisationId } });
    if (organisation?.listed && organisation.status === 'approved') return organisation;
    return this.viewable(user, organisationId);
  }

  /** An admin of an approved organisation: invitations, roles, removals. */
  async admin(user: AuthUser, organisationId: string): Promise<OrganisationEntity> {
    const organisation = await this.dataSource.manager.findOne(OrganisationEntity, { where: { id: organisationId } });
    const role = organisation ? await this.roleOf(user.id, organisationId) : null;
    if (!organisation || !role) throw new NotFoundDomainException('organisation');
    if (role !== 'admin') throw new DomainException('organisation.admin_required', 'Only an admin of this organisation may do this');
    if (organisation.status !== 'approved')
      throw new DomainException(IdentityErrorCode.NotApproved, 'The organisation is not approved yet');
    return organisation;
  }
}
