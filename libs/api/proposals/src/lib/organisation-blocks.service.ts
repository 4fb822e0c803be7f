import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, DomainException, NotFoundDomainException, type AuthUser } from '@alliances/api/core';
import { OrganisationPolicy, OrganisationsReader } from '@alliances/api/organisations';
import type { OrganisationBlock } from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';
import { OrganisationBlockEntity } from './proposal.entity';
import { ProposalsService } from './proposals.service';

/** An organisation's admins refuse another organisation's proposals (and introductions to it). */
@Injectable()
export class OrganisationBlocksService {
  constructor(
    // A block and the proposals it declines commit together.
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: OrganisationPolicy,
    private readonly organisations: OrganisationsReader,
    private readonly proposals: ProposalsService,
    private readonly audit: AuditService,
  ) {}

  async block(user: AuthUser, organisationId: string, blockedId: string, ip: string | null): Promise<OrganisationBlock[]> {
    await this.policy.admin(user, organisationId);
    if (organisationId === blockedId)
      throw new DomainException('organisation_block.self', 'An organisation cannot block itself', [
        { field: 'organisationId', messages: ['must be another organisation'], codes: ['sameOrganisation'] },
      ]);
    if (!(await this.organisations.names([blockedId])).length) throw new NotFoundDomainException('organisation');
    await this.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(OrganisationBlockEntity)
        .values({ organisationId, blockedOrganisationId: blockedId, createdBy: user.id })
        .orIgnore()
        .execute();
      const declined = await this.proposals.declineOnBlock(manager, organisationId, blockedId, user.id);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'organisation.blocked',
          objectType: 'organisation',
          objectId: blockedId,
          organisationId,
          ip,
          details: { declinedProposals: declined },
        },
        manager,
      );
    });
    return this.list(user, organisationId);
  }

  async unblock(user: AuthUser, organisationId: string, blockedId: string, ip: string | null): Promise<void> {
    await this.policy.admin(user, organisationId);
    const result = await this.dataSource.manager.delete(OrganisationBlockEntity, { organisationId, blockedOrganisationId: blockedId });
    if (!result.affected) throw new NotFoundDomainException('organisation');
    await this.audit.record({
      actorId: user.id,
      action: 'organisation.unblocked',
      objectType: 'organisation',
      objectId: blockedId,
      organisationId,
      ip,
    });
  }

  async list(user: AuthUser, organisationId: string): Promise<OrganisationBlock[]> {
    await this.policy.admin(user, organisationId);
    const rows = await this.dataSource.manager.find(OrganisationBlockEntity, { where: { organisationId }, order: { createdAt: 'DESC' } });
    const names = new Map((await this.organisations.names(rows.map((r) => r.blockedOrganisationId))).map((o) => [o.id, o.name]));
    return rows.map((r) => ({
      organisationId: r.blockedOrganisationId,
      name: names.get(r.blockedOrganisationId) ?? '',
      createdAt: r.createdAt.toISOString(),
    }));
  }
}
