import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, DomainException, type AuthUser } from '@alliances/api/core';
import { AlliancePolicy, AlliancesReader, notFoundUnlessClosed, runAsRead } from '@alliances/api/alliances';
import { OrganisationsReader } from '@alliances/api/organisations';
import type { ObservatoryParticipation } from '@alliances/shared/contracts';
import { DataSource } from 'typeorm';
import { ObservatoryAggregates } from './observatory-aggregates';

const notAPartner = () => new DomainException('observatory.not_a_partner', 'This organisation is not asked to consent');

/**
 * An alliance's participation in the observatory (issue 18): the lead opts in, an admin of every lead/partner
 * organisation consents; the alliance counts only while every current one has consented. Each change moves the
 * observatory's aggregates at once (a withdrawal is gone from the next read). As the case-study consents.
 */
@Injectable()
export class ParticipationService {
  constructor(
    // The DataSource for the transactions of a participation, its consents and their audit entries.
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AlliancePolicy,
    private readonly audit: AuditService,
    private readonly alliances: AlliancesReader,
    private readonly organisations: OrganisationsReader,
    private readonly aggregates: ObservatoryAggregates,
  ) {}

  /** Members (funders included) read it; outsiders get 404. */
  async get(user: AuthUser, allianceId: string): Promise<ObservatoryParticipation> {
    const access = await this.policy.readable(user, allianceId);
    const members = await this.alliances.activeMembers(allianceId, ['lead', 'partner']);
    const [status, rows, names] = await Promise.all([
      this.aggregates.statuses([allianceId]),
      this.dataSource.query(
        `SELECT p.requested_at, c.organisation_id, c.consented_at FROM observatory_participations p
           LEFT JOIN observatory_consents c ON c.alliance_id = p.alliance_id WHERE p.alliance_id = $1`,
        [allianceId],
      ) as Promise<{ requested_at: Date; organisation_id: string | null; consented_at: Date | null }[]>,
      this.organisations.names(members.map((m) => m.organisationId)),
    ]);
    const seats = new Set(members.map((m) => m.organisationId));
    const requested = rows[0]?.requested_at ?? null;
    return {
      allianceId,
      status: status.get(allianceId) ?? 'off',
      requestedAt: requested ? new Date(requested).toISOString() : null,
      consents: names.map((o) => {
        const given = rows.find((r) => r.organisation_id === o.id)?.consented_at;
        return { organisationId: o.id, organisationName: o.name, consentedAt: given ? new Date(given).toISOString() : null };
      }),
      canRequest: access.canEdit,
      canConsentFor: access.active
        .filter((s) => s.organisationRole === 'admin' && seats.has(s.organisationId) && requested !== null)
        .map((s) => s.organisationId),
    };
  }

  /** The lead opts in (the consents are asked) or out (the consents are dropped: opting in again asks them again). */
  async set(user: AuthUser, allianceId: string, optIn: boolean, ip: string | null): Promise<ObservatoryParticipation> {
    await this.policy.editable(user, allianceId);
    const changed = await this.dataSource.transaction(async (manager) => {
      const rows: unknown[] = optIn
        ? await manager.query(
            `INSERT INTO observatory_participations (alliance_id, requested_by) VALUES ($1, $2) ON CONFLICT (alliance_id) DO NOTHING RETURNING alliance_id`,
            [allianceId, user.id],
          )
        : await manager.query(`DELETE FROM observatory_participations WHERE alliance_id = $1 RETURNING alliance_id`, [allianceId]);
      if (!optIn) await manager.query(`DELETE FROM observatory_consents WHERE alliance_id = $1`, [allianceId]);
      if (rows.length)
        await this.audit.record(
          {
            actorId: user.id,
            action: optIn ? 'observatory.requested' : 'observatory.left',
            objectType: 'alliance',
            objectId: allianceId,
            allianceId,
            ip,
          },
          manager,
        );
      return rows.length > 0;
    });
    if (changed) await this.aggregates.refreshAlliances([allianceId]);
    return this.get(user, allianceId);
  }

  /** An admin of a lead/partner organisation consents; the last consent brings the alliance into the observatory. */
  async consent(user: AuthUser, allianceId: string, organisationId: string, ip: string | null): Promise<ObservatoryParticipation> {
    await this.consentingSeat(user, allianceId, organisationId);
    await this.dataSource.transaction(async (manager) => {
      const asked: unknown[] = await manager.query(`SELECT 1 FROM observatory_participations WHERE alliance_id = $1`, [allianceId]);
      if (!asked.length) throw notAPartner();
      await manager.query(
        `INSERT INTO observatory_consents (alliance_id, organisation_id, consented_by) VALUES ($1, $2, $3)
         ON CONFLICT (alliance_id, organisation_id) DO UPDATE SET consented_at = now(), consented_by = EXCLUDED.consented_by`,
        [allianceId, organisationId, user.id],
      );
      await this.audit.record(
        { actorId: user.id, action: 'observatory.consented', objectType: 'alliance', objectId: allianceId, allianceId, organisationId, ip },
        manager,
      );
    });
    await this.aggregates.refreshAlliances([allianceId]);
    return this.get(user, allianceId);
  }

  /** An admin of a lead/partner organisation withdraws: the alliance leaves the observatory at once, until it consents again. */
  async withdraw(user: AuthUser, allianceId: string, organisationId: string, ip: string | null): Promise<ObservatoryParticipation> {
    // Stays possible once the alliance is closed (read-only otherwise): a partner can always take its data out.
    await runAsRead(() => this.consentingSeat(user, allianceId, organisationId));
    await this.dataSource.transaction(async (manager) => {
      const removed: unknown[] = await manager.query(
        `DELETE FROM observatory_consents WHERE alliance_id = $1 AND organisation_id = $2 RETURNING organisation_id`,
        [allianceId, organisationId],
      );
      if (removed.length)
        await this.audit.record(
          {
            actorId: user.id,
            action: 'observatory.consent_withdrawn',
            objectType: 'alliance',
            objectId: allianceId,
            allianceId,
            organisationId,
            ip,
          },
          manager,
        );
    });
    await this.aggregates.refreshAlliances([allianceId]);
    return runAsRead(() => this.get(user, allianceId));
  }

  /** The caller is an admin of `organisationId`, an active lead or partner of the alliance (404 to outsiders). */
  private async consentingSeat(user: AuthUser, allianceId: string, organisationId: string): Promise<void> {
    const access = await this.policy.readable(user, allianceId).catch(notFoundUnlessClosed('alliance'));
    const seat = access.active.find((s) => s.organisationId === organisationId);
    if (!seat || seat.organisationRole !== 'admin')
      throw new DomainException('organisation.admin_required', 'An admin of the organisation consents for it');
    if (seat.allianceRole !== 'lead' && seat.allianceRole !== 'partner') throw notAPartner();
  }
}
