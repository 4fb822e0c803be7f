import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AuditService,
  DomainException,
  InvalidInputException,
  NotFoundDomainException,
  runAsSystem,
  type AuthUser,
} from '@alliances/api/core';
import { AlliancesReader } from '@alliances/api/alliances';
import { OrganisationPolicy, OrganisationsReader, TerritoriesService } from '@alliances/api/organisations';
import type { CatalystGrant, CatalystTerritoryView, Proposal } from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';
import { CatalystTerritoryEntity } from './proposal.entity';
import type { CreateIntroductionDto } from './proposals.dto';
import { ProposalsService } from './proposals.service';

/**
 * Territorial catalysts (catalyseurs territoriaux): the platform admin grants an organisation
 * départements or régions; its members see counts of what happens there, and its admins introduce
 * two listed organisations of those territories to each other (a proposal both must accept).
 */
@Injectable()
export class CatalystsService {
  constructor(
    // A grant replaces the previous one and commits with its audit entry.
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: OrganisationPolicy,
    private readonly organisations: OrganisationsReader,
    private readonly alliances: AlliancesReader,
    private readonly territories: TerritoriesService,
    private readonly proposals: ProposalsService,
    private readonly audit: AuditService,
  ) {}

  /** Départements and régions only (a catalyst animates an area, not a commune), normalised; 400 naming each bad entry. */
  private areas(codes: string[], field: string): string[] {
    const normalised = codes.map((c) => c.trim().toUpperCase());
    const bad = normalised
      .map((code, i) => ({ i, kind: this.territories.find(code)?.kind }))
      .filter(({ kind }) => kind !== 'departement' && kind !== 'region');
    if (bad.length)
      throw new InvalidInputException(
        bad.map(({ i }) => ({
          field: codes.length === 1 && field === 'territory' ? field : `${field}.${i}`,
          messages: ['must be a département (69, 2A) or a région (R84)'],
          codes: ['invalidTerritory'],
        })),
      );
    return [...new Set(normalised)];
  }

  async grant(admin: AuthUser, organisationId: string, territoryCodes: string[], ip: string | null): Promise<CatalystGrant> {
    const codes = this.areas(territoryCodes, 'territoryCodes');
    if (!(await this.organisations.approved(organisationId))) throw new NotFoundDomainException('organisation');
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(CatalystTerritoryEntity, { organisationId });
      if (codes.length)
        await manager.insert(
          CatalystTerritoryEntity,
          codes.map((territoryCode) => ({ organisationId, territoryCode, grantedBy: admin.id })),
        );
      await this.audit.record(
        {
          actorId: admin.id,
          action: codes.length ? 'catalyst.granted' : 'catalyst.revoked',
          objectType: 'organisation',
          objectId: organisationId,
          organisationId,
          ip,
          details: { territoryCodes: codes },
        },
        manager,
      );
    });
    return this.grantOf(organisationId);
  }

  /** The members of an organisation see its grant (empty when it is no catalyst). */
  async forMember(user: AuthUser, organisationId: string): Promise<CatalystGrant> {
    await this.policy.member(user, organisationId);
    return this.grantOf(organisationId);
  }

  /** The platform administrators see any approved organisation's grant, to change it (404 for another id). */
  async forPlatformAdmin(organisationId: string): Promise<CatalystGrant> {
    if (!(await this.organisations.approved(organisationId))) throw new NotFoundDomainException('organisation');
    return this.grantOf(organisationId);
  }

  private async grantOf(organisationId: string): Promise<CatalystGrant> {
    const rows = await this.dataSource.manager.find(CatalystTerritoryEntity, {
      where: { organisationId },
      order: { territoryCode: 'ASC' },
    });
    return {
      organisationId,
      territories: rows.map((r) => {
        const t = this.territories.find(r.territoryCode);
        return { code: r.territoryCode, name: t?.name ?? r.territoryCode, kind: t?.kind === 'region' ? 'region' : 'departement' };
      }),
      grantedAt: rows.length ? new Date(Math.max(...rows.map((r) => r.grantedAt.getTime()))).toISOString() : null,
    };
  }

  /** The catalyst's territories; 404 when the organisation is no catalyst. */
  private async grantedAreas(organisationId: string): Promise<string[]> {
    const rows = await this.dataSource.manager.find(CatalystTerritoryEntity, { where: { organisationId } });
    if (!rows.length) throw new NotFoundDomainException('catalyst');
    return rows.map((r) => r.territoryCode);
  }

  /**
   * Counts only: the approved organisations located in the territory (by profile, and how many are
   * listed), and the alliances one of whose territory codes lies in it (by category, domain, status).
   */
  async territoryView(user: AuthUser, organisationId: string, territory: string): Promise<CatalystTerritoryView> {
    await this.policy.member(user, organisationId);
    const granted = await this.grantedAreas(organisationId);
    const [area] = this.areas([territory], 'territory');
    if (!granted.some((g) => this.territories.isWithin(area, g)))
      throw new DomainException('catalyst.outside_territory', 'This territory is outside the catalyst’s grant');
    const codes = this.territories.codesWithin(area);
    const [organisations, alliances] = await Promise.all([
      this.organisations.territoryFigures([area]),
      // Counted across every alliance, not only the caller's: as the system (row-level security would
      // show the caller's alone), and nothing but counts leaves this method.
      runAsSystem(() => this.alliances.territoryCounts(codes)),
    ]);
    return { territoryCodes: [area], organisations, alliances };
  }

  /** A proposal on both organisations' behalf: each side's admin must accept it (docs/decisions/0015-proposals.md). */
  async introduce(user: AuthUser, input: CreateIntroductionDto, ip: string | null): Promise<Proposal> {
    await this.policy.admin(user, input.catalystOrganisationId);
    const granted = await this.grantedAreas(input.catalystOrganisationId);
    const [first, second] = input.organisationIds;
    if (first === second)
      throw new DomainException('proposal.to_self', 'Introduce two different organisations', [
        { field: 'organisationIds', messages: ['must be two different organisations'], codes: ['sameOrganisation'] },
      ]);
    const listed = await Promise.all([this.organisations.isListed(first), this.organisations.isListed(second)]);
    if (listed.includes(false)) throw new NotFoundDomainException('organisation');
    const located = await this.organisations.territoryCodes([first, second]);
    for (const id of [first, second])
      if (!granted.some((g) => this.territories.isWithin(located.get(id), g)))
        throw new DomainException('catalyst.outside_territory', 'This organisation is outside the catalyst’s territories', [
          { field: `organisationIds.${id === first ? 0 : 1}`, messages: ['not located in your territories'], codes: ['outsideTerritory'] },
        ]);
    await this.proposals.refuseBlocked(first, second, true);
    return this.proposals.send(
      user,
      {
        from: first,
        to: second,
        introducedBy: input.catalystOrganisationId,
        message: input.message,
        category: input.category ?? null,
        allianceId: null,
      },
      ip,
    );
  }
}
