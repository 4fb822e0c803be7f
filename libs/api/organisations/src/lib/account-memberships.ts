import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuthUser } from '@alliances/api/core';
import { AccountMemberships, type MembershipsExport } from '@alliances/api/identity';
import type { MembershipSummary } from '@alliances/shared/contracts';
import { EntityManager, Repository } from 'typeorm';
import { MembershipEntity } from './membership.entity';
import { OrganisationsService } from './organisations.service';

/** The organisations side of `/me` (identity's `AccountMemberships`): memberships and invitations of one person. */
@Injectable()
export class OrganisationAccountMemberships extends AccountMemberships {
  constructor(
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    private readonly organisations: OrganisationsService,
  ) {
    super();
  }

  mine(user: AuthUser): Promise<MembershipSummary[]> {
    return this.organisations.mine(user);
  }

  async exportOf(userId: string, email: string | null): Promise<MembershipsExport> {
    const q = (sql: string, params: unknown[] = [userId]) => this.memberships.query(sql, params);
    const [memberships, invitationsSent, invitationsReceived] = await Promise.all([
      q(
        'SELECT m.organisation_id, o.name AS organisation_name, m.role, m.created_at FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = $1',
      ),
      q('SELECT email, role, organisation_id, created_at, accepted_at FROM invitations WHERE invited_by = $1'),
      // Invitations addressed to the person's email hold their address too.
      q(
        `SELECT i.organisation_id, o.name AS organisation_name, i.role, i.created_at, i.expires_at, i.accepted_at, i.revoked_at
           FROM invitations i JOIN organisations o ON o.id = i.organisation_id
          WHERE i.accepted_by = $1 OR i.email = $2 ORDER BY i.created_at`,
        [userId, email],
      ),
    ]);
    return { memberships, invitationsSent, invitationsReceived };
  }

  lastAdminOf(userId: string, manager: EntityManager): Promise<{ name: string }[]> {
    return manager.query(
      `SELECT o.name FROM memberships m JOIN organisations o ON o.id = m.organisation_id
        WHERE m.user_id = $1 AND m.role = 'admin'
          AND NOT EXISTS (SELECT 1 FROM memberships a WHERE a.organisation_id = m.organisation_id AND a.role = 'admin' AND a.user_id <> $1)
          AND EXISTS (SELECT 1 FROM memberships o2 WHERE o2.organisation_id = m.organisation_id AND o2.user_id <> $1)`,
      [userId],
    );
  }

  async removeAll(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM memberships WHERE user_id = $1', [userId]);
  }
}
