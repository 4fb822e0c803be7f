import { Injectable } from '@nestjs/common';
import { DomainException } from '@alliances/api/core';
import type { AllianceMemberStatus, AllianceRole, PartnershipCategory } from '@alliances/shared/contracts';
import type { EntityManager } from 'typeorm';
import { AllianceEntity, AllianceMemberEntity } from './alliance.entity';

/**
 * The alliance's status moves with its charter (docs/domain.md "Charter lifecycle"): the charter domain
 * calls these inside its own transaction instead of writing the `alliances` table itself
 * (docs/decisions/0012-table-ownership.md).
 */
@Injectable()
export class AllianceLifecycle {
  /** A first version is proposed: a draft alliance starts chartering. */
  async charterProposed(manager: EntityManager, allianceId: string): Promise<void> {
    await manager.query(`UPDATE alliances SET status = 'chartering', updated_at = now() WHERE id = $1 AND status = 'draft'`, [allianceId]);
  }

  /** Every partner signed `version`: it is in force, and a draft or chartering alliance becomes active. */
  async charterInForce(manager: EntityManager, allianceId: string, version: number): Promise<void> {
    await manager.query(
      `UPDATE alliances SET in_force_version = $2, status = CASE WHEN status IN ('draft', 'chartering') THEN 'active' ELSE status END, updated_at = now() WHERE id = $1`,
      [allianceId, version],
    );
  }

  /**
   * An accepted proposal (proposals domain) becomes a draft alliance led by the proposer, with the
   * recipient as an active partner (it accepted). The seat of the caller's own organisation is written
   * first: row-level security lets a request write seats only of an alliance it already belongs to.
   */
  async createFromProposal(
    manager: EntityManager,
    input: {
      leadOrganisationId: string;
      partnerOrganisationId: string;
      /** The organisation the accepting person acts for (one of the two). */
      actingOrganisationId: string;
      name: string;
      purpose: string;
      category: PartnershipCategory;
      createdBy: string;
    },
  ): Promise<string> {
    const alliance = await manager.save(
      manager.create(AllianceEntity, {
        name: input.name.slice(0, 200),
        purpose: input.purpose,
        category: input.category,
        collectiveObjectives: [],
        domains: [],
        scale: 'local',
        territoryCodes: [],
        innovationStage: null,
        status: 'draft',
        createdBy: input.createdBy,
      }),
    );
    const seats = [
      { organisationId: input.leadOrganisationId, role: 'lead' as const },
      { organisationId: input.partnerOrganisationId, role: 'partner' as const },
    ].sort((a, b) => Number(b.organisationId === input.actingOrganisationId) - Number(a.organisationId === input.actingOrganisationId));
    for (const seat of seats)
      await manager.insert(AllianceMemberEntity, {
        allianceId: alliance.id,
        ...seat,
        status: 'active',
        invitedBy: input.createdBy,
        respondedAt: new Date(),
      });
    return alliance.id;
  }

  /**
   * Gives an organisation a seat in an open alliance: `active` when it accepted a proposal to join,
   * `invited` when it still has to accept (an external invitation once approved). 409 when it already
   * has a seat (other than a declined, left or removed one), or when the alliance is closed.
   */
  async addMember(
    manager: EntityManager,
    input: { allianceId: string; organisationId: string; role: AllianceRole; status: AllianceMemberStatus; invitedBy: string | null },
  ): Promise<void> {
    const existing = await manager.findOne(AllianceMemberEntity, {
      where: { allianceId: input.allianceId, organisationId: input.organisationId },
    });
    if (existing && (existing.status === 'active' || existing.status === 'invited'))
      throw new DomainException('alliance.already_member', 'This organisation is already in the alliance or invited');
    const respondedAt = input.status === 'active' ? new Date() : null;
    if (existing)
      await manager.update(
        AllianceMemberEntity,
        { allianceId: input.allianceId, organisationId: input.organisationId },
        { role: input.role, status: input.status, invitedBy: input.invitedBy, respondedAt },
      );
    else await manager.insert(AllianceMemberEntity, { ...input, respondedAt });
    // Read after the seat is written: row-level security shows the alliance to its members only.
    const alliance = await manager.findOne(AllianceEntity, { select: { id: true, status: true }, where: { id: input.allianceId } });
    if (!alliance || alliance.status === 'closed') throw new DomainException('alliance.closed', 'The alliance is closed');
  }
}
