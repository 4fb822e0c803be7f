import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DomainException, NotFoundDomainException, type AuthUser } from '@alliances/api/core';
import type { AllianceMemberStatus, AllianceRole, NotFoundSubject, OrganisationRole } from '@alliances/shared/contracts';
import { Repository } from 'typeorm';
import { AllianceEntity } from './alliance.entity';
import { isFunderOnly } from './funder-view';
import { isWriteRequest } from './write-requests';

export interface CallerSeat {
  organisationId: string;
  allianceRole: AllianceRole;
  status: AllianceMemberStatus;
  organisationRole: OrganisationRole;
}

export interface AllianceAccess {
  alliance: AllianceEntity;
  seats: CallerSeat[];
  /** Active seats only: the organisations through which the caller acts in this alliance. */
  active: CallerSeat[];
  canRead: boolean;
  canEdit: boolean;
  canInvite: boolean;
  canWriteCharter: boolean;
  /** Organisations the caller may sign the charter for (admin or signatory of an active lead/partner). */
  signFor: string[];
  /**
   * The caller sees this alliance only as its funder (financeur): the funder's view of docs/domain.md
   * "Visibility" — profile, charter status and the version in force, objective progress, evaluation
   * aggregates, funding — never drafts, discussion or individual answers.
   */
  funderOnly: boolean;
  /** The caller's organisations that may leave this open alliance (their admin acts; the lead hands over first). */
  leaveFor: string[];
}

/**
 * For a domain that answers "not found" for its own object when the caller may not see its alliance:
 * `policy.readable(…).catch(notFoundUnlessClosed('objective'))` keeps the 409 of a write to a closed
 * alliance (the caller sees it) and hides everything else as a 404 of that object.
 */
export function notFoundUnlessClosed(subject: NotFoundSubject): (error: unknown) => never {
  return (error) => {
    if (error instanceof DomainException && error.code === 'alliance.closed') throw error;
    throw new NotFoundDomainException(subject);
  };
}

/**
 * Who may do what in an alliance, decided here only. The caller acts through the organisations they
 * belong to; an organisation's seat gives read access when active, and the lead's members edit.
 * Anyone without a seat gets 404, whatever the id.
 */
@Injectable()
export class AlliancePolicy {
  constructor(@InjectRepository(AllianceEntity) private readonly alliances: Repository<AllianceEntity>) {}

  /**
   * `partnerOnly`: the caller's request is for partners' things (the funder sees them as an outsider), so a
   * funder gets the 404 an outsider gets before any 409 of a closed alliance.
   */
  async access(user: AuthUser, allianceId: string, options: { partnerOnly?: boolean } = {}): Promise<AllianceAccess> {
    if (!/^[0-9a-f-]{36}$/i.test(allianceId)) throw new NotFoundDomainException('alliance');
    // The alliance and the caller's seats in one statement: every alliance-scoped request runs this.
    const { entities, raw } = await this.alliances
      .createQueryBuilder('a')
      .addSelect(
        `(SELECT coalesce(json_agg(json_build_object('organisationId', am.organisation_id, 'allianceRole', am.role, 'status', am.status, 'organisationRole', m.role)), '[]')
            FROM alliance_members am JOIN memberships m ON m.organisation_id = am.organisation_id AND m.user_id = :userId
           WHERE am.alliance_id = a.id)`,
        'caller_seats',
      )
      .where('a.id = :allianceId', { allianceId, userId: user.id })
      .getRawAndEntities<{ caller_seats: CallerSeat[] }>();
    const alliance = entities[0];
    const seats: CallerSeat[] = raw[0]?.caller_seats ?? [];
    const active = seats.filter((s) => s.status === 'active');
    // An invited organisation's admins see the alliance, to decide whether to join.
    const invitedAdmin = seats.some((s) => s.status === 'invited' && s.organisationRole === 'admin');
    if (!alliance || (!active.length && !invitedAdmin)) throw new NotFoundDomainException('alliance');
    const open = alliance.status !== 'closed';
    if (options.partnerOnly && isFunderOnly(active)) throw new NotFoundDomainException('alliance');
    // A closed alliance is read-only for everyone, whichever domain the write goes to.
    if (!open && isWriteRequest()) throw new DomainException('alliance.closed', 'The alliance is closed: it can no longer be changed');
    const lead = active.some((s) => s.allianceRole === 'lead');
    const writer = active.some((s) => s.allianceRole === 'lead' || s.allianceRole === 'partner');
    return {
      alliance,
      seats,
      active,
      canRead: active.length > 0,
      canEdit: lead && open,
      canInvite: lead && open,
      canWriteCharter: writer && open,
      signFor: open
        ? active
            .filter(
              (s) =>
                (s.allianceRole === 'lead' || s.allianceRole === 'partner') &&
                (s.organisationRole === 'admin' || s.organisationRole === 'signatory'),
            )
            .map((s) => s.organisationId)
        : [],
      funderOnly: isFunderOnly(active),
      leaveFor: open ? active.filter((s) => s.allianceRole !== 'lead' && s.organisationRole === 'admin').map((s) => s.organisationId) : [],
    };
  }

  async readable(user: AuthUser, allianceId: string, options: { partnerOnly?: boolean } = {}): Promise<AllianceAccess> {
    const access = await this.access(user, allianceId, options);
    if (!access.canRead) throw new NotFoundDomainException('alliance');
    return access;
  }

  /** What only the partners see (drafts, live charter, discussion): a funder gets 404, as an outsider does. */
  async partnerReadable(user: AuthUser, allianceId: string): Promise<AllianceAccess> {
    const access = await this.readable(user, allianceId, { partnerOnly: true });
    if (access.funderOnly) throw new NotFoundDomainException('alliance');
    return access;
  }

  async editable(user: AuthUser, allianceId: string): Promise<AllianceAccess> {
    const access = await this.readable(user, allianceId);
    if (!access.canEdit) throw new DomainException('alliance.lead_required', 'Only the lead organisation may do this');
    return access;
  }
}
